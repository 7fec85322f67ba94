import FleetMetrics

/// Segmented reductions over contiguous slices (children of one parent are contiguous), the one place
/// the engine and snapshot builder aggregate columns; Float columns go through FleetMetrics' SIMD kernels.
public enum RollUp {
    /// Sum of `values[range]` in Double.
    @inline(__always)
    public static func sum(_ values: [Float], _ range: Range<Int>) -> Double {
        guard !range.isEmpty else { return 0 }
        return values.withUnsafeBufferPointer { ColumnKernels.sum(UnsafeBufferPointer(rebasing: $0[range])) }
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
        return values.withUnsafeBufferPointer { ColumnKernels.max(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
