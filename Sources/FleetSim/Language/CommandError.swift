/// A command-language error as a value: where it happened, what was wrong, and what would have been
/// accepted, so the palette can underline the token and the CLI can print a helpful line.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based column of the offending token in the command text (0 when the text is empty).
    public var column: Int
    /// The offending token ("" when something is missing at the end).
    public var token: String
    /// A plain sentence, e.g. "unknown fault kind 'cooler'".
    public var message: String
    /// The valid choices at that place, if a finite list exists.
    public var expected: [String]

    public init(column: Int, token: String, message: String, expected: [String] = []) {
        self.column = column; self.token = token; self.message = message; self.expected = expected
    }

    /// "unknown fault kind 'cooler' — expected one of gpu, rack, cooling, power-cap, network, straggler".
    public var description: String {
        guard !expected.isEmpty else { return message }
        if expected.count == 1 { return "\(message) — expected \(expected[0])" }
        return "\(message) — expected one of \(expected.joined(separator: ", "))"
    }

    /// The message prefixed with its column, for one-line reports ("column 7: …").
    public var located: String { column > 0 ? "column \(column): \(description)" : description }
}
