extension Diagnostic {
    /// A problem in command text: the 1-based column and the offending token, so the palette can
    /// underline it and the command line can say "column 7: …"; every accepted value is listed.
    static func command(column: Int, token: String, message: String, expected: [String] = []) -> Diagnostic {
        Diagnostic(column: column, token: token, message: message, expected: expected, expectedForm: .oneOf(shown: nil))
    }
}
