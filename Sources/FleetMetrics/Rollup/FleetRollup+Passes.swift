/// The passes behind `FleetRollup`'s updates, on the pointers of a `State`: GPU → rack with the
/// kernels, then rack → hall → site → fleet over the small per-rack arrays.
extension FleetRollup {
    /// All columns and the up counts, GPU → rack, with `MultiColumnKernels`.
    static func fusedPass(_ s: State, _ up: UnsafeBufferPointer<UInt8>, zeroIsUp: Bool) {
        guard s.gpuCount > 0, let u = up.baseAddress else {
            for r in s.racks.gpusUp.indices { s.racks.gpusUp[r] = 0 }
            return
        }
        MultiColumnKernels.reduce(columns: s.columns, count: s.gpuCount, up: u, zeroIsUp: zeroIsUp,
                                  masked: s.masked, thresholds: s.thresholds, offsets: s.gpuOffsets,
                                  upCounts: s.racks.gpusUp, sums: s.racks.sums, maxima: s.racks.maxima,
                                  countsAbove: s.racks.countsAbove)
    }

    /// The scalar reference for `fusedPass`: plain loops over the caller's state bytes.
    static func scalarPass(_ s: State, _ up: UnsafeBufferPointer<UInt8>, zeroIsUp: Bool, columnCount: Int) {
        ScalarSegmentedKernels.countUp(up, zeroIsUp: zeroIsUp, offsets: s.gpuOffsets, into: s.racks.gpusUp)
        for c in 0..<columnCount {
            let out = s.racks.column(c)
            ScalarSegmentedKernels.reduce(s.column(c), up: s.masked[c] ? up : nil, zeroIsUp: zeroIsUp,
                                          offsets: s.gpuOffsets, threshold: s.thresholds[c], sums: out.sums,
                                          maxima: out.maxima, countsAbove: out.countsAbove)
        }
    }

    /// One column, GPU → rack, with the chosen engine.
    static func gpuPass(_ s: State, _ x: UnsafeBufferPointer<Float>, _ u: UnsafeBufferPointer<UInt8>?,
                        threshold: Float, engine: Engine, into out: RollupLevel.Buffers) {
        switch engine {
        case .simd:
            if let g = s.uniformRackSize {
                SegmentedKernels.reduce(x, up: u, segmentLength: g, threshold: threshold,
                                        sums: out.sums, maxima: out.maxima, countsAbove: out.countsAbove)
            } else {
                SegmentedKernels.reduce(x, up: u, offsets: s.gpuOffsets, threshold: threshold,
                                        sums: out.sums, maxima: out.maxima, countsAbove: out.countsAbove)
            }
        case .scalar:
            ScalarSegmentedKernels.reduce(x, up: u, offsets: s.gpuOffsets, threshold: threshold,
                                          sums: out.sums, maxima: out.maxima, countsAbove: out.countsAbove)
        }
    }

    /// Up GPUs, rack → hall → site → fleet.
    static func rollUpCounts(_ s: State) {
        SegmentedKernels.sum(UnsafeBufferPointer(s.racks.gpusUp), offsets: s.rackOffsets, into: s.halls.gpusUp)
        SegmentedKernels.sum(UnsafeBufferPointer(s.halls.gpusUp), offsets: s.hallOffsets, into: s.sites.gpusUp)
        s.fleet.gpusUp[0] = s.sites.gpusUp.reduce(0, &+)
    }

    /// One column, rack → hall → site → fleet.
    static func rollUpColumn(_ c: Int, _ s: State) {
        rollUp(s.racks.column(c), into: s.halls.column(c), offsets: s.rackOffsets)
        rollUp(s.halls.column(c), into: s.sites.column(c), offsets: s.hallOffsets)
        rollUp(s.sites.column(c), into: s.fleet.column(c), offsets: s.fleetOffsets)
    }

    /// One column of `lower` summed / maxed / counted into `upper` over the slices of `offsets`.
    static func rollUp(_ lower: RollupLevel.Buffers, into upper: RollupLevel.Buffers, offsets: UnsafeBufferPointer<Int>) {
        SegmentedKernels.sum(UnsafeBufferPointer(lower.sums), offsets: offsets, into: upper.sums)
        SegmentedKernels.max(UnsafeBufferPointer(lower.maxima), offsets: offsets, into: upper.maxima)
        SegmentedKernels.sum(UnsafeBufferPointer(lower.countsAbove), offsets: offsets, into: upper.countsAbove)
    }
}
