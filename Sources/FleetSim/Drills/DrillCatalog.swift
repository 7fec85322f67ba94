import Foundation

/// The built-in drills (`fleettop drill --list`), each a story of MODEL.md written as an ordinary
/// drill file, so `fleettop drill --show NAME` prints one a user can copy and edit.
public enum DrillCatalog {
    /// One built-in drill: its short name, its YAML text, and the verdict it is designed to reach on
    /// the demo fleet (a drill designed to fail shows a weakness worth fixing).
    public struct Entry: Sendable {
        public let name: String
        public let yaml: String
        public let intendedVerdict: DrillVerdict

        /// "pass", "fail" or "abort": what the drill is designed to do, for "designed to …".
        public var designedTo: String {
            switch intendedVerdict {
            case .passed: "pass"
            case .failed: "fail"
            case .aborted: "abort"
            }
        }

        /// The drill, parsed (built-in texts are tested to parse).
        public func drill() throws(Diagnostic) -> DrillFile {
            try DrillFile.parse(yaml: yaml, file: "built-in: \(name)")
        }
    }

    /// Every built-in drill, in the order `--list` shows them.
    public static let builtIn: [Entry] = [
        Entry(name: "metro-cooling-loss", yaml: BuiltInDrillTexts.metroCoolingLoss, intendedVerdict: .passed),
        Entry(name: "grid-brownout", yaml: BuiltInDrillTexts.gridBrownout, intendedVerdict: .passed),
        Entry(name: "agentic-surge", yaml: BuiltInDrillTexts.agenticSurge, intendedVerdict: .failed),
        Entry(name: "rack-failures-during-surge", yaml: BuiltInDrillTexts.rackFailuresDuringSurge, intendedVerdict: .passed),
        Entry(name: "metro-partition", yaml: BuiltInDrillTexts.metroPartition, intendedVerdict: .passed),
        Entry(name: "cooling-cliff-abort", yaml: BuiltInDrillTexts.coolingCliffAbort, intendedVerdict: .aborted),
    ]

    /// A built-in drill by name.
    public static func entry(named name: String) -> Entry? { builtIn.first { $0.name == name } }

    /// A drill from a built-in name or a file path: names win unless the argument looks like a
    /// path (contains `/` or ends in `.yaml` / `.yml`).
    public static func load(_ nameOrPath: String) throws(Diagnostic) -> DrillFile {
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        if !looksLikePath, let e = entry(named: nameOrPath) { return try e.drill() }
        if !looksLikePath, !FileManager.default.fileExists(atPath: nameOrPath) {
            throw Diagnostic(file: nameOrPath, line: nil, field: "", message: "no built-in drill or file by that name",
                             expected: builtIn.map(\.name))
        }
        return try DrillFile.load(path: nameOrPath)
    }

    /// The `--list` text: name, intended verdict and the drill's first description line.
    public static func listing() -> String {
        let width = builtIn.map(\.name.count).max() ?? 0
        return builtIn.map { e in
            let summary = (try? e.drill()).map { $0.name } ?? ""
            return "\(e.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(summary) (designed to \(e.designedTo))"
        }.joined(separator: "\n") + "\n"
    }
}
