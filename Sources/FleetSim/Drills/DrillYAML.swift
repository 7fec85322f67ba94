import Yams

/// A thin reader over Yams nodes that keeps file, line and field for every error, so drill and
/// story files report "file:line: field: message — expected …".
struct DrillYAML {
    let file: String

    /// One key of a mapping with its value node and line.
    struct Entry {
        let key: String
        let value: Node
        let line: Int?
    }

    func error(_ node: Node?, _ field: String, _ message: String, expected: [String] = []) -> Diagnostic {
        Diagnostic(file: file, line: node?.mark?.line, field: field, message: message, expected: expected)
    }

    /// Parses YAML text into its root node, turning Yams errors into located errors.
    func compose(_ text: String) throws(Diagnostic) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            throw located(e, text: text)
        } catch {
            throw Diagnostic(file: file, line: nil, field: "", message: "not valid YAML: \(error)")
        }
        guard let root else { throw Diagnostic(file: file, line: nil, field: "", message: "the file is empty") }
        return root
    }

    private func located(_ e: YamlError, text: String) -> Diagnostic {
        switch e {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Diagnostic(file: file, line: mark.line, field: "", message: "not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let first = context.mark
            let message = "key given twice: \(duplicates.sorted().joined(separator: ", "))"
            guard let key = duplicates.first,
                  let again = DuplicateKeyLine.find(in: text, key: key, line: first.line, column: first.column) else {
                return Diagnostic(file: file, line: first.line, field: "", message: message)
            }
            return Diagnostic(file: file, line: again, field: "", message: message + " (first given on line \(first.line))")
        default:
            return Diagnostic(file: file, line: nil, field: "", message: "not valid YAML: \(e)")
        }
    }

    /// The entries of a mapping node, rejecting keys outside `allowed`.
    func mapping(_ node: Node, _ field: String, allowed: [String]) throws(Diagnostic) -> [Entry] {
        guard let m = node.mapping else {
            throw error(node, field, "expected a mapping of keys", expected: allowed)
        }
        var entries: [Entry] = []
        for (k, v) in m {
            guard let key = k.scalar?.string else { throw error(k, field, "keys must be plain words", expected: allowed) }
            guard allowed.contains(key) else {
                throw error(k, field.isEmpty ? key : "\(field).\(key)", "unknown key '\(key)'", expected: allowed)
            }
            entries.append(Entry(key: key, value: v, line: k.mark?.line))
        }
        return entries
    }

    /// The items of a sequence node.
    func sequence(_ node: Node, _ field: String) throws(Diagnostic) -> [Node] {
        guard let s = node.sequence else { throw error(node, field, "expected a list (lines starting with '- ')") }
        return Array(s)
    }

    /// A scalar as text.
    func string(_ node: Node, _ field: String) throws(Diagnostic) -> String {
        guard let s = node.scalar?.string else { throw error(node, field, "expected a single value, not a list or mapping") }
        return s
    }

    /// A duration such as `5m`, `90s`, `1h30m`.
    func duration(_ node: Node, _ field: String) throws(Diagnostic) -> Double {
        let s = try string(node, field)
        guard let d = QuantityText.parseDuration(s[...]) else {
            throw error(node, field, "bad duration '\(s)'", expected: ["a duration like 90s, 10m, 1m30s, 2h, \(QuantityText.durationLimitText)"])
        }
        return d
    }

    /// A whole number ≥ 0.
    func unsigned(_ node: Node, _ field: String) throws(Diagnostic) -> UInt64 {
        let s = try string(node, field)
        guard let n = UInt64(s) else { throw error(node, field, "'\(s)' must be a whole number ≥ 0") }
        return n
    }

    /// true / false.
    func bool(_ node: Node, _ field: String) throws(Diagnostic) -> Bool {
        let s = try string(node, field).lowercased()
        switch s {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, field, "'\(s)' must be true or false", expected: ["true", "false"])
        }
    }
}
