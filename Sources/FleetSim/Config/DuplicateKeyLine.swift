/// Finds the line of a duplicated YAML key. Yams reports a duplicate at the first occurrence of the
/// key (often the mapping's first line); the user needs the line that repeats it.
enum DuplicateKeyLine {
    /// The line (1-based) of the second `key:` of the block mapping whose first `key:` is at
    /// `line`, `column` (1-based, as Yams marks them): the next line that writes `key` at the same
    /// column, before the mapping ends (a line indented less). Nil when not found (a flow mapping
    /// such as `{a: 1, a: 2}`, or a quoted key written differently).
    static func find(in text: String, key: String, line: Int, column: Int) -> Int? {
        guard line >= 1, column >= 1 else { return nil }
        let indent = column - 1
        var number = 0
        // "\r\n" is one Character in Swift, so it is a separator of its own (CRLF files).
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            guard number > line else { continue }
            let chars = Array(raw)
            let firstNonSpace = chars.firstIndex { $0 != " " } ?? chars.count
            guard firstNonSpace < chars.count, chars[firstNonSpace] != "#" else { continue }
            if firstNonSpace < indent { return nil }
            guard firstNonSpace == indent else { continue }
            let rest = String(chars[indent...])
            for written in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(written) {
                let after = rest.dropFirst(written.count).drop { $0 == " " }
                if after.first == ":" { return number }
            }
        }
        return nil
    }
}
