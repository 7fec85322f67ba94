/// Plain one-element-at-a-time references for `ColumnKernels` and `SegmentedKernels`: Double sums
/// in order, branches for min/max. Tests compare the SIMD kernels with these, and the benchmark
/// times them in the same run to show the ratio.
public enum ScalarKernels {
    /// Sum of all entries in Double; 0 when empty.
    public static func sum(_ x: UnsafeBufferPointer<Float>) -> Double {
        var s = 0.0
        for v in x { s += Double(v) }
        return s
    }

    /// Sum of the up entries in Double.
    public static func sum(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>) -> Double {
        var s = 0.0
        for i in 0..<x.count where up[i] != 0 { s += Double(x[i]) }
        return s
    }

    /// Number of non-zero state bytes.
    public static func count(up: UnsafeBufferPointer<UInt8>) -> Int {
        var c = 0
        for b in up where b != 0 { c += 1 }
        return c
    }

    /// Mean of all entries; 0 when empty.
    public static func mean(_ x: UnsafeBufferPointer<Float>) -> Double {
        x.isEmpty ? 0 : sum(x) / Double(x.count)
    }

    /// Mean of the up entries; 0 when none is up.
    public static func mean(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>) -> Double {
        let n = count(up: up)
        return n == 0 ? 0 : sum(x, up: up) / Double(n)
    }

    /// Largest entry; `-infinity` when empty.
    public static func max(_ x: UnsafeBufferPointer<Float>) -> Float {
        var m = -Float.infinity
        for v in x where v > m { m = v }
        return m
    }

    /// Smallest entry; `+infinity` when empty.
    public static func min(_ x: UnsafeBufferPointer<Float>) -> Float {
        var m = Float.infinity
        for v in x where v < m { m = v }
        return m
    }

    /// Largest up entry; `-infinity` when none is up.
    public static func max(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>) -> Float {
        var m = -Float.infinity
        for i in 0..<x.count where up[i] != 0 && x[i] > m { m = x[i] }
        return m
    }

    /// Smallest up entry; `+infinity` when none is up.
    public static func min(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>) -> Float {
        var m = Float.infinity
        for i in 0..<x.count where up[i] != 0 && x[i] < m { m = x[i] }
        return m
    }

    /// Number of entries strictly above `threshold`.
    public static func count(_ x: UnsafeBufferPointer<Float>, above threshold: Float) -> Int {
        var c = 0
        for v in x where v > threshold { c += 1 }
        return c
    }

    /// Number of up entries strictly above `threshold`.
    public static func count(_ x: UnsafeBufferPointer<Float>, above threshold: Float,
                             up: UnsafeBufferPointer<UInt8>) -> Int {
        var c = 0
        for i in 0..<x.count where up[i] != 0 && x[i] > threshold { c += 1 }
        return c
    }
}
