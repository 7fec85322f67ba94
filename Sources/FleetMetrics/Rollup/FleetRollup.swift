/// Rolls GPU columns up to racks, halls, sites and the fleet when a snapshot is due. Build it once
/// per topology; `update` then reuses its output buffers, so a roll-up allocates nothing (as long
/// as no one keeps a copy of a level's arrays across updates, which would force copy-on-write).
///
/// ```swift
/// var rollup = FleetRollup(layout: layout, columns: [
///     RollupColumn(name: "power_w"), RollupColumn(name: "die_c", threshold: 87)])
/// rollup.update(up: gpuUp)                          // up counts per level
/// rollup.reduce(column: 0, values: gpuPowerW, up: gpuUp)
/// rollup.reduce(column: 1, values: gpuDieC, up: gpuUp)
/// let hallPowerW = rollup.halls.sum(0, h); let hottestRack = rollup.racks.max(1, r)
/// ```
public struct FleetRollup: Sendable {
    /// Which implementation does the GPU → rack pass: the SIMD kernels, or the scalar reference
    /// (for tests and the benchmark's ratio).
    public enum Engine: Sendable { case simd, scalar }

    public let layout: RollupLayout
    public let columns: [RollupColumn]
    public private(set) var racks: RollupLevel
    public private(set) var halls: RollupLevel
    public private(set) var sites: RollupLevel
    /// One entity: the whole fleet.
    public private(set) var fleet: RollupLevel

    /// Prepares buffers for `layout` and `columns`; GPU counts per level are filled in here.
    public init(layout: RollupLayout, columns: [RollupColumn]) {
        self.layout = layout
        self.columns = columns
        let masked = columns.map(\.masked)
        racks = RollupLevel(count: layout.rackCount, masked: masked)
        halls = RollupLevel(count: layout.hallCount, masked: masked)
        sites = RollupLevel(count: layout.siteCount, masked: masked)
        fleet = RollupLevel(count: 1, masked: masked)
        for r in 0..<layout.rackCount {
            racks.gpus[r] = Int32(layout.gpuOffsets[r + 1] - layout.gpuOffsets[r])
        }
        Self.sumCounts(racks.gpus, layout.rackOffsets, into: &halls.gpus)
        Self.sumCounts(halls.gpus, layout.hallOffsets, into: &sites.gpus)
        fleet.gpus[0] = Int32(layout.gpuCount)
    }

    /// Counts up GPUs per rack, hall, site and fleet from the per-GPU state bytes (non-zero = up).
    public mutating func update(up: [UInt8], engine: Engine = .simd) {
        precondition(up.count == layout.gpuCount, "up mask length differs from the layout's GPU count")
        up.withUnsafeBufferPointer { u in
            layout.gpuOffsets.withUnsafeBufferPointer { o in
                racks.gpusUp.withUnsafeMutableBufferPointer { out in
                    switch engine {
                    case .simd: SegmentedKernels.countUp(u, offsets: o, into: out)
                    case .scalar: ScalarSegmentedKernels.countUp(u, offsets: o, into: out)
                    }
                }
            }
        }
        Self.sumCounts(racks.gpusUp, layout.rackOffsets, into: &halls.gpusUp)
        Self.sumCounts(halls.gpusUp, layout.hallOffsets, into: &sites.gpusUp)
        fleet.gpusUp[0] = sites.gpusUp.reduce(0, &+)
    }

    /// Rolls one GPU column up through every level. `up` is required when the column is masked
    /// (and ignored otherwise); pass the same mask given to `update(up:)`.
    public mutating func reduce(column: Int, values: [Float], up: [UInt8]?, engine: Engine = .simd) {
        precondition(values.count == layout.gpuCount, "column length differs from the layout's GPU count")
        let spec = columns[column]
        precondition(!spec.masked || up != nil, "masked column \(spec.name) needs the up mask")
        let n = racks.count, range = column * n ..< (column + 1) * n
        let layout = self.layout
        values.withUnsafeBufferPointer { x in
            Self.withOptionalBuffer(spec.masked ? up : nil) { u in
                racks.sums[range].withUnsafeMutableBufferPointer { sums in
                    racks.maxima[range].withUnsafeMutableBufferPointer { maxima in
                        racks.countsAbove[range].withUnsafeMutableBufferPointer { above in
                            Self.gpuPass(layout, x, u, spec.threshold, engine, sums, maxima, above)
                        }
                    }
                }
            }
        }
        Self.rollUp(racks, into: &halls, column: column, offsets: layout.rackOffsets)
        Self.rollUp(halls, into: &sites, column: column, offsets: layout.hallOffsets)
        Self.rollUp(sites, into: &fleet, column: column, offsets: [0, sites.count])
    }

    /// `update(up:)` then `reduce` for every column, in column order.
    public mutating func update(columns values: [[Float]], up: [UInt8], engine: Engine = .simd) {
        precondition(values.count == columns.count, "expected \(columns.count) columns")
        update(up: up, engine: engine)
        for c in 0..<values.count { reduce(column: c, values: values[c], up: up, engine: engine) }
    }

    private static func gpuPass(_ layout: RollupLayout, _ x: UnsafeBufferPointer<Float>, _ u: UnsafeBufferPointer<UInt8>?, _ threshold: Float,
                         _ engine: Engine, _ sums: UnsafeMutableBufferPointer<Double>,
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

    private static func withOptionalBuffer<R>(_ a: [UInt8]?, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        guard let a else { return body(nil) }
        return a.withUnsafeBufferPointer { body($0) }
    }

    private static func sumCounts(_ x: [Int32], _ offsets: [Int], into out: inout [Int32]) {
        x.withUnsafeBufferPointer { xs in
            offsets.withUnsafeBufferPointer { o in
                out.withUnsafeMutableBufferPointer { SegmentedKernels.sum(xs, offsets: o, into: $0) }
            }
        }
    }

    /// One column of `lower` summed / maxed / counted into `upper` over the slices of `offsets`.
    private static func rollUp(_ lower: RollupLevel, into upper: inout RollupLevel, column: Int, offsets: [Int]) {
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
