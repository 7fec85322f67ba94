/// A metric path that does not name a figure of the snapshot, with the valid choices there.
public struct MetricPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var expected: [String]

    public init(path: String, message: String, expected: [String] = []) {
        self.path = path; self.message = message; self.expected = expected
    }

    /// The message and, when the list is short enough to read, the valid choices.
    public var description: String {
        guard !expected.isEmpty else { return message }
        let shown = expected.count > 24 ? Array(expected.prefix(24)) + ["… (fleettop drill --metrics lists all)"] : expected
        return "\(message) — expected one of \(shown.joined(separator: ", "))"
    }
}
