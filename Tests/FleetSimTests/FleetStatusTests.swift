import Testing
@testable import FleetSim

/// The status the simulation judges once for every reader: SLO standing with hysteresis, alerts, what is
/// down; and power that follows load.
@Suite struct FleetStatusTests {
    /// A class whose 60-s p99 TTFT is `p99` against a 2 s target, with samples.
    static func stats(ttftP99 p99: Double) -> ClassStats {
        var st = ClassStats(requestClass: .chat, slo: ServiceLevel(ttftSeconds: 2, tpotSeconds: nil))
        st.ttft = Percentiles(p50: p99 / 2, p95: p99, p99: p99)
        st.ttftHistogram.record(p99)
        return st
    }

    @Test func aBreachClearsOnlyWellUnderItsTarget() {
        var s = SLOStatus()
        s.judge(Self.stats(ttftP99: 1.9))
        #expect(s.judged && !s.isBreached)
        s.judge(Self.stats(ttftP99: 2.1))
        #expect(s.breaches == ["TTFT"])
        // Hovering just under the target does not clear it: no flapping.
        s.judge(Self.stats(ttftP99: 1.95))
        #expect(s.breaches == ["TTFT"])
        s.judge(Self.stats(ttftP99: 1.79))
        #expect(!s.isBreached)
    }

    @Test func noTargetIsNeverJudgedAndUnservedBeatsTheHistograms() {
        var none = SLOStatus()
        var batch = ClassStats(requestClass: .batch, slo: ServiceLevel(ttftSeconds: nil, tpotSeconds: nil))
        batch.unserved = true
        none.judge(batch)
        #expect(!none.judged && !none.isBreached)
        var s = SLOStatus()
        var st = Self.stats(ttftP99: 0.1)
        st.unserved = true
        s.judge(st)
        #expect(s.breaches == ["unserved"])
    }

    @Test func aPartitionedSiteFallsToIdlePowerWithinTenSeconds() throws {
        let e = try SimTestSupport.engine(warm: 60)
        let before = SimTestSupport.site(e.snapshot(), "near")
        e.apply(.fault(FaultSpec(kind: .network, target: TargetSelector(site: "near"), magnitude: 1)))
        e.advance(seconds: 10)
        let s = e.snapshot()
        let near = SimTestSupport.site(s, "near")
        // Idle: every GPU at idle power and the servers at their idle overhead.
        let spec = e.spec.sites[0]
        let gpus = Double(spec.gpuCount), servers = Double(spec.halls.reduce(0) { $0 + $1.racks * $1.serversPerRack })
        let idleKW = gpus * GPUSKU.h100.constants.idleW / 1000 + servers * e.spec.power.serverIdleOverheadKW
        #expect(before.itPowerKW > idleKW * 1.2, "near was serving: \(before.itPowerKW) kW")
        #expect(abs(near.itPowerKW - idleKW) < idleKW * 0.01, "near at \(near.itPowerKW) kW, idle \(idleKW) kW")
        #expect(s.status.outage == "near cut off")
    }

    @Test func noTrafficReadsIdleAndUnjudged() throws {
        var spec = SimTestSupport.quietTiny()
        for c in RequestClass.allCases { spec[c].ratePerSecond = 0 }
        spec.agentic.minProbesPerSecond = 0
        let e = try SimTestSupport.engine(spec, warm: 30)
        let s = e.snapshot()
        #expect(s.status.slo.allSatisfy { !$0.judged && !$0.isBreached })
        #expect(s.status.alerts.isEmpty, "\(s.status.alerts.map(\.text))")
        #expect(s.status.outage == nil)
        #expect(s.totals.outputTokensPerSecond == 0)
        #expect(s.classes.allSatisfy { $0.e2eHistogram.totalWeight == 0 })
        #expect(s.invariantViolations.isEmpty, "\(s.invariantViolations)")
    }

    @Test func theDemoFleetStartsHealthy() throws {
        let e = try FleetEngine(spec: .demo, seed: 11)
        e.advance(seconds: 120)
        let s = e.snapshot()
        #expect(s.status.slo.allSatisfy { !$0.isBreached }, "\(s.status.slo.map(\.breaches))")
        #expect(s.status.alerts.isEmpty, "\(s.status.alerts.map(\.text))")
        #expect(s.totals.gpusPowerCapped == 0)
        for site in s.sites { #expect(site.facilityPowerKW < site.gridLimitKW, "\(site.name)") }
    }

    @Test func aCappedSiteHoldsASteadyCappedCount() throws {
        let e = try FleetEngine(spec: .demo, seed: 5)
        e.advance(seconds: 60)
        e.apply(.fault(FaultSpec(kind: .powerCap, target: TargetSelector(site: "metro-edge"), magnitude: 0.8)))
        e.advance(seconds: 30)
        var counts: [Int] = [], power: [Double] = []
        for _ in 0..<90 {
            e.advance(seconds: 1)
            let metro = SimTestSupport.site(e.snapshot(), "metro-edge")
            counts.append(metro.gpusPowerCapped); power.append(metro.facilityPowerKW / metro.activeCapKW)
        }
        #expect(counts.allSatisfy { $0 > 0 }, "\(counts)")
        for (a, b) in zip(counts, counts.dropFirst()) {
            #expect(abs(Double(b - a)) <= 0.1 * Double(max(a, 1)), "capped count swings \(a) → \(b)")
        }
        #expect(power.allSatisfy { $0 <= 1.0 }, "over the lowered limit: \(power.max() ?? 0)")
    }
}
