/// How many colours the terminal can show, which decides how theme colours are quantised.
public enum ColorDepth: Sendable, Hashable, CustomStringConvertible {
    /// 24-bit colour: ncurses reports at least 2²⁴ colours (a `*-direct` TERM).
    case direct
    /// The xterm 256-colour palette: 16 ANSI colours, a 6×6×6 cube and a 24-step grey ramp.
    case indexed256
    /// The 16 ANSI colours (also used for 88-colour terminals).
    case indexed16
    /// The first 8 ANSI colours only (e.g. `linux`, `xterm-color`).
    case indexed8
    /// No colour at all: text attributes carry the meaning.
    case monochrome

    /// Picks the depth from what ncurses reports and from the user's wishes.
    /// - Parameters:
    ///   - colors: ncurses' `COLORS` after `start_color` (0 or negative when unknown).
    ///   - hasColors: ncurses' `has_colors()`.
    ///   - noColorOption: the `--no-color` command-line flag.
    ///   - noColorEnvironment: the value of `NO_COLOR`; any non-empty value forces monochrome.
    public static func detect(colors: Int, hasColors: Bool, noColorOption: Bool = false,
                              noColorEnvironment: String? = nil) -> ColorDepth {
        if isForcedMonochrome(noColorOption: noColorOption, noColorEnvironment: noColorEnvironment) {
            return .monochrome
        }
        guard hasColors else { return .monochrome }
        if colors >= 1 << 24 { return .direct }
        if colors >= 256 { return .indexed256 }
        if colors >= 16 { return .indexed16 }
        if colors >= 8 { return .indexed8 }
        return .monochrome
    }

    /// Whether the user turned colour off: `--no-color`, or `NO_COLOR` set to a non-empty value
    /// (no-color.org).
    public static func isForcedMonochrome(noColorOption: Bool, noColorEnvironment: String?) -> Bool {
        noColorOption || !(noColorEnvironment ?? "").isEmpty
    }

    /// Whether colour pairs are used at all.
    public var usesColor: Bool { self != .monochrome }

    public var description: String {
        switch self {
        case .direct: "24-bit"
        case .indexed256: "256 colours"
        case .indexed16: "16 colours"
        case .indexed8: "8 colours"
        case .monochrome: "monochrome"
        }
    }
}
