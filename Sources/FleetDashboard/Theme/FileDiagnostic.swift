/// A problem found in a file a user wrote (theme or config), named by file and line. Loaders return
/// these as values; the command line decides whether a warning stops anything.
public struct FileDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var file: String
    /// 1-based; 0 when the problem is not on one line (an unreadable file).
    public var line: Int
    public var message: String

    public init(_ severity: Severity, file: String, line: Int, _ message: String) {
        self.severity = severity; self.file = file; self.line = line; self.message = message
    }

    /// `file:line: error: message`, with control characters from the file replaced by `?`.
    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return TextSanitizer.clean("\(place): \(severity.rawValue): \(message)")
    }
}
