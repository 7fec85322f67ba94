/// One whitespace-separated word of a command, with its 1-based column, split at the first `=`.
public struct CommandToken: Sendable, Equatable {
    public var text: Substring
    public var column: Int

    /// The part before `=`, or the whole word.
    public var key: Substring {
        guard let eq = text.firstIndex(of: "=") else { return text }
        return text[..<eq]
    }

    /// The part after `=`, or nil when the word has none.
    public var value: Substring? {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        return text[text.index(after: eq)...]
    }

    /// Splits a command line into words with their columns.
    public static func split(_ line: String) -> [CommandToken] {
        var tokens: [CommandToken] = []
        var column = 0
        var start: String.Index?
        var startColumn = 0
        for i in line.indices {
            column += 1
            if line[i].isWhitespace {
                if let s = start { tokens.append(CommandToken(text: line[s..<i], column: startColumn)); start = nil }
            } else if start == nil {
                start = i; startColumn = column
            }
        }
        if let s = start { tokens.append(CommandToken(text: line[s...], column: startColumn)) }
        return tokens
    }
}
