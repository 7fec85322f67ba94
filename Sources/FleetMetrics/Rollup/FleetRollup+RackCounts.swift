/// Per-rack counts for a threshold that differs between groups of racks (a site's power cap), which
/// a column's single `RollupColumn.threshold` cannot express. Reads only the given racks' GPUs.
extension FleetRollup {
    /// For each rack of `racks`, in order: entries of `values` strictly above `threshold`, over up
    /// GPUs only (state bytes read as this roll-up's `upByte` says). Leaves every level untouched.
    public func countAbove(_ values: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>, threshold: Float,
                           racks: Range<Int>, engine: Engine = .simd) -> [Int32] {
        precondition(values.count == layout.gpuCount && up.count == layout.gpuCount,
                     "column lengths differ from the layout's GPU count")
        precondition(racks.lowerBound >= 0 && racks.upperBound <= layout.rackCount, "racks outside the layout")
        let r = racks.count
        var counts = [Int32](repeating: 0, count: r)
        guard r > 0, let x = values.baseAddress, let u = up.baseAddress else { return counts }
        let zeroIsUp = upByte == .zero
        var upCounts = [Int32](repeating: 0, count: r), sums = [Double](repeating: 0, count: r)
        var maxima = [Float](repeating: 0, count: r)
        layout.gpuOffsets.withUnsafeBufferPointer { all in
            let offsets = UnsafeBufferPointer(rebasing: all[racks.lowerBound...racks.upperBound])
            counts.withUnsafeMutableBufferPointer { above in
                sums.withUnsafeMutableBufferPointer { sums in
                    maxima.withUnsafeMutableBufferPointer { maxima in
                        switch engine {
                        case .simd:
                            let column = [x], masked = [true], thresholds = [threshold]
                            column.withUnsafeBufferPointer { column in
                                masked.withUnsafeBufferPointer { masked in
                                    thresholds.withUnsafeBufferPointer { thresholds in
                                        upCounts.withUnsafeMutableBufferPointer { upCounts in
                                            MultiColumnKernels.reduce(
                                                columns: column, count: values.count, up: u, zeroIsUp: zeroIsUp,
                                                masked: masked, thresholds: thresholds, offsets: offsets,
                                                upCounts: upCounts, sums: sums, maxima: maxima, countsAbove: above)
                                        }
                                    }
                                }
                            }
                        case .scalar:
                            ScalarSegmentedKernels.reduce(values, up: up, zeroIsUp: zeroIsUp, offsets: offsets,
                                                          threshold: threshold, sums: sums, maxima: maxima,
                                                          countsAbove: above)
                        }
                    }
                }
            }
        }
        return counts
    }
}
