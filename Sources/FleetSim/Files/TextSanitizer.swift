/// Makes text from files and arguments (theme names, keys, drill names, error messages) safe to show:
/// no control characters reach the terminal or a report (DESIGN §8), and over-long text is cut. The one
/// sanitiser of the program: the dashboard, the command line and the report writers all use it.
public enum TextSanitizer {
    /// C0 and C1 control characters and DEL (Unicode general category Cc).
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }

    /// Replaces control characters with `?`; cuts to `limit` scalars when given.
    public static func clean(_ s: String, limit: Int? = nil) -> String {
        var out = String.UnicodeScalarView()
        for (i, scalar) in s.unicodeScalars.enumerated() {
            if let limit, i >= limit { break }
            out.append(isControl(scalar) ? "?" : scalar)
        }
        return String(out)
    }

    /// Drops control characters (for report text, where a `?` would read as part of a name).
    public static func strip(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !isControl($0) }))
    }
}
