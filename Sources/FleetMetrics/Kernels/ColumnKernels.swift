/// Whole-column reductions over contiguous `Float` columns, with optional `UInt8` state masks
/// (an entry counts only where its state byte is non-zero, "up"). `SIMD16<Float>` loads, four
/// independent accumulators, compare-and-select for min/max, and sums kept as per-lane Float
/// partials flushed to Double every block so long columns do not drift. `ScalarKernels` is the
/// plain reference each of these must match.
public enum ColumnKernels {
    /// Elements summed in Float per lane-block before flushing to Double (64 values per lane).
    public static let blockElements = 4096

    /// Sum of all entries, exact to Float rounding within a block; 0 when empty.
    @inlinable
    public static func sum(_ x: UnsafeBufferPointer<Float>) -> Double {
        guard let p = x.baseAddress else { return 0 }
        let n = x.count
        var total = 0.0, i = 0
        while i + 64 <= n {
            let end = Swift.min(n, i + blockElements)
            var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
            while i + 64 <= end {
                a0 += SIMDLane.load(p, i); a1 += SIMDLane.load(p, i + 16)
                a2 += SIMDLane.load(p, i + 32); a3 += SIMDLane.load(p, i + 48)
                i += 64
            }
            total += SIMDLane.flush((a0 + a1) + (a2 + a3))
        }
        while i < n { total += Double(p[i]); i += 1 }
        return total
    }

    /// Sum of the entries whose state byte is up; 0 when none is.
    @inlinable
    public static func sum(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>) -> Double {
        precondition(up.count == x.count, "mask and column differ in length")
        guard let p = x.baseAddress, let u = up.baseAddress else { return 0 }
        let n = x.count
        var total = 0.0, i = 0
        while i + 32 <= n {
            let end = Swift.min(n, i + blockElements)
            var a0 = SIMD16<Float>(), a1 = SIMD16<Float>()
            while i + 32 <= end {
                a0 += SIMDLane.keep(SIMDLane.load(p, i), SIMDLane.loadUp(u, i))
                a1 += SIMDLane.keep(SIMDLane.load(p, i + 16), SIMDLane.loadUp(u, i + 16))
                i += 32
            }
            total += SIMDLane.flush(a0 + a1)
        }
        while i < n { if u[i] != 0 { total += Double(p[i]) }; i += 1 }
        return total
    }

    /// Number of up state bytes (non-zero).
    @inlinable
    public static func count(up: UnsafeBufferPointer<UInt8>) -> Int {
        guard let u = up.baseAddress else { return 0 }
        let n = up.count
        var total = 0, i = 0
        while i + 16 <= n {
            let end = Swift.min(n, i + blockElements)
            var c = SIMD16<Int32>()
            while i + 16 <= end { c &+= SIMDLane.ones(SIMDLane.loadUp(u, i)); i += 16 }
            total += Int(c.wrappedSum())
        }
        while i < n { if u[i] != 0 { total += 1 }; i += 1 }
        return total
    }

    /// Mean of all entries; 0 when empty.
    @inlinable
    public static func mean(_ x: UnsafeBufferPointer<Float>) -> Double {
        x.isEmpty ? 0 : sum(x) / Double(x.count)
    }

    /// Mean of the up entries; 0 when none is up.
    @inlinable
    public static func mean(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>) -> Double {
        let n = count(up: up)
        return n == 0 ? 0 : sum(x, up: up) / Double(n)
    }

    /// Largest entry; `-infinity` when empty.
    @inlinable
    public static func max(_ x: UnsafeBufferPointer<Float>) -> Float {
        guard let p = x.baseAddress else { return -.infinity }
        let n = x.count
        var m0 = SIMD16<Float>(repeating: -.infinity), m1 = m0, m2 = m0, m3 = m0
        var i = 0
        while i + 64 <= n {
            m0 = SIMDLane.max(m0, SIMDLane.load(p, i)); m1 = SIMDLane.max(m1, SIMDLane.load(p, i + 16))
            m2 = SIMDLane.max(m2, SIMDLane.load(p, i + 32)); m3 = SIMDLane.max(m3, SIMDLane.load(p, i + 48))
            i += 64
        }
        var best = SIMDLane.maxLane(SIMDLane.max(SIMDLane.max(m0, m1), SIMDLane.max(m2, m3)))
        while i < n { if p[i] > best { best = p[i] }; i += 1 }
        return best
    }

