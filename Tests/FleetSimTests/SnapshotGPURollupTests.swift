import Testing
@testable import FleetSim

/// The snapshot's GPU figures (one fused roll-up) against plain loops over the engine's GPU columns,
/// with failed, shut-down, throttled and power-capped GPUs present.
@Suite struct SnapshotGPURollupTests {
    struct RackFigures: Equatable {
        var up = 0, throttled = 0, capped = 0, shut = 0, failed = 0
        var die: Float = 0
    }

    /// What the snapshot reported per rack before the roll-up moved onto FleetMetrics.
    static func loops(_ e: FleetEngine) -> [RackFigures] {
        let topo = e.topology, physics = e.physics
        return (0..<topo.rackCount).map { r in
            var f = RackFigures()
            let s = Int(topo.rackSite[r])
            for g in topo.rackGPUs[r] {
                switch physics.state[g] {
                case .up:
                    f.up += 1
                    if physics.clock[g] < 1 { f.throttled += 1 }
                    let sku = topo.hallSKU[Int(topo.rackHall[r])].constants
                    if let cap = e.governor.capW[s], cap < sku.prefillW, !physics.rackShed[r] { f.capped += 1 }
                case .failed: f.failed += 1
                case .shutDown: f.shut += 1
                }
            }
            if physics.rackShed[r] { f.up = 0 }
            f.die = topo.rackGPUs[r].isEmpty ? 0 : topo.rackGPUs[r].map { physics.dieC[$0] }.max()!
            return f
        }
    }

    @Test func rackHallAndSiteFiguresEqualLoops() throws {
        let e = try SimTestSupport.engine(warm: 30)
        e.apply(.fault(FaultSpec(kind: .gpu, target: TargetSelector(site: "far", mode: .count(5)))))
        e.apply(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "near", hall: 1), magnitude: 1, rampSeconds: 10)))
        e.apply(.fault(FaultSpec(kind: .powerCap, target: TargetSelector(site: "near"), magnitude: 0.6)))
        var sawThrottled = false, sawCapped = false, sawDown = false
        for _ in 0..<16 {
            e.advance(seconds: 15)
            let snap = e.snapshot(), expected = Self.loops(e)
            for (r, f) in expected.enumerated() {
                #expect(Int(snap.racks.gpusUp[r]) == f.up, "rack \(r) up")
                #expect(Int(snap.racks.gpusThermalThrottled[r]) == f.throttled, "rack \(r) throttled")
                #expect(snap.racks.dieCMax[r] == f.die, "rack \(r) die")
                #expect(snap.racks.flags[r].contains(.failed) == (f.failed > 0), "rack \(r) failed flag")
                #expect(snap.racks.flags[r].contains(.shutDown) == (f.shut > 0), "rack \(r) shut-down flag")
                #expect(snap.racks.flags[r].contains(.powerCapped) == (f.capped > 0), "rack \(r) capped flag")
                sawThrottled = sawThrottled || f.throttled > 0
                sawCapped = sawCapped || f.capped > 0
                sawDown = sawDown || f.failed + f.shut > 0
            }
            for (h, hall) in snap.halls.enumerated() {
                let rs = e.topology.hallRacks[h].map { expected[$0] }
                #expect(hall.gpusUp == rs.reduce(0) { $0 + $1.up })
                #expect(hall.gpusThermalThrottled == rs.reduce(0) { $0 + $1.throttled })
                #expect(hall.gpusPowerCapped == rs.reduce(0) { $0 + $1.capped })
                #expect(hall.gpusShutDown == rs.reduce(0) { $0 + $1.shut })
                #expect(hall.dieCMax == rs.reduce(0.0) { max($0, Double($1.die)) })
            }
            for (s, site) in snap.sites.enumerated() {
                let rs = e.topology.siteRacks[s].map { expected[$0] }
                #expect(site.gpusThermalThrottled == rs.reduce(0) { $0 + $1.throttled })
                #expect(site.dieCMax == rs.reduce(0.0) { max($0, Double($1.die)) })
            }
            #expect(snap.totals.gpusThermalThrottled == expected.reduce(0) { $0 + $1.throttled })
        }
        #expect(sawThrottled, "the cooling fault throttled GPUs")
        #expect(sawCapped, "the power cap bit")
        #expect(sawDown, "GPUs failed or shut down")
    }
}
