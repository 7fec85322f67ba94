/// A problem in something a user wrote — a fleet, drill, story, theme or config file, a recording,
/// a command typed in the palette or given on the command line — as one value: where (file, line,
/// column, field, token), what is wrong, and what would have been accepted. Every loader and parser
/// throws or returns these, and `description` is the one rendering of them:
///
///     drill.yaml:12: method[2].fault: unknown fault kind 'cooler' — expected one of gpu, rack, …
///     fleet.yaml:4: sites[0].halls[1].sku: unknown SKU (valid: h100, b200)
///     theme.toml:3: warning: unknown key foo (ignored)
///     unknown fault kind 'cooler' — expected one of gpu, rack, cooling, power-cap, network, straggler
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// For problems a loader returns as values (themes, the config file): the command line decides
    /// whether a warning stops anything. Thrown problems carry none and always stop.
    public enum Severity: String, Sendable, Hashable { case error, warning }

    /// How the accepted values read after the message.
    public enum ExpectedForm: Sendable, Hashable {
        /// " — expected X", " — expected one of X, Y, …", showing at most `shown` values (all when nil).
        case oneOf(shown: Int?)
        /// " (valid: X, Y)", every value.
        case valid
    }

    /// The file path or a label such as "built-in: agentic-surge"; empty for command text.
    public var file: String
    /// 1-based line, when the problem is on one.
    public var line: Int?
    /// 1-based column of the offending token in command text, when known.
    public var column: Int?
    /// Dotted field path, e.g. `sites[1].halls[0].sku` or `method[2].fault`; empty when none.
    public var field: String
    /// The offending token of command text ("" when something is missing at the end).
    public var token: String
    /// A plain sentence, e.g. "unknown fault kind 'cooler'".
    public var message: String
    /// The valid choices at that place, if a finite list exists.
    public var expected: [String]
    public var expectedForm: ExpectedForm
    public var severity: Severity?

    /// Lines and columns of 0 or less mean "not known" and are stored as nil.
    public init(file: String = "", line: Int? = nil, column: Int? = nil, field: String = "", token: String = "",
                message: String, expected: [String] = [], expectedForm: ExpectedForm = .oneOf(shown: 24),
                severity: Severity? = nil) {
        self.file = file; self.line = line.flatMap { $0 > 0 ? $0 : nil }; self.column = column.flatMap { $0 > 0 ? $0 : nil }
        self.field = field; self.token = token; self.message = message; self.expected = expected
        self.expectedForm = expectedForm; self.severity = severity
    }

    /// A problem a loader reports as a value, at `line` of `file` (0: not on one line).
    public init(_ severity: Severity, file: String, line: Int, _ message: String) {
        self.init(file: file, line: line, message: message, severity: severity)
    }

    /// `file:line: severity: field: message — expected …`, each part only when present, with control
    /// characters (from the file or the command) replaced by `?`.
    public var description: String {
        var head = ""
        if !file.isEmpty { head = (line.map { "\(file):\($0)" } ?? file) + ": " }
        if let severity { head += severity.rawValue + ": " }
        if !field.isEmpty { head += field + ": " }
        return TextSanitizer.clean(head + message + expectedText)
    }

    /// The description prefixed with the column, for one-line reports of command text ("column 7: …").
    public var located: String { column.map { "column \($0): \(description)" } ?? description }

    private var expectedText: String {
        guard !expected.isEmpty else { return "" }
        switch expectedForm {
        case .valid:
            return " (valid: \(expected.joined(separator: ", ")))"
        case .oneOf(let shown):
            if expected.count == 1 { return " — expected \(expected[0])" }
            let list = shown.map { expected.count > $0 ? Array(expected.prefix($0)) + ["…"] : expected } ?? expected
            return " — expected one of \(list.joined(separator: ", "))"
        }
    }
}
