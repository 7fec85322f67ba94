import Testing
@testable import FleetSim

/// The hyperscale preset at a steady load: healthy on a calm day, and under a demand
/// response at every site its power-capped count holds still instead of flapping by whole campuses.
@Suite(.serialized) struct HyperscaleSteadyStateTests {
    /// Power-capped GPUs each second for `seconds` seconds.
    func cappedCounts(_ e: FleetEngine, seconds: Int) -> [Int] {
        (0..<seconds).map { _ in
            e.advance(seconds: 1)
            return e.snapshot().totals.gpusPowerCapped
        }
    }

    @Test func calmDayMeetsEverySLOAndDemandResponseHoldsTheCapSteady() throws {
        let e = try FleetEngine(spec: .hyperscale, seed: 3)
        e.advance(seconds: 30)
        // A calm day: nothing capped, every site under its limit, no SLO breached.
        let calm = cappedCounts(e, seconds: 60)
        #expect(calm.allSatisfy { $0 == 0 }, "capped at steady calm load: \(calm)")
        let s = e.snapshot()
        for site in s.sites { #expect(site.facilityPowerKW < site.activeCapKW * 0.95, "\(site.name)") }
        for (c, status) in zip(RequestClass.allCases, s.status.slo) {
            #expect(status.breaches.isEmpty, "\(c) \(status.breaches)")
        }
        // Every site asked to cut to 60% of its connection, about its calm draw: they cap, and once
        // settled the count moves by less than a tenth from one second to the next.
        for site in s.sites {
            let fault = FaultSpec(kind: .powerCap, target: TargetSelector(site: site.name), magnitude: 0.6)
            if case .rejected(let why) = e.apply(.fault(fault)) { Issue.record("\(site.name): \(why)") }
        }
        e.advance(seconds: 30)
        let capped = cappedCounts(e, seconds: 90)
        #expect(capped.allSatisfy { $0 > 0 })
        for (before, after) in zip(capped, capped.dropFirst()) {
            #expect(Double(abs(after - before)) <= 0.1 * Double(before), "swing \(before) → \(after) in \(capped)")
        }
        for site in e.snapshot().sites { #expect(site.facilityPowerKW <= site.activeCapKW * 1.03, "\(site.name)") }
    }
}
