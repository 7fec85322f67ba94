import Testing
@testable import FleetSim

/// A scripted stand-in for the engine: goodput falls by a fixed amount per second while a cooling
/// fault is active and recovers on repair, so the session's logic can be checked exactly.
struct ScriptedSimulation: DrillSimulation {
    var tick: UInt64 = 0
    var applied: [(UInt64, SimCommand)] = []
    var faultActive = false
    var goodput = 1.0
    /// Goodput lost per simulated second while the fault is active.
    let lossPerSecond: Double

    mutating func perform(_ command: SimCommand) {
        applied.append((tick, command))
        switch command {
        case .fleet(.fault): faultActive = true
        case .fleet(.repair): faultActive = false; goodput = 1
        default: break
        }
    }

    mutating func advance(seconds: Double) {
        let ticks = UInt64((seconds * 10).rounded())
        if faultActive { goodput = max(0, goodput - lossPerSecond * Double(ticks) / 10) }
        tick += ticks
    }

    func currentSnapshot() -> Snapshot {
        var s = DrillTestFixtures.snapshot()
        s.tick = tick
        s.simTime = Double(tick) / 10
        s.totals.goodputRatio = goodput
        return s
    }
}

@Suite("Drill session logic")
struct DrillSessionTests {
    static func drill(_ extra: String, duration: String = "10m") throws -> DrillFile {
        try DrillFile.parse(yaml: """
        name: scripted
        fleet: fixture
        duration: \(duration)
        steady_state:
          - metric: goodput
            above: 90%
        method:
          - at: 2m
            fault: cooling
            target: {site: metro-edge, hall: 1}
            magnitude: 50%
          - at: 8m
            command: repair all
        rollback:
          - repair all
        \(extra)
        """, file: "scripted.yaml")
    }

    @Test func passesWhenRecoveredByTheEnd() throws {
        var sim = ScriptedSimulation(lossPerSecond: 0.001)
        var seen: [DrillProgress] = []
        let report = try DrillRunner.run(try Self.drill(""), on: &sim) { seen.append($0) }
        #expect(report.verdict == .passed)
        #expect(report.exitStatus == 0)
        #expect(report.checks[0].evaluations.map(\.phase) == ["before", "end"])
        #expect(report.checks[0].evaluations.map(\.atS) == [120, 600])
        #expect(sim.applied.map(\.0) == [1200, 4800, 6000])
        #expect(report.steps.allSatisfy { $0.applied })
        #expect(seen.last?.finished == true)
        #expect(seen.map(\.simSeconds) == seen.map(\.simSeconds).sorted())
    }

    @Test func aClockStepBeforeTheFirstFaultAppliesWhenDue() throws {
        var drill = try Self.drill("")
        drill.method.insert(DrillStep(atSeconds: 0, command: .clock(.speed(.times(10)))), at: 0)
        var sim = ScriptedSimulation(lossPerSecond: 0.001)
        _ = try DrillRunner.run(drill, on: &sim)
        // The speed applies at 0:00, not held back until the steady state is checked at the fault.
        #expect(sim.applied.first.map(\.0) == 0)
        #expect(sim.applied.map(\.0) == [0, 1200, 4800, 6000])
    }

    @Test func continuousCheckFailsAfterTolerance() throws {
        let yaml = try Self.drill("").steadyState
        #expect(yaml.count == 1)
        var drill = try Self.drill("")
        drill.steadyState[0].continuous = true
        drill.steadyState[0].toleranceSeconds = 30
        var sim = ScriptedSimulation(lossPerSecond: 0.012)
        let report = try DrillRunner.run(drill, on: &sim)
        #expect(report.verdict == .failed)
        #expect(report.exitStatus == 1)
        let check = try #require(report.checks.first)
        #expect(!check.held)
        #expect(check.continuousSummary?.longestBreachS ?? 0 > 30)
        #expect(report.timeline.contains { $0.kind == "breach" && $0.startS == 129 })
        #expect(DrillReportWriter.verdictSentence(report) == "did not hold: goodput above 90%")
    }

    @Test func toleranceForgivesAShortDip() throws {
        var drill = try Self.drill("")
        drill.steadyState[0].continuous = true
        drill.steadyState[0].toleranceSeconds = 600
        var sim = ScriptedSimulation(lossPerSecond: 0.001)
        let report = try DrillRunner.run(drill, on: &sim)
        #expect(report.verdict == .passed)
        #expect(report.checks[0].continuousSummary?.failing ?? 0 > 0)
    }

