import FleetMetrics
import FleetSim
@testable import FleetDashboard

/// Hand-built snapshots for panel tests: a small demo-shaped fleet with every mark and state, and a
/// hyperscale-shaped one (about a million GPUs) for the hall view. Values are fixed formulas, not a run.
enum SnapshotFixture {
    static let siteNames = ["metro-edge", "regional", "remote-campus"]

    /// 3 sites × 2 halls × 8 racks of 32 GPUs, with a failed, a throttled, a capped, a partitioned and a
    /// queue-saturated rack, SLO breaches, events and histories.
    static func demo(historySamples: Int = 60) -> Snapshot {
        let racksPerHall = 8
        var sites: [SiteStats] = []
        var halls: [HallStats] = []
        var racks = RackTable()
        let rtts = [3.0, 20.0, 60.0]
        let grid = [10_000.0, 32_000.0, 120_000.0]
        let facility = [9_800.0, 18_100.0, 41_000.0]
        for si in 0..<3 {
            let hallStart = halls.count, rackStart = racks.count
            for hn in 1...2 {
                let first = racks.count
                for r in 0..<racksPerHall {
                    let i = first + r
                    racks.hall.append(Int32(halls.count))
                    racks.gpus.append(32)
                    racks.gpusUp.append(i == 2 ? 0 : 32)
                    racks.gpusThermalThrottled.append(i == 5 ? 12 : 0)
                    racks.inletC.append(Float(20 + (i * 3) % 12))
                    racks.dieCMax.append(Float(40 + (i * 7) % 45) + (i == 5 ? 4 : 0))
                    racks.itPowerKW.append(Float(20 + i % 10))
                    racks.utilization.append(Float(i % 10) / 10)
                    racks.queueRequests.append(Float((i % 4) * 10))
                    var f: RackFlags = []
                    if i == 2 { f.insert(.failed) }
                    if i == 5 { f.insert(.thermal) }
                    if i == 6 { f.insert(.powerCapped) }
                    if i == 9 { f.insert(.queueSaturated) }
                    if si == 2 && hn == 2 && r == 0 { f.insert(.network) }
                    racks.flags.append(f)
                }
                var hall = HallStats(site: si, number: hn, cooling: si == 0 ? .air : .liquid,
                                     racks: first..<racks.count, dieHistoryC: series(historySamples, base: 60, step: 0.5),
                                     powerHistoryKW: series(historySamples, base: 200, step: 1))
                hall.gpus = 256; hall.gpusUp = hall.racks.contains(2) ? 224 : 256
                hall.gpusThermalThrottled = hall.racks.contains(5) ? 12 : 0
                hall.itPowerKW = Double(racks.itPowerKW[hall.racks].reduce(0, +))
                hall.inletCMean = 24; hall.inletCMax = Double(racks.inletC[hall.racks].max() ?? 0)
                hall.dieCMax = Double(racks.dieCMax[hall.racks].max() ?? 0)
                hall.utilization = 0.45; hall.queueRequests = 60
                hall.coolingLoss = si == 0 && hn == 1 ? 0.6 : 0
                halls.append(hall)
            }
            var site = SiteStats(name: siteNames[si], rttMs: rtts[si], baseRttMs: rtts[si], halls: hallStart..<halls.count,
                                 racks: rackStart..<racks.count, powerHistoryKW: series(historySamples, base: facility[si] * 0.9, step: 10))
            site.gpus = 512; site.gpusUp = si == 0 ? 480 : 512; site.gpusThermalThrottled = si == 0 ? 12 : 0
            site.gpusPowerCapped = si == 0 ? 32 : 0
            site.itPowerKW = facility[si] / 1.3; site.facilityPowerKW = facility[si]
            site.gridLimitKW = grid[si]; site.activeCapKW = grid[si]
            site.governorCapW = si == 0 ? 310 : nil
            site.pue = [1.52, 1.18, 1.09][si]
            site.inletCMax = 31; site.dieCMax = 88.9; site.utilization = 0.6; site.queueRequests = 3_100
            site.kvUse = 0.8; site.trafficShare = [0.5, 0.3, 0.2][si]
            site.pricePerMWh = [160, 90, 70][si]; site.costPerHourUSD = [9_000, 11_000, 11_000][si]
            site.networkLoss = si == 2 ? 0.05 : 0
            sites.append(site)
        }
        var totals = FleetTotals()
        totals.sites = 3; totals.halls = 6; totals.racks = racks.count; totals.gpus = 1_536; totals.gpusUp = 1_504
        totals.gpusThermalThrottled = 180; totals.gpusPowerCapped = 32; totals.gpusShutDown = 8
        totals.facilityPowerKW = 68_900; totals.itPowerKW = 55_000; totals.gridLimitKW = 162_000
        totals.costPerHourUSD = 31_000; totals.energyShareOfCost = 0.03; totals.usdPerMillionTokens = 0.41
        totals.outputTokensPerSecond = 1_200_000; totals.requestsPerSecond = 59_300; totals.goodputRatio = 0.934
        totals.pue = 1.25
        let slos = [ServiceLevel(ttftSeconds: 2, tpotSeconds: 0.2), ServiceLevel(ttftSeconds: 0.45, tpotSeconds: 0.04),
                    ServiceLevel(ttftSeconds: 2, tpotSeconds: 0.2), ServiceLevel(ttftSeconds: nil, tpotSeconds: nil)]
        let ttft = [Percentiles(p50: 0.31, p95: 0.74, p99: 1.62), Percentiles(p50: 0.12, p95: 0.30, p99: 0.51),
                    Percentiles(p50: 0.40, p95: 1.10, p99: 1.90), Percentiles(p50: 2, p95: 5, p99: 9)]
        let tpot = [Percentiles(p50: 0.038, p95: 0.061, p99: 0.140), Percentiles(p50: 0.022, p95: 0.031, p99: 0.044),
                    Percentiles(p50: 0.030, p95: 0.050, p99: 0.090), Percentiles(p50: 0.05, p95: 0.08, p99: 0.12)]
        let rps = [12_400.0, 2_100, 41_800, 3_000]
        var classes: [ClassStats] = []
        for c in RequestClass.allCases {
            var st = ClassStats(requestClass: c, slo: slos[c.rawValue])
            st.arrivalRPS = rps[c.rawValue]; st.throughputRPS = rps[c.rawValue] * 0.97
            st.waiting = [3_100, 40, 9_700, 0][c.rawValue]; st.kvUse = [0.21, 0.04, 0.43, 0.1][c.rawValue]
            st.goodputRatio = [0.972, 0.91, 0.884, 1][c.rawValue]; st.shedRatio = c == .batch ? 0.4 : 0
            st.retriesPerSecond = c == .agentic ? 312 : 0; st.dropped = c == .batch ? 1_200 : 0
            st.ttft = ttft[c.rawValue]; st.tpot = tpot[c.rawValue]
            st.e2e = Percentiles(p50: ttft[c.rawValue].p50 * 8, p95: ttft[c.rawValue].p95 * 8, p99: ttft[c.rawValue].p99 * 8)
            st.ttftHistogram.record(st.ttft.p99); st.tpotHistogram.record(st.tpot.p99); st.e2eHistogram.record(st.e2e.p99)
            st.sloStatus.judge(st)
            classes.append(st)
        }
        var agentic = AgenticStats()
        agentic.tasksInFlight = 18_200; agentic.callsPerTaskMean = 23; agentic.callP99Seconds = 2.3
        agentic.taskE2E = Percentiles(p50: 14, p95: 41, p99: 96); agentic.rttShareOfTaskTime = 0.12
        agentic.rttShareBySite = [0.02, 0.11, 0.31]; agentic.probesInFlight = 2
        var history = FleetHistory(capacity: 120)
        for i in 0..<historySamples {
            history.facilityPowerKW.append(Float(60_000 + i * 150))
            history.taskP99.append(Float(60 + i / 2))
            for c in RequestClass.allCases {
                history.arrivalRPS[c.rawValue].append(Float(rps[c.rawValue]) * Float(50 + i) / 110)
                history.queue[c.rawValue].append(Float(i * (c.rawValue + 1)))
                history.kvUse[c.rawValue].append(Float(i) / Float(historySamples) * 0.5)
            }
        }
        let events = [
            SimEvent(id: 1, kind: .fault, startSeconds: 51_893, endSeconds: nil, subject: .note("cooling −60% metro-edge/h1"), injected: true),
            SimEvent(id: 2, kind: .throttling, startSeconds: 51_970, endSeconds: nil, subject: .note("throttling metro-edge/h1 212 GPUs")),
            SimEvent(id: 3, kind: .sloBreach, startSeconds: 52_300, endSeconds: 52_325, subject: .note("SLO breach code TTFT p99 0.51 s"), repeats: 3),
            SimEvent(id: 4, kind: .repair, startSeconds: 52_310, endSeconds: 52_310, subject: .note("repair regional/h2/r03")),
        ]
        let fault = ActiveFault(id: 1, kind: .cooling, target: "metro-edge/h1", spec: nil, injected: true,
                                sinceSeconds: 51_893, untilSeconds: 52_493)
        var s = readingsTrue(Snapshot(tick: 524_000, simTime: 52_400, seed: 7, fleetName: "demo",
                        clock: ClockState(speed: .times(10), paused: false, achievedRealtimeFactor: 10),
                        totals: totals, sites: sites, halls: halls, racks: racks, classes: classes, agentic: agentic,
                        failures: FailureCounts(), activeFaults: [fault], activeSurges: [], events: events,
                        history: history, invariantViolations: []))
        s.status = status(s)
        return s
    }

