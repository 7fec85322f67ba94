/// Fits text into a width without cutting a word, figure or unit: the whole text when it fits, else
/// the longest run of whole words that fits with `…` after it, else `…` alone.
public enum TextFit {
    /// The mark that says something was left out.
    public static let ellipsis = "…"

    /// `s` fitted into `width` display columns.
    public static func fit(_ s: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(s) <= width { return s }
        let room = width - DisplayWidth.of(ellipsis)
        var best = ""
        var current = ""
        var used = 0
        for ch in s {
            let w = DisplayWidth.of(String(ch))
            if ch == " " {
                let trimmed = trimTail(current)
                if !trimmed.isEmpty, DisplayWidth.of(trimmed) <= room { best = trimmed }
            }
            used += w
            if used > room { break }
            current.append(ch)
        }
        return best.isEmpty ? ellipsis : best + ellipsis
    }

    /// Characters never left at the end before the ellipsis: blanks, separators, and signs whose
    /// figure was left out (`p99 >` without its `0.45 s` would read as a cut).
    static let dangling: Set<Character> = [" ", "·", ",", "(", "|", ":", ">", "<", "=", "+", "−", "-", "–", "×", "→", "/"]

    /// Drops trailing blanks, separators and dangling signs so the ellipsis follows a word.
    static func trimTail(_ s: String) -> String {
        var out = Substring(s)
        while let last = out.last, dangling.contains(last) { out = out.dropLast() }
        return String(out)
    }
}
