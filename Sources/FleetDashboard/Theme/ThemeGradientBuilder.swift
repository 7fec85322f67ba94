/// Expands a gradient's start / mid / end into 101 steps (index = percent), as btop does: one set
/// colour is flat, two run linearly, three run start → mid over 0–50 and mid → end over 50–100.
public enum ThemeGradientBuilder {
    /// Colours left empty (terminal default) are skipped; none set gives 101 terminal defaults.
    public static func expand(start: CellColor, mid: CellColor, end: CellColor) -> [CellColor] {
        let stops = [start, mid, end].compactMap { c -> RGB? in if case .rgb(let v) = c { v } else { nil } }
        switch stops.count {
        case 0: return [CellColor](repeating: .terminalDefault, count: 101)
        case 1: return [CellColor](repeating: .rgb(stops[0]), count: 101)
        case 2: return (0...100).map { .rgb(mix(stops[0], stops[1], Double($0) / 100)) }
        default:
            return (0...100).map { i in
                i <= 50 ? .rgb(mix(stops[0], stops[1], Double(i) / 50)) : .rgb(mix(stops[1], stops[2], Double(i - 50) / 50))
            }
        }
    }

    static func mix(_ a: RGB, _ b: RGB, _ t: Double) -> RGB {
        func lerp(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded()) }
        return RGB(lerp(a.r, b.r), lerp(a.g, b.g), lerp(a.b, b.b))
    }
}
