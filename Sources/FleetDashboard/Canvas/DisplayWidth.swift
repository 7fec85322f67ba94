import FleetSim
/// Terminal display width of Unicode scalars (wcwidth-like), without asking the C library,
/// so layout is the same in tests and on every terminal.
public enum DisplayWidth {
    /// 0 for combining marks and zero-width characters, 2 for East Asian wide and emoji, else 1.
    /// Control characters count 1 (they are drawn as a replacement).
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0 { return 0 }
        if v < 0x300 { return 1 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v)
            || (0x1AB0...0x1AFF).contains(v) || (0x20D0...0x20FF).contains(v) || v == 0x2060 { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v) { return 2 }
        return 1
    }

    /// C0 and C1 control characters and DEL, which must never reach the terminal.
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        TextSanitizer.isControl(s)
    }

    /// Display width of a whole string.
    public static func of(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + of($1) } }
}