    /// The status the simulation would judge for a hand-made snapshot: its faults, SLO breaches and the
    /// open throttling event of hall 0.
    static func status(_ s: Snapshot) -> FleetStatus {
        var status = FleetStatus()
        status.slo = s.classes.map(\.sloStatus)
        for f in s.activeFaults {
            status.alerts.append(FleetAlert(subject: .fault(id: f.id), kind: .fault, text: "\(f.kind.rawValue) \(f.target)",
                                            detail: "operator", sinceSeconds: f.sinceSeconds, critical: true))
        }
        for c in s.classes {
            for metric in c.sloStatus.breaches {
                status.alerts.append(FleetAlert(subject: .slo(c.requestClass, metric: metric), kind: .slo,
                                                text: "\(c.requestClass.name) \(metric) p99", detail: "over target",
                                                sinceSeconds: nil, critical: true))
            }
        }
        for e in s.events where e.kind == .throttling && e.endSeconds == nil {
            status.alerts.append(FleetAlert(subject: .hall(0), kind: .thermal, text: e.text, detail: "GPUs slowed by heat",
                                            sinceSeconds: e.startSeconds, critical: false))
        }
        return status
    }

    /// The snapshot with every reported temperature equal to the true one (no sensor fault).
    static func readingsTrue(_ snapshot: Snapshot) -> Snapshot {
        var s = snapshot
        s.racks.inletCReported = s.racks.inletC; s.racks.dieCMaxReported = s.racks.dieCMax
        for h in s.halls.indices {
            s.halls[h].inletCMeanReported = s.halls[h].inletCMean
            s.halls[h].inletCMaxReported = s.halls[h].inletCMax
            s.halls[h].dieCMaxReported = s.halls[h].dieCMax
        }
        for i in s.sites.indices {
            s.sites[i].inletCMaxReported = s.sites[i].inletCMax
            s.sites[i].dieCMaxReported = s.sites[i].dieCMax
        }
        return s
    }

