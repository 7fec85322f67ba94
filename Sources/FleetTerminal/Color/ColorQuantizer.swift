import FleetDashboard

/// Maps 24-bit colours onto what a terminal of a given `ColorDepth` can show, as ncurses colour
/// numbers. Pure and deterministic, so themes look the same on every run and tests pin the palette.
public struct ColorQuantizer: Sendable {
    /// The depth colours are mapped to.
    public let depth: ColorDepth

    public init(depth: ColorDepth) { self.depth = depth }

    /// The colour number for ncurses: -1 for the terminal default, a packed RGB value in direct mode,
    /// a palette index otherwise. Monochrome always answers -1.
    public func colorNumber(_ color: CellColor) -> Int32 {
        guard case .rgb(let rgb) = color else { return -1 }
        switch depth {
        case .direct: return Self.directNumber(rgb)
        case .indexed256: return Int32(Self.xterm256Index(rgb))
        case .indexed16: return Int32(Self.nearestANSI(rgb, count: 16))
        case .indexed8: return Int32(Self.nearestANSI(rgb, count: 8))
        case .monochrome: return -1
        }
    }

    /// The xterm palette's 16 ANSI colours, as xterm defines them (xterm's `XTerm-col.ad` defaults).
    public static let ansiPalette: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The six channel levels of xterm's 6×6×6 colour cube (indices 16…231).
    public static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value xterm shows for a 256-palette index.
    public static func xterm256Color(_ index: Int) -> RGB {
        precondition((0...255).contains(index), "xterm palette index out of range")
        if index < 16 { return ansiPalette[index] }
        if index < 232 {
            let i = index - 16
            return RGB(UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6]))
        }
        let level = UInt8(8 + 10 * (index - 232))
        return RGB(level, level, level)
    }

    /// The nearest colour of the 6×6×6 cube or of the grey ramp (indices 16…255), whichever is
    /// closer. The 16 ANSI colours are left out: terminals redefine them, the cube and ramp they don't.
    public static func xterm256Index(_ c: RGB) -> Int {
        let ri = nearestCubeLevel(Int(c.r)), gi = nearestCubeLevel(Int(c.g)), bi = nearestCubeLevel(Int(c.b))
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let cube = RGB(UInt8(cubeLevels[ri]), UInt8(cubeLevels[gi]), UInt8(cubeLevels[bi]))
        let mean = (Int(c.r) + Int(c.g) + Int(c.b)) / 3
        let step = min(23, max(0, (mean - 3) / 10))
        let greyIndex = [step, min(23, step + 1)].min {
            distance(c, xterm256Color(232 + $0)) < distance(c, xterm256Color(232 + $1))
        }! + 232
        return distance(c, xterm256Color(greyIndex)) < distance(c, cube) ? greyIndex : cubeIndex
    }

    /// The nearest of the first `count` (8 or 16) ANSI colours.
    public static func nearestANSI(_ c: RGB, count: Int) -> Int {
        let n = min(max(count, 1), ansiPalette.count)
        var best = 0, bestDistance = Int.max
        for i in 0..<n {
            let d = distance(c, ansiPalette[i])
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }

    /// The packed 0xRRGGBB number for a direct-colour terminal. Values below 8 select ANSI colours in
    /// `*-direct` terminfo entries, so those near-blacks are moved one step of red away (invisible).
    public static func directNumber(_ c: RGB) -> Int32 {
        let packed = Int32(c.r) << 16 | Int32(c.g) << 8 | Int32(c.b)
        return packed < 8 ? packed | 0x01_0000 : packed
    }

    /// Squared distance, weighted by the eye's sensitivity (the "redmean" approximation).
    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let rMean = (Int(a.r) + Int(b.r)) / 2
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return (((512 + rMean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rMean) * db * db) >> 8)
    }

    private static func nearestCubeLevel(_ v: Int) -> Int {
        if v < 48 { return 0 }
        if v < 115 { return 1 }
        return min(5, (v - 35) / 40)
    }
}
