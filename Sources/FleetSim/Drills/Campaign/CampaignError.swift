/// A campaign that cannot run or cannot be merged: a bad `--vary` path or value, a bad seed list or
/// shard, a journal or part file that belongs to another campaign. The message names the option or
/// file and what was expected; the command line exits 2.
public struct CampaignError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the option, path or file.
    public var message: String
    /// Valid choices or forms, when there are a few.
    public var expected: [String]

    public init(_ message: String, expected: [String] = []) {
        self.message = message; self.expected = expected
    }

    /// "--vary 'method[4].magnitude': the drill has 1 step — expected one of method[1]".
    public var description: String {
        guard !expected.isEmpty else { return message }
        let shown = expected.count > 24 ? Array(expected.prefix(24)) + ["…"] : expected
        return shown.count == 1 ? "\(message) — expected \(shown[0])" : "\(message) — expected one of \(shown.joined(separator: ", "))"
    }
}
