import Foundation

/// The built-in stories (`fleettop demo --list`); `agentic-meets-physics` is the default demo.
public enum StoryCatalog {
    /// One built-in story: its short name and YAML text.
    public struct Entry: Sendable {
        public let name: String
        public let yaml: String

        /// The story, parsed (built-in texts are tested to parse).
        public func story() throws(Diagnostic) -> StoryFile {
            try StoryFile.parse(yaml: yaml, file: "built-in: \(name)")
        }
    }

    /// Every built-in story; the first is the default of `fleettop demo`.
    public static let builtIn: [Entry] = [
        Entry(name: "agentic-meets-physics", yaml: BuiltInStoryTexts.agenticMeetsPhysics),
    ]

    /// The story `fleettop demo` plays without arguments.
    public static var defaultEntry: Entry { builtIn[0] }

    /// A story from a built-in name or a file path (anything with `/` or a YAML suffix is a path).
    public static func load(_ nameOrPath: String) throws(Diagnostic) -> StoryFile {
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        if !looksLikePath, let e = builtIn.first(where: { $0.name == nameOrPath }) { return try e.story() }
        if !looksLikePath, !FileManager.default.fileExists(atPath: nameOrPath) {
            throw Diagnostic(file: nameOrPath, line: nil, field: "", message: "no built-in story or file by that name",
                             expected: builtIn.map(\.name))
        }
        return try StoryFile.load(path: nameOrPath)
    }
}
