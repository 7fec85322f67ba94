/// Rolls GPU columns up to racks, halls, sites and the fleet when a snapshot is due. Build it once
/// per topology; updates then reuse its buffers, so a roll-up allocates nothing (as long as no one
/// keeps a copy of a level's arrays across updates, which would force copy-on-write).
///
/// ```swift
/// var rollup = FleetRollup(layout: layout, columns: [
///     RollupColumn(name: "power_w"), RollupColumn(name: "die_c", threshold: 87)], upByte: .zero)
/// rollup.update(columns: [gpuPowerW, gpuDieC], up: stateBytes)   // all columns, one pass (fastest)
/// let hallPowerW = rollup.halls.sum(0, h); let hottestRack = rollup.racks.max(1, r)
/// let throttled = rollup.sites.countAbove(1, s); let meanDie = rollup.fleet.mean(1, 0)
/// ```
///
/// A single column can also be refreshed alone: `update(up:)` once, then `reduce(column:values:)`.
public struct FleetRollup: Sendable {
    /// Which implementation does the GPU → rack pass: the SIMD kernels, or the scalar reference
    /// (for tests and the benchmark's ratio).
    public enum Engine: Sendable { case simd, scalar }

    /// Which state byte value means "up": any non-zero byte, or exactly zero (for state enums whose
    /// first case, raw value 0, is the up state).
    public enum UpByte: Sendable { case nonZero, zero }

    public let layout: RollupLayout
    public let columns: [RollupColumn]
    public let upByte: UpByte
    public internal(set) var racks: RollupLevel
    public internal(set) var halls: RollupLevel
    public internal(set) var sites: RollupLevel
    /// One entity: the whole fleet.
    public internal(set) var fleet: RollupLevel
    /// The mask of the last `update(up:)`, one byte per GPU, non-zero = up (used by `reduce`);
    /// empty until the first `update(up:)`, so a roll-up that only runs fused passes never holds it.
    var upBytes: [UInt8] = []
    /// Per-column settings and the fleet's single slice of sites, kept so updates allocate nothing.
    let masked: [Bool], thresholds: [Float], fleetOffsets: [Int]

    /// Prepares buffers for `layout` and `columns`; GPU counts per level are filled in here.
    public init(layout: RollupLayout, columns: [RollupColumn], upByte: UpByte = .nonZero) {
        self.layout = layout
        self.columns = columns
        self.upByte = upByte
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
        for h in 0..<layout.hallCount {
            halls.gpus[h] = racks.gpus[layout.rackOffsets[h] ..< layout.rackOffsets[h + 1]].reduce(0, +)
        }
        for s in 0..<layout.siteCount {
            sites.gpus[s] = halls.gpus[layout.hallOffsets[s] ..< layout.hallOffsets[s + 1]].reduce(0, +)
        }
        fleet.gpus[0] = Int32(layout.gpuCount)
    }

    /// Counts up GPUs and rolls every column up. With the SIMD engine this is one pass over the
    /// racks: each rack's state bytes become lane masks once and serve every column. With the
    /// scalar engine it is the scalar reference loops, an up count then one pass per column.
    /// `values[c]` is column `c`. (`reduce(column:values:)` needs `update(up:)` first.)
    public mutating func update(columns values: [[Float]], up: UnsafeBufferPointer<UInt8>, engine: Engine = .simd) {
        precondition(values.count == columns.count, "expected \(columns.count) columns")
        let n = layout.gpuCount
        precondition(up.count == n && values.allSatisfy { $0.count == n },
                     "column lengths differ from the layout's GPU count")
        let zeroIsUp = upByte == .zero, columnCount = columns.count
        withUnsafeState(columns: values) { s in
            switch engine {
            case .simd: Self.fusedPass(s, up, zeroIsUp: zeroIsUp)
            case .scalar: Self.scalarPass(s, up, zeroIsUp: zeroIsUp, columnCount: columnCount)
            }
            Self.rollUpCounts(s)
            for c in 0..<columnCount { Self.rollUpColumn(c, s) }
        }
    }

    /// `update(columns:up:engine:)` with the state bytes in an array.
    public mutating func update(columns values: [[Float]], up: [UInt8], engine: Engine = .simd) {
        up.withUnsafeBufferPointer { update(columns: values, up: $0, engine: engine) }
    }

    /// Keeps the state bytes for later `reduce` calls and counts up GPUs per rack, hall, site and fleet.
    public mutating func update(up: UnsafeBufferPointer<UInt8>, engine: Engine = .simd) {
        precondition(up.count == layout.gpuCount, "up mask length differs from the layout's GPU count")
        if upBytes.count != up.count { upBytes = [UInt8](repeating: 0, count: up.count) }
        upBytes.withUnsafeMutableBufferPointer { dst in
            switch upByte {
            case .nonZero: for i in 0..<up.count { dst[i] = up[i] == 0 ? 0 : 1 }
            case .zero: for i in 0..<up.count { dst[i] = up[i] == 0 ? 1 : 0 }
            }
        }
        let bytes = upBytes
        bytes.withUnsafeBufferPointer { u in
            withUnsafeState { s in
                switch engine {
                case .simd: SegmentedKernels.countUp(u, offsets: s.gpuOffsets, into: s.racks.gpusUp)
                case .scalar: ScalarSegmentedKernels.countUp(u, offsets: s.gpuOffsets, into: s.racks.gpusUp)
                }
                Self.rollUpCounts(s)
            }
        }
    }

    /// `update(up:engine:)` with the state bytes in an array.
    public mutating func update(up: [UInt8], engine: Engine = .simd) {
        up.withUnsafeBufferPointer { update(up: $0, engine: engine) }
    }

    /// Rolls one GPU column up through every level; a masked column uses the state bytes of the
    /// last `update(up:)`.
    public mutating func reduce(column: Int, values: [Float], engine: Engine = .simd) {
        precondition(values.count == layout.gpuCount, "column length differs from the layout's GPU count")
        precondition(upBytes.count == layout.gpuCount, "reduce(column:) needs update(up:) first")
        let spec = columns[column], bytes = upBytes
        values.withUnsafeBufferPointer { x in
            bytes.withUnsafeBufferPointer { allUp in
                withUnsafeState { s in
                    Self.gpuPass(s, x, spec.masked ? allUp : nil, threshold: spec.threshold, engine: engine,
                                 into: s.racks.column(column))
                    Self.rollUpColumn(column, s)
                }
            }
        }
    }
}
