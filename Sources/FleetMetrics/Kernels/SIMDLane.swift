/// Unaligned 16-lane loads and mask helpers shared by the SIMD kernels, so every kernel reads
/// columns the same way: `SIMD16<Float>` from any offset, and a state byte "up" when it is non-zero.
public enum SIMDLane {
    /// Elements per vector.
    public static let width = 16

    /// Loads 16 floats starting at `p + i` (no alignment needed).
    @inlinable @inline(__always)
    public static func load(_ p: UnsafePointer<Float>, _ i: Int) -> SIMD16<Float> {
        UnsafeRawPointer(p + i).loadUnaligned(as: SIMD16<Float>.self)
    }

    /// Loads 16 state bytes starting at `p + i` as a lane mask: true where the byte is non-zero.
    @inlinable @inline(__always)
    public static func loadUp(_ p: UnsafePointer<UInt8>, _ i: Int) -> SIMDMask<SIMD16<Int32>> {
        let w = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD4<UInt32>.self)
        let spread = SIMD16<UInt32>(lowHalf: SIMD8(lowHalf: SIMD4(repeating: w[0]), highHalf: SIMD4(repeating: w[1])),
                                    highHalf: SIMD8(lowHalf: SIMD4(repeating: w[2]), highHalf: SIMD4(repeating: w[3])))
        let bytes = SIMD16<UInt32>(0xFF, 0xFF00, 0xFF_0000, 0xFF00_0000, 0xFF, 0xFF00, 0xFF_0000, 0xFF00_0000,
                                   0xFF, 0xFF00, 0xFF_0000, 0xFF00_0000, 0xFF, 0xFF00, 0xFF_0000, 0xFF00_0000)
        return (spread & bytes) .!= SIMD16<UInt32>(repeating: 0)
    }

    /// Loads 8 floats starting at `p + i`: half a vector, for kernels that keep several 8-lane
    /// accumulators (SIMD16 accumulators would not fit the 16 SSE registers together).
    @inlinable @inline(__always)
    public static func load8(_ p: UnsafePointer<Float>, _ i: Int) -> SIMD8<Float> {
        UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// Loads 8 state bytes starting at `p + i` as an 8-lane mask (little-endian byte order).
    @inlinable @inline(__always)
    public static func loadUp8(_ p: UnsafePointer<UInt8>, _ i: Int) -> SIMDMask<SIMD8<Int32>> {
        let w = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD2<UInt32>.self)
        let spread = SIMD8<UInt32>(lowHalf: SIMD4(repeating: w[0]), highHalf: SIMD4(repeating: w[1]))
        let bytes = SIMD8<UInt32>(0xFF, 0xFF00, 0xFF_0000, 0xFF00_0000, 0xFF, 0xFF00, 0xFF_0000, 0xFF00_0000)
        return (spread & bytes) .!= SIMD8<UInt32>(repeating: 0)
    }

    /// A float vector's bits (a free reinterpretation).
    @inlinable @inline(__always)
    public static func bits(_ v: SIMD8<Float>) -> SIMD8<UInt32> { unsafeBitCast(v, to: SIMD8<UInt32>.self) }

    /// Bits back to floats.
    @inlinable @inline(__always)
    public static func floats(_ b: SIMD8<UInt32>) -> SIMD8<Float> { unsafeBitCast(b, to: SIMD8<Float>.self) }

    /// Horizontal maximum of 8 lanes.
    @inlinable @inline(__always)
    public static func maxLane8(_ v: SIMD8<Float>) -> Float {
        let a = v.lowHalf.replacing(with: v.highHalf, where: v.highHalf .> v.lowHalf)
        let b = a.lowHalf.replacing(with: a.highHalf, where: a.highHalf .> a.lowHalf)
        return Swift.max(b.x, b.y)
    }

    /// Horizontal sum of 8 float partials, added in Double.
    @inlinable @inline(__always)
    public static func flush8(_ v: SIMD8<Float>) -> Double {
        (SIMD4<Double>(v.lowHalf) + SIMD4<Double>(v.highHalf)).sum()
    }

    /// A mask of the first `n` lanes (0...8) of an 8-lane half.
    @inlinable @inline(__always)
    public static func firstLanes8(_ n: Int) -> SIMDMask<SIMD8<Int32>> {
        SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) .< SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: n))
    }

    /// A mask of the first `n` lanes (0...16), for the last, partial vector of a segment.
    @inlinable @inline(__always)
    public static func firstLanes(_ n: Int) -> SIMDMask<SIMD16<Int32>> {
        SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) .< SIMD16<Int32>(repeating: Int32(truncatingIfNeeded: n))
    }

    /// 1 in every lane where `m` is true, 0 elsewhere: adds a mask to a lane counter.
    @inlinable @inline(__always)
    public static func ones(_ m: SIMDMask<SIMD16<Int32>>) -> SIMD16<Int32> {
        SIMD16<Int32>(repeating: 0).replacing(with: 1, where: m)
    }

    /// The lanes of `v` where `m` is true, 0 elsewhere.
    @inlinable @inline(__always)
    public static func keep(_ v: SIMD16<Float>, _ m: SIMDMask<SIMD16<Int32>>) -> SIMD16<Float> {
        SIMD16<Float>(repeating: 0).replacing(with: v, where: m)
    }

    /// Lane-wise maximum by compare-and-select (`pointwiseMax` compiles to a scalar loop).
    @inlinable @inline(__always)
    public static func max(_ a: SIMD16<Float>, _ b: SIMD16<Float>) -> SIMD16<Float> {
        a.replacing(with: b, where: b .> a)
    }

    /// Lane-wise minimum by compare-and-select.
    @inlinable @inline(__always)
    public static func min(_ a: SIMD16<Float>, _ b: SIMD16<Float>) -> SIMD16<Float> {
        a.replacing(with: b, where: b .< a)
    }

    /// Horizontal sum of 16 float partials, added in Double so a block flush loses nothing.
    @inlinable @inline(__always)
    public static func flush(_ v: SIMD16<Float>) -> Double {
        let lo = SIMD8<Double>(v.lowHalf), hi = SIMD8<Double>(v.highHalf)
        return (lo + hi).sum()
    }

    /// Horizontal maximum of 16 lanes.
    @inlinable @inline(__always)
    public static func maxLane(_ v: SIMD16<Float>) -> Float {
        let a = v.lowHalf.replacing(with: v.highHalf, where: v.highHalf .> v.lowHalf)
        let b = a.lowHalf.replacing(with: a.highHalf, where: a.highHalf .> a.lowHalf)
        let c = b.lowHalf.replacing(with: b.highHalf, where: b.highHalf .> b.lowHalf)
        return Swift.max(c.x, c.y)
    }
}
