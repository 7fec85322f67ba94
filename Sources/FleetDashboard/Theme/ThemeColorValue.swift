/// Parses one theme value: `#RRGGBB`, `#GG` (a grey), `R G B` in decimal, or empty (terminal
/// default), as btop writes them.
public enum ThemeColorValue {
    /// nil when the text is none of the accepted forms.
    public static func parse(_ text: String) -> CellColor? {
        let t = trim(text)
        if t.isEmpty { return .terminalDefault }
        if t.hasPrefix("#") {
            let hex = Array(t.dropFirst())
            guard hex.allSatisfy(\.isHexDigit) else { return nil }
            func byte(_ i: Int) -> UInt8 { UInt8(String(hex[i...i + 1]), radix: 16)! }
            switch hex.count {
            case 6: return .rgb(RGB(byte(0), byte(2), byte(4)))
            case 2: let g = byte(0); return .rgb(RGB(g, g, g))
            default: return nil
            }
        }
        let parts = t.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3 else { return nil }
        let values = parts.compactMap { UInt8($0) }
        guard values.count == 3 else { return nil }
        return .rgb(RGB(values[0], values[1], values[2]))
    }

    /// `s` without leading and trailing spaces, tabs and carriage returns.
    static func trim(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == " " || f == "\t" || f == "\r" { t.removeFirst() }
        while let l = t.last, l == " " || l == "\t" || l == "\r" { t.removeLast() }
        return String(t)
    }

    /// The file spelling of a colour: `#rrggbb`, or empty for the terminal default.
    public static func format(_ color: CellColor) -> String {
        switch color {
        case .terminalDefault: return ""
        case .rgb(let c):
            let digits = Array("0123456789abcdef")
            return "#" + [c.r, c.g, c.b].map { "\(digits[Int($0 >> 4)])\(digits[Int($0 & 15)])" }.joined()
        }
    }
}
