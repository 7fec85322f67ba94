import Yams

/// A YAML document reduced to what a settings file needs: scalars, lists and mappings, each with
/// the line it starts on, so validation can name file and line. (fleettop's config file; parsed
/// here because Yams is a FleetSim dependency and FleetDashboard has none.)
public indirect enum ConfigNode: Sendable, Equatable {
    case scalar(String, line: Int)
    case sequence([ConfigNode], line: Int)
    /// Entries in file order; `keyLine` is where the key is written.
    case mapping([ConfigEntry], line: Int)

    /// The line the node starts on (1-based; 0 when unknown).
    public var line: Int {
        switch self {
        case .scalar(_, let l), .sequence(_, let l), .mapping(_, let l): l
        }
    }

    /// A parse failure, with the line and column YAML reported.
    public struct ParseError: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Parses YAML text; an empty document is an empty mapping.
    public static func parse(_ text: String) throws(ParseError) -> ConfigNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.describe(error, text: text)
        } catch {
            throw ParseError(line: 0, column: 0, message: "\(error)")
        }
        guard let root else { return .mapping([], line: 1) }
        var budget = nodeBudget
        return try convert(root, budget: &budget)
    }

    /// The most nodes a document may expand to, aliases included: a settings file has a few
    /// hundred, and a "billion laughs" file of nested aliases is refused at once instead of
    /// filling memory.
    public static let nodeBudget = 100_000

    private static func convert(_ node: Node, budget: inout Int) throws(ParseError) -> ConfigNode {
        let line = node.mark?.line ?? 0
        budget -= 1
        guard budget >= 0 else {
            throw ParseError(line: line, column: node.mark?.column ?? 0,
                             message: "the document expands to more than \(nodeBudget) values (nested aliases?)")
        }
        switch node {
        case .scalar(let s):
            return .scalar(s.string, line: line)
        case .sequence(let s):
            var items: [ConfigNode] = []
            for item in s { items.append(try convert(item, budget: &budget)) }
            return .sequence(items, line: line)
        case .mapping(let m):
            var entries: [ConfigEntry] = []
            for pair in m {
                entries.append(ConfigEntry(key: pair.key.string ?? "\(pair.key)", keyLine: pair.key.mark?.line ?? line,
                                           value: try convert(pair.value, budget: &budget)))
            }
            return .mapping(entries, line: line)
        case .alias(let a):
            return .scalar("*\(a.anchor.rawValue)", line: line)
        }
    }

    private static func describe(_ error: YamlError, text: String) -> ParseError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text), " } ?? ""
            return ParseError(line: mark.line, column: mark.column, message: detail + problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = context.mark
            let again = duplicates.first.flatMap { DuplicateKeyLine.find(in: text, key: $0, line: first.line, column: first.column) }
            let message = "duplicate key \(duplicates.joined(separator: ", "))"
            guard let again else { return ParseError(line: first.line, column: first.column, message: message) }
            return ParseError(line: again, column: first.column, message: message + " (first given on line \(first.line))")
        case .reader(let problem, _, _, _):
            return ParseError(line: 0, column: 0, message: problem)
        default:
            return ParseError(line: 0, column: 0, message: "\(error)")
        }
    }
}

/// One `key: value` of a mapping.
public struct ConfigEntry: Sendable, Equatable {
    public var key: String
    public var keyLine: Int
    public var value: ConfigNode
    public init(key: String, keyLine: Int, value: ConfigNode) { self.key = key; self.keyLine = keyLine; self.value = value }
}
