/// The passes behind `FleetRollup`'s updates: GPU → rack with the kernels, then rack → hall →
/// site → fleet over the small per-rack arrays.
extension FleetRollup {
    /// All columns and the up counts, GPU → rack, with `MultiColumnKernels`.
    mutating func fusedPass(_ values: [[Float]], _ up: UnsafeBufferPointer<UInt8>) {
        let n = layout.gpuCount
        precondition(up.count == n && values.allSatisfy { $0.count == n },
                     "column lengths differ from the layout's GPU count")
        guard n > 0, let u = up.baseAddress else {
            for r in 0..<racks.count { racks.gpusUp[r] = 0 }
            return
        }
        let layout = self.layout, masked = self.masked, thresholds = self.thresholds
        let zeroIsUp = upByte == .zero
        withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: values.count) { pointers in
            Self.withColumnPointers(values, 0, pointers) {
                masked.withUnsafeBufferPointer { mk in
                    thresholds.withUnsafeBufferPointer { th in
                        layout.gpuOffsets.withUnsafeBufferPointer { o in
                            racks.gpusUp.withUnsafeMutableBufferPointer { upCounts in
                                racks.sums.withUnsafeMutableBufferPointer { sums in
                                    racks.maxima.withUnsafeMutableBufferPointer { maxima in
                                        racks.countsAbove.withUnsafeMutableBufferPointer { above in
                                            MultiColumnKernels.reduce(
                                                columns: UnsafeBufferPointer(pointers), count: n, up: u,
                                                zeroIsUp: zeroIsUp, masked: mk, thresholds: th, offsets: o,
                                                upCounts: upCounts, sums: sums, maxima: maxima, countsAbove: above)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The scalar reference for `fusedPass`: plain loops over the caller's state bytes.
    mutating func scalarPass(_ values: [[Float]], _ up: UnsafeBufferPointer<UInt8>) {
        let n = layout.gpuCount
        precondition(up.count == n && values.allSatisfy { $0.count == n },
                     "column lengths differ from the layout's GPU count")
        let layout = self.layout, zeroIsUp = upByte == .zero, r = racks.count
        layout.gpuOffsets.withUnsafeBufferPointer { o in
            racks.gpusUp.withUnsafeMutableBufferPointer {
                ScalarSegmentedKernels.countUp(up, zeroIsUp: zeroIsUp, offsets: o, into: $0)
            }
            for c in 0..<values.count {
                let range = c * r ..< (c + 1) * r, spec = columns[c]
                values[c].withUnsafeBufferPointer { x in
                    racks.sums[range].withUnsafeMutableBufferPointer { sums in
                        racks.maxima[range].withUnsafeMutableBufferPointer { maxima in
                            racks.countsAbove[range].withUnsafeMutableBufferPointer { above in
                                ScalarSegmentedKernels.reduce(x, up: spec.masked ? up : nil, zeroIsUp: zeroIsUp, offsets: o,
                                                              threshold: spec.threshold, sums: sums, maxima: maxima,
                                                              countsAbove: above)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Calls `body` once `pointers[k...]` hold the storage of `values[k...]`.
    static func withColumnPointers(_ values: [[Float]], _ k: Int,
                                   _ pointers: UnsafeMutableBufferPointer<UnsafePointer<Float>>,
                                   _ body: () -> Void) {
        if k == values.count { return body() }
        values[k].withUnsafeBufferPointer { b in
            pointers[k] = b.baseAddress!
            withColumnPointers(values, k + 1, pointers, body)
        }
    }

    /// One column, GPU → rack, with the chosen engine.
    static func gpuPass(_ layout: RollupLayout, _ x: UnsafeBufferPointer<Float>, _ u: UnsafeBufferPointer<UInt8>?,
                        _ threshold: Float, _ engine: Engine, _ sums: UnsafeMutableBufferPointer<Double>,
                        _ maxima: UnsafeMutableBufferPointer<Float>, _ above: UnsafeMutableBufferPointer<Int32>) {
        switch engine {
        case .simd:
            if let g = layout.uniformRackSize {
                SegmentedKernels.reduce(x, up: u, segmentLength: g, threshold: threshold,
                                        sums: sums, maxima: maxima, countsAbove: above)
            } else {
                layout.gpuOffsets.withUnsafeBufferPointer { o in
                    SegmentedKernels.reduce(x, up: u, offsets: o, threshold: threshold,
                                            sums: sums, maxima: maxima, countsAbove: above)
                }
            }
        case .scalar:
            layout.gpuOffsets.withUnsafeBufferPointer { o in
                ScalarSegmentedKernels.reduce(x, up: u, offsets: o, threshold: threshold,
                                              sums: sums, maxima: maxima, countsAbove: above)
            }
        }
    }

    mutating func rollUpCounts() {
        Self.sumCounts(racks.gpusUp, layout.rackOffsets, into: &halls.gpusUp)
        Self.sumCounts(halls.gpusUp, layout.hallOffsets, into: &sites.gpusUp)
        fleet.gpusUp[0] = sites.gpusUp.reduce(0, &+)
    }

    mutating func rollUpColumn(_ column: Int) {
        Self.rollUp(racks, into: &halls, column: column, offsets: layout.rackOffsets)
        Self.rollUp(halls, into: &sites, column: column, offsets: layout.hallOffsets)
        Self.rollUp(sites, into: &fleet, column: column, offsets: fleetOffsets)
    }

    static func sumCounts(_ x: [Int32], _ offsets: [Int], into out: inout [Int32]) {
        x.withUnsafeBufferPointer { xs in
            offsets.withUnsafeBufferPointer { o in
                out.withUnsafeMutableBufferPointer { SegmentedKernels.sum(xs, offsets: o, into: $0) }
            }
        }
    }

    /// One column of `lower` summed / maxed / counted into `upper` over the slices of `offsets`.
    static func rollUp(_ lower: RollupLevel, into upper: inout RollupLevel, column: Int, offsets: [Int]) {
        let lo = column * lower.count ..< (column + 1) * lower.count
        let hi = column * upper.count ..< (column + 1) * upper.count
        offsets.withUnsafeBufferPointer { o in
            lower.sums[lo].withUnsafeBufferPointer { x in
                upper.sums[hi].withUnsafeMutableBufferPointer { SegmentedKernels.sum(x, offsets: o, into: $0) }
            }
            lower.maxima[lo].withUnsafeBufferPointer { x in
                upper.maxima[hi].withUnsafeMutableBufferPointer { SegmentedKernels.max(x, offsets: o, into: $0) }
            }
            lower.countsAbove[lo].withUnsafeBufferPointer { x in
                upper.countsAbove[hi].withUnsafeMutableBufferPointer { SegmentedKernels.sum(x, offsets: o, into: $0) }
            }
        }
    }
}