    @Test func stopConditionAbortsAndRollsBack() throws {
        let drill = try Self.drill("""
        stop_when:
          - metric: goodput
            below: 50%
        """)
        var sim = ScriptedSimulation(lossPerSecond: 0.012)
        let report = try DrillRunner.run(drill, on: &sim)
        #expect(report.verdict == .aborted)
        #expect(report.exitStatus == 1)
        #expect(report.abort?.condition == "goodput below 50%")
        #expect(report.abort?.atS == 162)
        #expect(report.steps.map(\.applied) == [true, false])
        #expect(report.rollback.map(\.command) == ["repair all"])
        #expect(sim.applied.last.map { $0.1 } == .fleet(.repair(nil)))
        #expect(!sim.faultActive)
        #expect(report.checks.first { $0.role == .stopWhen }?.held == false)
        #expect(report.checks[0].evaluations.map(\.phase) == ["before", "stop"])
    }

    @Test("a steady state that does not hold before the method fails the drill without running the method")
    func unhealthyBeforeTheMethodSkipsIt() throws {
        var sim = ScriptedSimulation(lossPerSecond: 0.001)
        sim.goodput = 0.5
        let report = try DrillRunner.run(try Self.drill(""), on: &sim)
        #expect(report.verdict == .failed)
        #expect(report.steps.map(\.applied) == [false, false])
        #expect(!sim.applied.contains { if case .fleet(.fault) = $0.1 { true } else { false } })
        #expect(report.timeline.contains { $0.text == "steady state not met before the method: method not run" })
        #expect(report.checks[0].evaluations.map(\.phase) == ["before"])
    }

    @Test func unknownSiteIsABadFile() throws {
        var drill = try Self.drill("")
        drill.method[0].command = .fleet(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "atlantis"))))
        drill.method[0].line = 9
        var sim = ScriptedSimulation(lossPerSecond: 0)
        #expect(throws: Diagnostic(file: "scripted.yaml", line: 9, field: "method[0].target.site",
                                   message: "no site 'atlantis' in fleet fixture", expected: ["metro-edge", "regional"])) {
            try DrillRunner.run(drill, on: &sim)
        }
    }

    @Test func reportRendersInEveryFormat() throws {
        var drill = try Self.drill("")
        drill.steadyState[0].continuous = true
        var sim = ScriptedSimulation(lossPerSecond: 0.012)
        let report = try DrillRunner.run(drill, on: &sim)
        let text = DrillReportWriter.text(report)
        #expect(text.hasPrefix("drill: scripted — FAILED (exit 1)"))
        #expect(text.contains("✘ goodput above 90%"))
        let markdown = DrillReportWriter.markdown(report)
        #expect(markdown.contains("**Verdict: failed**"))
        let json = DrillReportWriter.json(report)
        #expect(json.contains("\"schema\" : \"fleettop.drill-report\\/1\"") || json.contains("\"schema\" : \"fleettop.drill-report/1\""))
        #expect(json.contains("\"exit_status\" : 1"))
        #expect(json.contains("\"ended_at_s\" : 600"))
        #expect(json.contains("\"abort\" : null"))
        var ongoing = report
        ongoing.timeline = [DrillReport.TimelineEntry(startS: 1, endS: nil, kind: "fault", text: "x", repeats: 1, injected: true)]
        #expect(DrillReportWriter.json(ongoing).contains("\"end_s\" : null"))
        #expect(json.contains("\"continuous_summary\" : {"))
    }

    @Test func progressBarLineFitsAndSaysWhereItIs() {
        let p = DrillProgress(simSeconds: 450, durationSeconds: 1800, stepsApplied: 1, stepCount: 2,
                              nextStep: "surge agentic factor=3 ramp=2m for=20m", nextStepAtSeconds: 900,
                              checksPassing: 2, checksFailing: 1, finished: false)
        let line = p.barLine(width: 100)
        #expect(line.hasPrefix("[######-------------------] 7:30/30:00 step 1/2 next 15:00 surge agentic"))
        #expect(line.hasSuffix(" ✔2 ✘1"))
        #expect(p.barLine(width: 40).count <= 40)
    }
}

/// Small texts around drills: report file names and the built-in list.
@Suite("Drill names")
struct DrillNameTests {
    @Test("report names join words with one hyphen and never end in one")
    func slug() {
        #expect(DrillReportWriter.slug("total metro cooling loss (stop condition)") == "total-metro-cooling-loss-stop-condition")
        #expect(DrillReportWriter.slug("  Grid brownout!  ") == "grid-brownout")
        #expect(DrillReportWriter.slug("·–·") == "drill")
    }

    @Test("the built-in list says what each drill is designed to do in plain words")
    func listing() {
        let text = DrillCatalog.listing()
        #expect(!text.contains("designed to passed"))
        #expect(DrillCatalog.builtIn.allSatisfy { ["pass", "fail", "abort"].contains($0.designedTo) })
    }
}
