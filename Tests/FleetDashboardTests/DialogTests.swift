import Testing
import FleetSim
@testable import FleetDashboard

@Suite("Dialogs and menus")
struct DialogTests {
    let repairAll = SimCommand.fleet(.repair(nil))

    @Test func confirmDefaultsToNo() {
        var d = InjectionSummary.dialog(for: repairAll)
        #expect(d.yesSelected == false)
        #expect(d.handle(.enter) == .cancelled)
    }

    @Test func confirmAnswersYAndN() {
        var d = InjectionSummary.dialog(for: repairAll)
        #expect(d.handle(.character("y")) == .confirmed)
        var e = InjectionSummary.dialog(for: repairAll)
        #expect(e.handle(.character("n")) == .cancelled)
        var f = InjectionSummary.dialog(for: repairAll)
        #expect(f.handle(.escape) == .cancelled)
    }

    @Test func enterConfirmsOnlyAfterMovingToYes() {
        var d = InjectionSummary.dialog(for: repairAll)
        #expect(d.handle(.tab) == .stay)
        #expect(d.yesSelected)
        #expect(d.handle(.enter) == .confirmed)
    }

    @Test func dialogNamesTargetAndEffect() {
        let spec = FaultSpec(kind: .cooling, target: TargetSelector(site: "metro-edge", hall: 1), magnitude: 0.6,
                             rampSeconds: 60, durationSeconds: 600)
        let d = InjectionSummary.dialog(for: .fleet(.fault(spec)))
        #expect(d.lines[0] == "cooling fault on metro-edge/h1, 60% of cooling lost")
        #expect(d.lines[1] == "ramp 1m, lasts 10m")
        #expect(d.lines[2].hasPrefix("inlet rises"))
        #expect(d.lines[3] == "command: fault cooling site=metro-edge hall=1 magnitude=60% ramp=1m for=10m")
        var c = Canvas(width: 90, height: 12)
        d.draw(into: &c, area: c.bounds, theme: .monochrome, glyphs: .unicode)
        #expect(c.plainText.contains("[ N No ]"))
        let noX = c.rowText(8).firstIndex(of: "N").map { c.rowText(8).distance(from: c.rowText(8).startIndex, to: $0) }
        #expect(noX != nil)
        if let noX { #expect(c[noX, 8].style.attributes.contains(.reverse)) }
    }

    @Test func faultWizardDefaultsToTheSelection() {
        let s = SnapshotFixture.demo()
        var w = InjectionWizard(flow: .fault, snapshot: s, selection: .rack(5))
        #expect(w.menu.options.count == FaultKind.allCases.count)
        #expect(w.handle(.character("3")) == .stay)                 // cooling
        #expect(w.menu.options == ["hall metro-edge/h1", "site metro-edge", "whole fleet"])
        _ = w.handle(.enter)                                         // hall (the default)
        _ = w.handle(.character("2"))                                // 60%
        _ = w.handle(.character("3"))                                // ramp 1 min
        guard case .confirm(let d) = w.handle(.character("3")) else { Issue.record("no confirmation"); return }
        #expect(d.command == .fleet(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "metro-edge", hall: 1),
                                                     magnitude: 0.6, rampSeconds: 60, durationSeconds: 600))))
    }

    @Test func gpuFaultSkipsMagnitudeAndRampAndHitsOneGPU() {
        let s = SnapshotFixture.demo()
        var w = InjectionWizard(flow: .fault, snapshot: s, selection: .rack(5))
        _ = w.handle(.character("1"))                                // gpu
        #expect(w.menu.options.first == "one GPU in rack metro-edge/h1/r06")
        _ = w.handle(.enter)
        #expect(w.menu.title == "fault: duration")
        guard case .confirm(let d) = w.handle(.character("5")) else { Issue.record("no confirmation"); return }
        #expect(d.command == .fleet(.fault(FaultSpec(kind: .gpu, target: TargetSelector(site: "metro-edge", hall: 1, rack: 6, mode: .count(1))))))
    }

    @Test func escapeStepsBackThenCancels() {
        var w = InjectionWizard(flow: .surge, snapshot: SnapshotFixture.demo(), selection: nil)
        _ = w.handle(.character("3"))                                // agentic
        #expect(w.menu.title == "surge: factor")
        #expect(w.handle(.escape) == .stay)
        #expect(w.menu.title == "surge: class")
        guard case .cancelled = w.handle(.escape) else { Issue.record("expected cancel"); return }
    }

    @Test func surgeWizardBuildsTheSpec() {
        var w = InjectionWizard(flow: .surge, snapshot: SnapshotFixture.demo(), selection: nil)
        _ = w.handle(.character("3"))                                // agentic
        _ = w.handle(.character("3"))                                // ×3
        _ = w.handle(.character("1"))                                // no ramp
        guard case .confirm(let d) = w.handle(.character("4")) else { Issue.record("no confirmation"); return }
        #expect(d.command == .fleet(.surge(SurgeSpec(classes: [.agentic], factor: 3, rampSeconds: 0, durationSeconds: 1_800))))
        #expect(d.lines[0] == "demand surge ×3 on agentic")
    }
}

extension InjectionWizard.Outcome: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case (.stay, .stay), (.cancelled, .cancelled): true
        case (.confirm(let x), .confirm(let y)): x == y
        default: false
        }
    }
}
