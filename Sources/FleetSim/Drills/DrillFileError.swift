/// A bad drill or story file: which file, line and field, what is wrong, and the valid choices.
public struct DrillFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file path, or a label such as "built-in: agentic-surge".
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// Dotted field path, e.g. "method[2].fault" or "steady_state[1].below".
    public var field: String
    public var message: String
    public var expected: [String]

    public init(file: String, line: Int?, field: String, message: String, expected: [String] = []) {
        self.file = file; self.line = line; self.field = field; self.message = message; self.expected = expected
    }

    /// "drill.yaml:12: method[2].fault: unknown fault kind 'cooler' — expected one of gpu, rack, …".
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        let head = field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
        guard !expected.isEmpty else { return head }
        let shown = expected.count > 24 ? Array(expected.prefix(24)) + ["…"] : expected
        return expected.count == 1 ? "\(head) — expected \(shown[0])" : "\(head) — expected one of \(shown.joined(separator: ", "))"
    }

    /// The UTF-8 text of a drill or story file, or an error naming the file.
    static func readText(path: String) throws(DrillFileError) -> String {
        do {
            return try TextFile.read(path, limit: TextFile.settingsLimit)
        } catch {
            throw DrillFileError(file: path, line: nil, field: "", message: "cannot read the file: it \(error)")
        }
    }
}
