import FleetMetrics
@testable import FleetSim

/// Small hand-built snapshots for tests that need figures without running the engine.
enum DrillTestFixtures {
    /// Two sites, metro-edge with two halls and regional with one, with distinct figures everywhere.
    static func snapshot() -> Snapshot {
        var totals = FleetTotals()
        totals.gpus = 200; totals.gpusUp = 150; totals.facilityPowerKW = 9_800; totals.goodputRatio = 0.972
        var metro = SiteStats(name: "metro-edge", rttMs: 3, baseRttMs: 3, halls: 0..<2, racks: 0..<4,
                              powerHistoryKW: Series(capacity: 4))
        metro.facilityPowerKW = 9_800; metro.activeCapKW = 10_000; metro.gpus = 100; metro.gpusUp = 75
        let regional = SiteStats(name: "regional", rttMs: 20, baseRttMs: 20, halls: 2..<3, racks: 4..<6,
                                 powerHistoryKW: Series(capacity: 4))
        var h1 = HallStats(site: 0, number: 1, cooling: .air, racks: 0..<2, dieHistoryC: Series(capacity: 4),
                           powerHistoryKW: Series(capacity: 4))
        h1.dieCMax = 88.5
        let h2 = HallStats(site: 0, number: 2, cooling: .air, racks: 2..<4, dieHistoryC: Series(capacity: 4),
                           powerHistoryKW: Series(capacity: 4))
        let h3 = HallStats(site: 1, number: 1, cooling: .liquid, racks: 4..<6, dieHistoryC: Series(capacity: 4),
                           powerHistoryKW: Series(capacity: 4))
        var classes = RequestClass.allCases.map { ClassStats(requestClass: $0, slo: ServiceLevel(ttftSeconds: 2, tpotSeconds: 0.2)) }
        classes[RequestClass.chat.rawValue].ttft = Percentiles(p50: 0.31, p95: 0.74, p99: 1.62)
        classes[RequestClass.code.rawValue].tpot = Percentiles(p50: 0.022, p95: 0.031, p99: 0.044)
        // Every class completed requests in the window, so its latency figures have something behind them.
        for i in classes.indices {
            classes[i].ttftHistogram.record(classes[i].ttft.p99); classes[i].tpotHistogram.record(classes[i].tpot.p99)
            classes[i].e2eHistogram.record(classes[i].e2e.p99)
        }
        var agentic = AgenticStats()
        agentic.taskE2E = Percentiles(p50: 14, p95: 41, p99: 96)
        agentic.tasksInWindow = 40; agentic.callsInWindow = 900
        var failures = FailureCounts()
        failures.rack = 2
        return Snapshot(tick: 600, simTime: 60, seed: 7, fleetName: "fixture",
                        clock: ClockState(speed: .max, paused: false, achievedRealtimeFactor: 0),
                        totals: totals, sites: [metro, regional], halls: [h1, h2, h3], racks: RackTable(),
                        classes: classes, agentic: agentic, failures: failures, activeFaults: [], activeSurges: [],
                        events: [], history: FleetHistory(capacity: 4), invariantViolations: [])
    }
}
