import Testing
@testable import FleetMetrics

/// The multi-level roll-up against straightforward loops over the GPU columns.
@Suite struct FleetRollupTests {
    static let columns = [
        RollupColumn(name: "power_w"),
        RollupColumn(name: "die_c", threshold: 87),
        RollupColumn(name: "inlet_c", masked: false, threshold: 27),
    ]

    /// Irregular: racks of 72, 64, 17 and 0 GPUs, halls of 1–3 racks, sites of 1–2 halls.
    static let layout = RollupLayout(gpusPerRack: [72, 64, 17, 0, 72, 33, 16, 1],
                                     racksPerHall: [3, 1, 2, 2], hallsPerSite: [2, 1, 1])

    struct Data {
        var columns: [[Float]]
        var up: [UInt8]
    }

    static func data(_ layout: RollupLayout, seed: UInt64) -> Data {
        var rng = TestRandom(seed: seed)
        let n = layout.gpuCount
        return Data(columns: [rng.floats(n, in: 75...700), rng.floats(n, in: 40...95), rng.floats(n, in: 18...35)],
                    up: rng.mask(n, up: 0.8))
    }

    /// GPU index ranges of every entity at a level (0 racks, 1 halls, 2 sites, 3 fleet).
    static func gpuRanges(_ layout: RollupLayout, level: Int) -> [Range<Int>] {
        let racks = (0..<layout.rackCount).map { layout.gpuOffsets[$0]..<layout.gpuOffsets[$0 + 1] }
        let halls = (0..<layout.hallCount).map { racks[layout.rackOffsets[$0]].lowerBound..<racks[layout.rackOffsets[$0 + 1] - 1].upperBound }
        let sites = (0..<layout.siteCount).map { halls[layout.hallOffsets[$0]].lowerBound..<halls[layout.hallOffsets[$0 + 1] - 1].upperBound }
        return [racks, halls, sites, [0..<layout.gpuCount]][level]
    }

    func expectLevel(_ level: RollupLevel, ranges: [Range<Int>], data: Data, note: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(level.count == ranges.count, sourceLocation: sourceLocation)
        for (e, range) in ranges.enumerated() {
            #expect(Int(level.gpus[e]) == range.count, "\(note) gpus \(e)", sourceLocation: sourceLocation)
            let upIdx = range.filter { data.up[$0] != 0 }
            #expect(Int(level.gpusUp[e]) == upIdx.count, "\(note) up \(e)", sourceLocation: sourceLocation)
            for (c, spec) in Self.columns.enumerated() {
                let idx = spec.masked ? upIdx : Array(range)
                let values = idx.map { data.columns[c][$0] }
                let sum = values.reduce(0.0) { $0 + Double($1) }
                #expect(abs(level.sum(c, e) - sum) <= 1e-5 * Swift.max(1, sum), "\(note) sum c\(c) e\(e)",
                        sourceLocation: sourceLocation)
                #expect(level.max(c, e) == (values.max() ?? -.infinity), "\(note) max c\(c) e\(e)",
                        sourceLocation: sourceLocation)
                #expect(level.countAbove(c, e) == values.filter { $0 > spec.threshold }.count, "\(note) above c\(c) e\(e)",
                        sourceLocation: sourceLocation)
                let mean = values.isEmpty ? 0 : sum / Double(values.count)
                #expect(abs(level.mean(c, e) - mean) <= 1e-5 * Swift.max(1, mean), "\(note) mean c\(c) e\(e)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: [FleetRollup.Engine.simd, .scalar])
    func irregularLayoutMatchesLoops(engine: FleetRollup.Engine) {
        let layout = Self.layout
        #expect(layout.uniformRackSize == nil)
        var rollup = FleetRollup(layout: layout, columns: Self.columns)
        let data = Self.data(layout, seed: 20)
        rollup.update(columns: data.columns, up: data.up, engine: engine)
        expectLevel(rollup.racks, ranges: Self.gpuRanges(layout, level: 0), data: data, note: "racks")
        expectLevel(rollup.halls, ranges: Self.gpuRanges(layout, level: 1), data: data, note: "halls")
        expectLevel(rollup.sites, ranges: Self.gpuRanges(layout, level: 2), data: data, note: "sites")
        expectLevel(rollup.fleet, ranges: Self.gpuRanges(layout, level: 3), data: data, note: "fleet")
    }

    @Test func uniformLayoutUsesFixedSlicesAndMatchesLoops() {
        let layout = RollupLayout(sites: 2, hallsPerSite: 2, racksPerHall: 3, gpusPerRack: 72)
        #expect(layout.uniformRackSize == 72)
        var rollup = FleetRollup(layout: layout, columns: Self.columns)
        let data = Self.data(layout, seed: 21)
        rollup.update(columns: data.columns, up: data.up)
        expectLevel(rollup.racks, ranges: Self.gpuRanges(layout, level: 0), data: data, note: "racks")
        expectLevel(rollup.sites, ranges: Self.gpuRanges(layout, level: 2), data: data, note: "sites")
        expectLevel(rollup.fleet, ranges: Self.gpuRanges(layout, level: 3), data: data, note: "fleet")
    }

