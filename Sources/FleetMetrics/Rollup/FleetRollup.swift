/// Rolls GPU columns up to racks, halls, sites and the fleet when a snapshot is due. Build it once
/// per topology; `update` then reuses its output buffers, so a roll-up allocates nothing (as long
/// as no one keeps a copy of a level's arrays across updates, which would force copy-on-write).
///
/// ```swift
/// var rollup = FleetRollup(layout: layout, columns: [
///     RollupColumn(name: "power_w"), RollupColumn(name: "die_c", threshold: 87)])
/// rollup.update(columns: [gpuPowerW, gpuDieC], up: gpuUp)   // all columns, one pass (fastest)
/// let hallPowerW = rollup.halls.sum(0, h); let hottestRack = rollup.racks.max(1, r)
/// let throttled = rollup.sites.countAbove(1, s); let meanDie = rollup.fleet.mean(1, 0)
/// ```
///
/// A single column can also be refreshed alone with `update(up:)` then `reduce(column:values:up:)`.
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
    /// Per-column settings and the fleet's single slice of sites, kept so updates allocate nothing.
    private let masked: [Bool], thresholds: [Float], fleetOffsets: [Int]

    /// Prepares buffers for `layout` and `columns`; GPU counts per level are filled in here.
    public init(layout: RollupLayout, columns: [RollupColumn]) {
        self.layout = layout
        self.columns = columns
        let masked = columns.map(\.masked)
        self.masked = masked
        thresholds = columns.map(\.threshold)
        fleetOffsets = [0, layout.siteCount]
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
        rollUpCounts()
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
        rollUpColumn(column)
    }

    /// Counts up GPUs and rolls every column up, in one pass over the racks: each rack's state
    /// bytes become lane masks once and serve every column (the scalar engine runs `update(up:)`
    /// and `reduce` column by column instead). `values[c]` is column `c` of the configuration.
    public mutating func update(columns values: [[Float]], up: [UInt8], engine: Engine = .simd) {
        precondition(values.count == columns.count, "expected \(columns.count) columns")
        guard engine == .simd else {
            update(up: up, engine: engine)
            for c in 0..<values.count { reduce(column: c, values: values[c], up: up, engine: engine) }
            return
        }
        let n = layout.gpuCount
        precondition(up.count == n && values.allSatisfy { $0.count == n }, "column lengths differ from the layout's GPU count")
        if n > 0 {
            let layout = self.layout, masked = self.masked, thresholds = self.thresholds
            withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: values.count) { pointers in
                Self.withColumnPointers(values, 0, pointers) {
                    up.withUnsafeBufferPointer { u in
                        masked.withUnsafeBufferPointer { mk in
                            thresholds.withUnsafeBufferPointer { th in
                                layout.gpuOffsets.withUnsafeBufferPointer { o in
                                    racks.gpusUp.withUnsafeMutableBufferPointer { upCounts in
                                        racks.sums.withUnsafeMutableBufferPointer { sums in
                                            racks.maxima.withUnsafeMutableBufferPointer { maxima in
                                                racks.countsAbove.withUnsafeMutableBufferPointer { above in
                                                    MultiColumnKernels.reduce(
                                                        columns: UnsafeBufferPointer(pointers), count: n,
                                                        up: u.baseAddress!, masked: mk, thresholds: th, offsets: o,
                                                        upCounts: upCounts, sums: sums, maxima: maxima,
                                                        countsAbove: above)
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
        } else {
            for r in 0..<racks.count { racks.gpusUp[r] = 0 }
        }
        rollUpCounts()
        for c in 0..<columns.count { rollUpColumn(c) }
    }

    /// Calls `body` once `pointers[k...]` hold the storage of `values[k...]`.
    private static func withColumnPointers(_ values: [[Float]], _ k: Int,
                                           _ pointers: UnsafeMutableBufferPointer<UnsafePointer<Float>>,
                                           _ body: () -> Void) {
        if k == values.count { return body() }
        values[k].withUnsafeBufferPointer { b in
            pointers[k] = b.baseAddress!
            withColumnPointers(values, k + 1, pointers, body)
        }
    }

    private mutating func rollUpCounts() {
        Self.sumCounts(racks.gpusUp, layout.rackOffsets, into: &halls.gpusUp)
        Self.sumCounts(halls.gpusUp, layout.hallOffsets, into: &sites.gpusUp)
        fleet.gpusUp[0] = sites.gpusUp.reduce(0, &+)
    }

    private mutating func rollUpColumn(_ column: Int) {
        Self.rollUp(racks, into: &halls, column: column, offsets: layout.rackOffsets)
        Self.rollUp(halls, into: &sites, column: column, offsets: layout.hallOffsets)
        Self.rollUp(sites, into: &fleet, column: column, offsets: fleetOffsets)
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