    /// 16 sites × 8 halls × 250 racks × 32 GPUs = 1,024,000 GPUs: the hyperscale shape.
    static func hyperscale() -> Snapshot {
        let base = demo(historySamples: 120)
        var sites: [SiteStats] = []
        var halls: [HallStats] = []
        var racks = RackTable()
        let racksPerHall = 250
        for si in 0..<16 {
            let hallStart = halls.count, rackStart = si * 8 * racksPerHall
            for hn in 1...8 {
                let first = halls.count * racksPerHall
                var hall = HallStats(site: si, number: hn, cooling: .liquid, racks: first..<(first + racksPerHall),
                                     dieHistoryC: base.halls[0].dieHistoryC, powerHistoryKW: base.halls[0].powerHistoryKW)
                hall.gpus = racksPerHall * 32; hall.gpusUp = hall.gpus
                hall.dieCMax = Double(50 + (si * 8 + hn) % 40); hall.itPowerKW = Double(7_000 + hn * 100)
                hall.utilization = 0.5; hall.queueRequests = Double(hn * 100)
                halls.append(hall)
            }
            var site = SiteStats(name: "site-\(si + 1)", rttMs: Double(5 + si * 4), baseRttMs: Double(5 + si * 4),
                                 halls: hallStart..<halls.count, racks: rackStart..<(rackStart + 8 * racksPerHall),
                                 powerHistoryKW: base.sites[0].powerHistoryKW)
            site.gridLimitKW = 90_000; site.activeCapKW = 90_000; site.facilityPowerKW = 70_000; site.pue = 1.1
            sites.append(site)
        }
        let n = halls.count * racksPerHall
        racks.hall = (0..<n).map { Int32($0 / racksPerHall) }
        racks.gpus = [UInt16](repeating: 32, count: n)
        racks.gpusUp = [UInt16](repeating: 32, count: n)
        racks.gpusThermalThrottled = [UInt16](repeating: 0, count: n)
        racks.inletC = (0..<n).map { Float(20 + $0 % 11) }
        racks.dieCMax = (0..<n).map { Float(45 + ($0 * 13) % 47) }
        racks.itPowerKW = (0..<n).map { Float(28 + $0 % 5) }
        racks.utilization = (0..<n).map { Float($0 % 100) / 100 }
        racks.queueRequests = (0..<n).map { Float($0 % 7) }
        racks.flags = [RackFlags](repeating: [], count: n)
        var s = base
        s.fleetName = "hyperscale"; s.sites = sites; s.halls = halls; s.racks = racks
        s.totals.sites = sites.count; s.totals.halls = halls.count; s.totals.racks = n; s.totals.gpus = n * 32
        s.agentic.rttShareBySite = sites.map { _ in 0.1 }
        return readingsTrue(s)
    }

