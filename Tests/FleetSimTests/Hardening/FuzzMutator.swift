/// Seeded mutations of valid inputs for the fuzz suite: numbers swapped for extreme values,
/// characters dropped or inserted, lines repeated or cut, text truncated. The same seed gives the
/// same inputs, so a failure names a reproducible case.
struct FuzzMutator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// Values that broke parsers before: huge, tiny, negative, non-finite, overflowing.
    static let extremes = ["0", "-1", "1e300", "-1e300", "1e18", "1e13", "inf", "nan", "-0", "1e-300",
                           "9223372036854775807", "18446744073709551616", "99", "1000000000", "", "0x10", "1_000"]

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// One to three mutations of `text`.
    mutating func mutate(_ text: String) -> String {
        var s = text
        for _ in 0...below(3) { s = mutateOnce(s) }
        return s
    }

    private mutating func mutateOnce(_ text: String) -> String {
        var chars = Array(text)
        switch below(6) {
        case 0, 1:
            let digits = chars.indices.filter { chars[$0].isNumber }
            guard !digits.isEmpty else { return text }
            var start = digits[below(digits.count)], end = start
            while start > 0, chars[start - 1].isNumber || chars[start - 1] == "." { start -= 1 }
            while end + 1 < chars.count, chars[end + 1].isNumber || chars[end + 1] == "." { end += 1 }
            chars.replaceSubrange(start...end, with: Array(Self.extremes[below(Self.extremes.count)]))
        case 2:
            guard !chars.isEmpty else { return text }
            chars.remove(at: below(chars.count))
        case 3:
            let inserts: [Character] = ["\n", ":", "-", "[", "{", "&", "*", " ", "%", "=", "\r", "\"", "\t"]
            chars.insert(inserts[below(inserts.count)], at: below(chars.count + 1))
        case 4:
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard !lines.isEmpty else { return text }
            let i = below(lines.count)
            lines.insert(lines[i], at: below(lines.count + 1))
            return lines.joined(separator: "\n")
        default:
            chars = Array(chars.prefix(below(chars.count + 1)))
        }
        return String(chars)
    }
}
