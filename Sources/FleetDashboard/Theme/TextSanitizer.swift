/// Makes text from files (theme names, keys, values) safe to show: no control characters reach
/// the terminal (DESIGN §8), and over-long text is cut.
public enum TextSanitizer {
    /// Replaces C0/C1 control characters and DEL with `?`; cuts to `limit` scalars when given.
    public static func clean(_ s: String, limit: Int? = nil) -> String {
        var out = String.UnicodeScalarView()
        for (i, scalar) in s.unicodeScalars.enumerated() {
            if let limit, i >= limit { break }
            out.append(DisplayWidth.isControl(scalar) ? "?" : scalar)
        }
        return String(out)
    }
}
