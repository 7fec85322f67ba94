import Yams

/// A YAML document reduced to what fleettop's files need: scalars, lists and mappings, each with
/// the line it starts on, so validation can name file and line. The one adapter over Yams: fleet,
/// drill and story files, the config file and Prometheus rules files are all read through it. (Parsed
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

    /// The text of a scalar; nil for a list or a mapping.
    public var scalar: String? {
        if case .scalar(let s, _) = self { s } else { nil }
    }

    /// The entries of a mapping; nil for a scalar or a list.
    public var entries: [ConfigEntry]? {
        if case .mapping(let e, _) = self { e } else { nil }
    }

    /// The items of a list; nil for a scalar or a mapping.
    public var items: [ConfigNode]? {
        if case .sequence(let s, _) = self { s } else { nil }
    }

    /// The value of `key` in a mapping (its first entry of that name); nil when absent or not a mapping.
    public subscript(key: String) -> ConfigNode? {
        entries?.first { $0.key == key }?.value
    }

    /// Parses YAML text; an empty document is an empty mapping.
    public static func parse(_ text: String) throws(ParseError) -> ConfigNode {
        try parseDocument(text) ?? .mapping([], line: 1)
    }

    /// Parses YAML text; nil for an empty document (nothing but blank lines and comments).
    public static func parseDocument(_ text: String) throws(ParseError) -> ConfigNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ParseError(error, text: text)
        } catch {
            throw ParseError(line: 0, column: 0, reason: .other, yamlDescription: "\(error)")
        }
        guard let root else { return nil }
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
            var error = ParseError(line: line, column: node.mark?.column ?? 0, reason: .tooLarge(nodeBudget), yamlDescription: "")
            error.yamlDescription = error.message
            throw error
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
                                           value: try convert(pair.value, budget: &budget), keyIsScalar: pair.key.scalar != nil))
            }
            return .mapping(entries, line: line)
        case .alias(let a):
            return .scalar("*\(a.anchor.rawValue)", line: line)
        }
    }
}

/// One `key: value` of a mapping.
public struct ConfigEntry: Sendable, Equatable {
    public var key: String
    public var keyLine: Int
    public var value: ConfigNode
    /// False when the key is itself a list or a mapping (`key` then holds its YAML text).
    public var keyIsScalar: Bool
    public init(key: String, keyLine: Int, value: ConfigNode, keyIsScalar: Bool = true) {
        self.key = key; self.keyLine = keyLine; self.value = value; self.keyIsScalar = keyIsScalar
    }
}