    static func series(_ n: Int, base: Double, step: Double) -> Series {
        var s = Series(capacity: 120)
        for i in 0..<n { s.append(Float(base + Double(i) * step)) }
        return s
    }

    /// A theme with distinct colours for every role and simple two-stop gradients, so tests can tell
    /// styles apart.
    static let theme: Theme = {
        var colors: [ThemeColor: CellColor] = [:]
        for (i, role) in ThemeColor.allCases.enumerated() { colors[role] = .rgb(RGB(UInt8(i * 8), 100, 200)) }
        var gradients: [ThemeGradient: [CellColor]] = [:]
        for g in ThemeGradient.allCases {
            gradients[g] = (0...100).map { .rgb(RGB(UInt8($0 * 2), UInt8(200 - $0 * 2), 50)) }
        }
        return Theme(name: "test", colors: colors, gradients: gradients)
    }()

    static func context(_ s: Snapshot, glyphs: GlyphSet = .unicode, graph: GraphStyle = .block) -> PanelContext {
        PanelContext(theme: theme, glyphs: glyphs, graph: graph, sparks: SparklineCache(), digest: FleetDigest(s))
    }

    /// Rows of a canvas with trailing blanks removed, for comparing with expected text.
    static func lines(_ c: Canvas) -> [String] {
        (0..<c.height).map { y in
            var row = c.rowText(y)
            while row.last == " " { row.removeLast() }
            return row
        }
    }
}
