import FleetMetrics

/// Reductions over one contiguous slice (children of one parent are contiguous) for the engine's
/// per-tick figures; Float columns go through FleetMetrics' SIMD kernels. Snapshots roll every level
/// up at once with `FleetRollup` instead (`SnapshotGPURollup`).
public enum SliceReductions {
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
