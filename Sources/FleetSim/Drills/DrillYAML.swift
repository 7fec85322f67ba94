/// A reader over `ConfigNode` trees that keeps file, line and field for every error, so drill and
/// story files report "file:line: field: message — expected …".
struct DrillYAML {
    let file: String

    /// One key of a mapping with its value node and line.
    struct Entry {
        let key: String
        let value: ConfigNode
        let line: Int
    }

    func error(_ node: ConfigNode?, _ field: String, _ message: String, expected: [String] = []) -> Diagnostic {
        error(line: node?.line ?? 0, field, message, expected: expected)
    }

    func error(line: Int, _ field: String, _ message: String, expected: [String] = []) -> Diagnostic {
        Diagnostic(file: file, line: line, field: field, message: message, expected: expected)
    }

    /// Parses YAML text into its root node, turning parse errors into located errors.
    func compose(_ text: String) throws(Diagnostic) -> ConfigNode {
        let root: ConfigNode?
        do {
            root = try ConfigNode.parseDocument(text)
        } catch {
            throw located(error)
        }
        guard let root else { throw Diagnostic(file: file, message: "the file is empty") }
        return root
    }

    private func located(_ e: ConfigNode.ParseError) -> Diagnostic {
        switch e.reason {
        case .syntax(_, let problem):
            return Diagnostic(file: file, line: e.line, message: "not valid YAML: \(problem)")
        case .duplicateKeys(let keys, let firstLine, let found):
            let message = "key given twice: \(keys.sorted().joined(separator: ", "))"
            return Diagnostic(file: file, line: e.line, message: found ? message + " (first given on line \(firstLine))" : message)
        case .tooLarge:
            return Diagnostic(file: file, line: e.line, message: e.message)
        case .reader, .other:
            return Diagnostic(file: file, message: "not valid YAML: \(e.yamlDescription)")
        }
    }

    /// The entries of a mapping node, rejecting keys outside `allowed`.
    func mapping(_ node: ConfigNode, _ field: String, allowed: [String]) throws(Diagnostic) -> [Entry] {
        guard let m = node.entries else {
            throw error(node, field, "expected a mapping of keys", expected: allowed)
        }
        var entries: [Entry] = []
        for e in m {
            guard e.keyIsScalar else { throw error(line: e.keyLine, field, "keys must be plain words", expected: allowed) }
            guard allowed.contains(e.key) else {
                throw error(line: e.keyLine, field.isEmpty ? e.key : "\(field).\(e.key)", "unknown key '\(e.key)'", expected: allowed)
            }
            entries.append(Entry(key: e.key, value: e.value, line: e.keyLine))
        }
        return entries
    }

    /// The items of a sequence node.
    func sequence(_ node: ConfigNode, _ field: String) throws(Diagnostic) -> [ConfigNode] {
        guard let s = node.items else { throw error(node, field, "expected a list (lines starting with '- ')") }
        return s
    }

    /// A scalar as text.
    func string(_ node: ConfigNode, _ field: String) throws(Diagnostic) -> String {
        guard let s = node.scalar else { throw error(node, field, "expected a single value, not a list or mapping") }
        return s
    }

    /// A duration such as `5m`, `90s`, `1h30m`.
    func duration(_ node: ConfigNode, _ field: String) throws(Diagnostic) -> Double {
        let s = try string(node, field)
        guard let d = QuantityText.parseDuration(s[...]) else {
            throw error(node, field, "bad duration '\(s)'", expected: ["a duration like 90s, 10m, 1m30s, 2h, \(QuantityText.durationLimitText)"])
        }
        return d
    }

    /// A whole number ≥ 0.
    func unsigned(_ node: ConfigNode, _ field: String) throws(Diagnostic) -> UInt64 {
        let s = try string(node, field)
        guard let n = UInt64(s) else { throw error(node, field, "'\(s)' must be a whole number ≥ 0") }
        return n
    }

    /// true / false.
    func bool(_ node: ConfigNode, _ field: String) throws(Diagnostic) -> Bool {
        let s = try string(node, field).lowercased()
        switch s {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, field, "'\(s)' must be true or false", expected: ["true", "false"])
        }
    }
}