    /// A second update with new data replaces every figure (buffers are reused, not accumulated).
    @Test func repeatedUpdatesReplaceFigures() {
        let layout = Self.layout
        var rollup = FleetRollup(layout: layout, columns: Self.columns)
        rollup.update(columns: Self.data(layout, seed: 22).columns, up: Self.data(layout, seed: 22).up)
        let second = Self.data(layout, seed: 23)
        rollup.update(columns: second.columns, up: second.up)
        expectLevel(rollup.halls, ranges: Self.gpuRanges(layout, level: 1), data: second, note: "halls")
        expectLevel(rollup.fleet, ranges: Self.gpuRanges(layout, level: 3), data: second, note: "fleet")
    }

    @Test func allDownGivesZeroMeansAndNoMaxima() {
        let layout = Self.layout
        var rollup = FleetRollup(layout: layout, columns: Self.columns)
        var data = Self.data(layout, seed: 24)
        data.up = [UInt8](repeating: 0, count: layout.gpuCount)
        rollup.update(columns: data.columns, up: data.up)
        #expect(rollup.fleet.gpusUp[0] == 0)
        #expect(rollup.fleet.mean(0, 0) == 0)
        #expect(rollup.fleet.max(1, 0) == -.infinity)
        #expect(rollup.fleet.mean(2, 0) > 0, "an unmasked column still covers every GPU")
        #expect(Array(rollup.sites.sums(0)) == [0, 0, 0])
    }

    /// Refreshing columns one at a time gives the same figures as the fused pass.
    @Test(arguments: [FleetRollup.Engine.simd, .scalar])
    func perColumnPathMatchesLoops(engine: FleetRollup.Engine) {
        let layout = Self.layout
        var rollup = FleetRollup(layout: layout, columns: Self.columns)
        let data = Self.data(layout, seed: 25)
        rollup.update(up: data.up, engine: engine)
        for c in 0..<Self.columns.count { rollup.reduce(column: c, values: data.columns[c], engine: engine) }
        expectLevel(rollup.racks, ranges: Self.gpuRanges(layout, level: 0), data: data, note: "racks")
        expectLevel(rollup.sites, ranges: Self.gpuRanges(layout, level: 2), data: data, note: "sites")
        expectLevel(rollup.fleet, ranges: Self.gpuRanges(layout, level: 3), data: data, note: "fleet")
    }

    /// With `upByte: .zero`, a zero byte is up and any other is down, on every path.
    @Test(arguments: [FleetRollup.Engine.simd, .scalar])
    func zeroMeansUpWhenAsked(engine: FleetRollup.Engine) {
        let layout = Self.layout
        let data = Self.data(layout, seed: 26)
        let stateBytes = data.up.enumerated().map { i, b in b != 0 ? UInt8(0) : UInt8(1 + i % 3) }
        var fused = FleetRollup(layout: layout, columns: Self.columns, upByte: .zero)
        fused.update(columns: data.columns, up: stateBytes, engine: engine)
        expectLevel(fused.racks, ranges: Self.gpuRanges(layout, level: 0), data: data, note: "fused racks")
        expectLevel(fused.fleet, ranges: Self.gpuRanges(layout, level: 3), data: data, note: "fused fleet")
        var single = FleetRollup(layout: layout, columns: Self.columns, upByte: .zero)
        single.update(up: stateBytes, engine: engine)
        single.reduce(column: 1, values: data.columns[1], engine: engine)
        #expect(single.racks.gpusUp == fused.racks.gpusUp)
        #expect(single.racks.maxima(1) == fused.racks.maxima(1))
        #expect(single.halls.countsAbove(1) == fused.halls.countsAbove(1))
    }

    /// No GPUs at all, and a single GPU: every level still gets its figures.
    @Test(arguments: [FleetRollup.Engine.simd, .scalar])
    func emptyAndSingleGPUFleets(engine: FleetRollup.Engine) {
        var empty = FleetRollup(layout: RollupLayout(gpusPerRack: [0], racksPerHall: [1], hallsPerSite: [1]),
                                columns: Self.columns)
        empty.update(columns: [[], [], []], up: [], engine: engine)
        #expect(empty.fleet.gpusUp == [0] && empty.fleet.maxima(1) == [-.infinity] && empty.fleet.sums(0) == [0])
        var one = FleetRollup(layout: RollupLayout(gpusPerRack: [1], racksPerHall: [1], hallsPerSite: [1]),
                              columns: Self.columns)
        one.update(columns: [[300], [90], [30]], up: [1], engine: engine)
        #expect(one.fleet.gpusUp == [1] && one.fleet.sum(0, 0) == 300 && one.fleet.countAbove(1, 0) == 1)
        #expect(one.racks.max(2, 0) == 30 && one.halls.countAbove(2, 0) == 1)
    }

    @Test func layoutFromTopologyRangesEqualsLayoutFromCounts() {
        let fromRanges = RollupLayout(rackGPUs: [0..<72, 72..<136, 136..<153, 153..<153, 153..<225, 225..<258, 258..<274, 274..<275],
                                      hallRacks: [0..<3, 3..<4, 4..<6, 6..<8], siteHalls: [0..<2, 2..<3, 3..<4])
        #expect(fromRanges == Self.layout)
        #expect(fromRanges.gpuCount == 275 && fromRanges.rackCount == 8 && fromRanges.hallCount == 4 && fromRanges.siteCount == 3)
    }
}
