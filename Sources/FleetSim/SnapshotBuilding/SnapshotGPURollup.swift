import FleetMetrics

/// The per-GPU figures of a snapshot, rolled up to racks, halls, sites and the fleet in one fused
/// `FleetRollup` pass over the GPU columns when the snapshot is built: the hottest die (every GPU,
/// up or not, as the map shows it), GPUs up, and GPUs up at full clock (the rest of the up GPUs are
/// thermally throttled). Two per-rack figures the fused pass cannot give are counted beside it, each
/// only where it can be non-zero: failed and shut-down GPUs in racks with a GPU not up, and GPUs
/// at their site's governor cap in capped sites.
struct SnapshotGPURollup {
    static let columns = [
        RollupColumn(name: "die_c", masked: false),
        // Strictly above the float just below 1 is "clock >= 1": an up GPU that is not throttled.
        RollupColumn(name: "full_clock", threshold: Float(1).nextDown),
    ]
    static let die = 0, clock = 1

    let rollup: FleetRollup
    /// Per rack: failed and shut-down GPUs.
    let failed: [Int32]
    let shutDown: [Int32]
    /// Per rack: up, serving GPUs of a site whose governor cap is below the GPU's prefill power, so every
    /// one of them prefills slower (0 where no cap bites). Counted by the cap in force, not by which GPUs
    /// happened to draw up to it this second, so the count holds steady under a steady cap.
    let powerCapped: [Int32]

    init(topology topo: Topology, physics: PowerThermalModel, capW: [Double?]) {
        var rollup = FleetRollup(layout: topo.rollupLayout, columns: Self.columns, upByte: .zero)
        let racks = topo.rackCount
        var failed = [Int32](repeating: 0, count: racks)
        var shutDown = failed, powerCapped = failed
        physics.state.withUnsafeBufferPointer { states in
            states.withMemoryRebound(to: UInt8.self) { up in
                rollup.update(columns: [physics.dieC, physics.clock], up: up)
                for r in 0..<racks where rollup.racks.gpusUp[r] < rollup.racks.gpus[r] {
                    for g in topo.rackGPUs[r] {
                        switch states[g] {
                        case .up: break
                        case .failed: failed[r] += 1
                        case .shutDown: shutDown[r] += 1
                        }
                    }
                }
            }
        }
        for s in 0..<topo.siteCount {
            guard let cap = capW[s] else { continue }
            for r in topo.siteRacks[s] where !physics.rackShed[r] {
                let sku = topo.hallSKU[Int(topo.rackHall[r])].constants
                if cap < sku.prefillW { powerCapped[r] = rollup.racks.gpusUp[r] }
            }
        }
        self.rollup = rollup
        self.failed = failed; self.shutDown = shutDown; self.powerCapped = powerCapped
    }

    /// Up GPUs whose clock is below 1 in `entity` of `level`.
    func throttled(_ level: RollupLevel, _ entity: Int) -> Int {
        Int(level.gpusUp[entity]) - level.countAbove(Self.clock, entity)
    }

    /// The hottest die in `entity` of `level`, every GPU counted; 0 for an entity without GPUs.
    func dieMax(_ level: RollupLevel, _ entity: Int) -> Float {
        level.gpus[entity] > 0 ? level.max(Self.die, entity) : 0
    }
}