    /// Smallest entry; `+infinity` when empty.
    @inlinable
    public static func min(_ x: UnsafeBufferPointer<Float>) -> Float {
        guard let p = x.baseAddress else { return .infinity }
        let n = x.count
        var m0 = SIMD16<Float>(repeating: .infinity), m1 = m0, m2 = m0, m3 = m0
        var i = 0
        while i + 64 <= n {
            m0 = SIMDLane.min(m0, SIMDLane.load(p, i)); m1 = SIMDLane.min(m1, SIMDLane.load(p, i + 16))
            m2 = SIMDLane.min(m2, SIMDLane.load(p, i + 32)); m3 = SIMDLane.min(m3, SIMDLane.load(p, i + 48))
            i += 64
        }
        var best = -SIMDLane.maxLane(-SIMDLane.min(SIMDLane.min(m0, m1), SIMDLane.min(m2, m3)))
        while i < n { if p[i] < best { best = p[i] }; i += 1 }
        return best
    }

    /// Largest up entry; `-infinity` when none is up.
    @inlinable
    public static func max(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>) -> Float {
        precondition(up.count == x.count, "mask and column differ in length")
        guard let p = x.baseAddress, let u = up.baseAddress else { return -.infinity }
        let n = x.count
        var m0 = SIMD16<Float>(repeating: -.infinity), m1 = m0
        var i = 0
        while i + 32 <= n {
            let v0 = SIMDLane.load(p, i), v1 = SIMDLane.load(p, i + 16)
            m0 = m0.replacing(with: v0, where: SIMDLane.loadUp(u, i) .& (v0 .> m0))
            m1 = m1.replacing(with: v1, where: SIMDLane.loadUp(u, i + 16) .& (v1 .> m1))
            i += 32
        }
        var best = SIMDLane.maxLane(SIMDLane.max(m0, m1))
        while i < n { if u[i] != 0 && p[i] > best { best = p[i] }; i += 1 }
        return best
    }

    /// Smallest up entry; `+infinity` when none is up.
    @inlinable
    public static func min(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>) -> Float {
        precondition(up.count == x.count, "mask and column differ in length")
        guard let p = x.baseAddress, let u = up.baseAddress else { return .infinity }
        let n = x.count
        var m0 = SIMD16<Float>(repeating: .infinity), m1 = m0
        var i = 0
        while i + 32 <= n {
            let v0 = SIMDLane.load(p, i), v1 = SIMDLane.load(p, i + 16)
            m0 = m0.replacing(with: v0, where: SIMDLane.loadUp(u, i) .& (v0 .< m0))
            m1 = m1.replacing(with: v1, where: SIMDLane.loadUp(u, i + 16) .& (v1 .< m1))
            i += 32
        }
        var best = -SIMDLane.maxLane(-SIMDLane.min(m0, m1))
        while i < n { if u[i] != 0 && p[i] < best { best = p[i] }; i += 1 }
        return best
    }

    /// Number of entries strictly above `threshold`.
    @inlinable
    public static func count(_ x: UnsafeBufferPointer<Float>, above threshold: Float) -> Int {
        guard let p = x.baseAddress else { return 0 }
        let n = x.count
        let t = SIMD16<Float>(repeating: threshold)
        var total = 0, i = 0
        while i + 32 <= n {
            let end = Swift.min(n, i + blockElements)
            var c0 = SIMD16<Int32>(), c1 = SIMD16<Int32>()
            while i + 32 <= end {
                c0 &+= SIMDLane.ones(SIMDLane.load(p, i) .> t)
                c1 &+= SIMDLane.ones(SIMDLane.load(p, i + 16) .> t)
                i += 32
            }
            total += Int((c0 &+ c1).wrappedSum())
        }
        while i < n { if p[i] > threshold { total += 1 }; i += 1 }
        return total
    }

    /// Number of up entries strictly above `threshold`.
    @inlinable
    public static func count(_ x: UnsafeBufferPointer<Float>, above threshold: Float,
                             up: UnsafeBufferPointer<UInt8>) -> Int {
        precondition(up.count == x.count, "mask and column differ in length")
        guard let p = x.baseAddress, let u = up.baseAddress else { return 0 }
        let n = x.count
        let t = SIMD16<Float>(repeating: threshold)
        var total = 0, i = 0
        while i + 32 <= n {
            let end = Swift.min(n, i + blockElements)
            var c0 = SIMD16<Int32>(), c1 = SIMD16<Int32>()
            while i + 32 <= end {
                c0 &+= SIMDLane.ones(SIMDLane.loadUp(u, i) .& (SIMDLane.load(p, i) .> t))
                c1 &+= SIMDLane.ones(SIMDLane.loadUp(u, i + 16) .& (SIMDLane.load(p, i + 16) .> t))
                i += 32
            }
            total += Int((c0 &+ c1).wrappedSum())
        }
        while i < n { if u[i] != 0 && p[i] > threshold { total += 1 }; i += 1 }
        return total
    }
}
