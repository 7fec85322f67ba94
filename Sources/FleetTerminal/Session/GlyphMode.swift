/// Which glyphs the dashboard may draw: full Unicode (box drawing, blocks, braille) or plain ASCII.
public enum GlyphMode: Sendable, Hashable {
    case unicode
    case ascii

    /// ASCII when asked for (`--ascii`) or when the locale's character set is not UTF-8, since
    /// such a terminal cannot show the dashboard's box and block glyphs.
    /// - Parameter codeset: the locale's codeset (`nl_langinfo(CODESET)`), e.g. "UTF-8".
    public static func detect(codeset: String, forceASCII: Bool) -> GlyphMode {
        if forceASCII { return .ascii }
        let normalized = codeset.uppercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "UTF8" ? .unicode : .ascii
    }
}
