/// Makes a finished frame pure 7-bit ASCII for `--ascii` and non-UTF-8 locales: every glyph outside
/// ASCII (from panel words, simulation event text or theme names) becomes a close ASCII stand-in, or
/// `?` when there is none. Wide glyphs keep their two cells (the continuation becomes a blank).
public enum ASCIIFallback {
    /// Replaces every non-ASCII cell of `canvas`.
    public static func apply(to canvas: inout Canvas) {
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                let v = cell.glyph.value
                if v < 0x80 && v != 0 { continue }
                let replacement: Unicode.Scalar = cell.isContinuation ? " " : substitute(cell.glyph)
                canvas.put(replacement, x: x, y: y, style: cell.style)
            }
        }
    }

    /// The ASCII stand-in for one scalar.
    public static func substitute(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        switch v {
        case 0x2070, 0x2080: return "0"
        case 0x00B9: return "1"
        case 0x00B2: return "2"
        case 0x00B3: return "3"
        case 0x2074...0x2079: return Unicode.Scalar(UInt8(v - 0x2074 + 0x34))
        case 0x2500, 0x2501, 0x2504, 0x2508: return "-"
        case 0x2502, 0x2503, 0x2506, 0x250A: return "|"
        case 0x250C...0x254B, 0x256D...0x2570: return "+"
        case 0x2580...0x259F: return "#"
        case 0x2800...0x28FF: return v == 0x2800 ? " " : ":"
        default: break
        }
        switch s {
        case "·", "•": return "|"
        case "—", "−", "–", "‒": return "-"
        case "×": return "x"
        case "…": return "."
        case "✔", "✓": return "+"
        case "✘", "✗": return "x"
        case "→": return ">"
        case "←": return "<"
        case "↑": return "^"
        case "↓": return "v"
        case "µ": return "u"
        case "°": return "o"
        case "⚠": return "!"
        default: return "?"
        }
    }
}
