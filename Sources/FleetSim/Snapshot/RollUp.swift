/// Segmented reductions over contiguous slices (children of one parent are contiguous), the one place
/// the snapshot builder aggregates columns.
public enum RollUp {
    /// Sum of `values[range]` in Double.
    @inline(__always)
    public static func sum(_ values: [Float], _ range: Range<Int>) -> Double {
        values.withUnsafeBufferPointer { p in
            var s0 = 0.0, s1 = 0.0
            var i = range.lowerBound
            while i + 1 < range.upperBound { s0 += Double(p[i]); s1 += Double(p[i + 1]); i += 2 }
            if i < range.upperBound { s0 += Double(p[i]) }
            return s0 + s1
        }
    }

    /// Sum of `values[range]`.
    @inline(__always)
    public static func sum(_ values: [Double], _ range: Range<Int>) -> Double {
        values.withUnsafeBufferPointer { p in
            var s = 0.0
            for i in range { s += p[i] }
            return s
        }
    }

    /// Largest of `values[range]`, or `empty` when the range is empty.
    @inline(__always)
    public static func max(_ values: [Float], _ range: Range<Int>, empty: Float = 0) -> Float {
        guard !range.isEmpty else { return empty }
        return values.withUnsafeBufferPointer { p in
            var m = p[range.lowerBound]
            for i in range where p[i] > m { m = p[i] }
            return m
        }
    }
}
