import Testing
import FleetSim
@testable import FleetDashboard

/// Every panel drawn from the fixed demo snapshot at a generous and a cramped size, compared line by
/// line with its golden file in `Fixtures/Golden/` (trailing blanks trimmed; see `Golden` for how to
/// re-record them).
@Suite("Panel text")
struct PanelRenderTests {
    let s = SnapshotFixture.demo()

    func render(width: Int, height: Int, _ body: (inout Canvas, Rect, PanelContext) -> Void) -> [String] {
        var c = Canvas(width: width, height: height)
        body(&c, c.bounds, SnapshotFixture.context(s))
        return SnapshotFixture.lines(c)
    }

    @Test("map panel, generous 64×10")
    func mapGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in FleetMapPanel.draw(into: &c, s, rect: r, ctx: ctx, scope: .fleet, selection: .rack(5), metric: .temperature) }
        Golden.expect(lines, named: "mapGenerous")
    }

    @Test("map panel, cramped 34×6")
    func mapCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in FleetMapPanel.draw(into: &c, s, rect: r, ctx: ctx, scope: .fleet, selection: .rack(5), metric: .temperature) }
        Golden.expect(lines, named: "mapCramped")
    }

    @Test("power panel, generous 64×10")
    func powerGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in PowerPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "powerGenerous")
    }

    @Test("power panel, cramped 34×6")
    func powerCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in PowerPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "powerCramped")
    }

    @Test("thermal panel, generous 64×10")
    func thermalGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in ThermalPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "thermalGenerous")
    }

    @Test("thermal panel shows what the sensors report, not the physics")
    func thermalShowsReportedReadings() {
        var faulty = s
        faulty.racks.dieCMaxReported[0] = 96
        faulty.racks.inletCReported[0] += 30
        var c = Canvas(width: 64, height: 10)
        ThermalPanel.draw(into: &c, faulty, rect: c.bounds, ctx: SnapshotFixture.context(faulty))
        let lines = SnapshotFixture.lines(c)
        #expect(lines[3] == "│hottest metro-edge/h1/r01 96.0 °C inlet 50.0 °C               │")
        #expect(lines[4] == "│        remote-campus/h1/r01 84.0 °C inlet 20.0 °C            │")
    }

    @Test("thermal panel, cramped 34×6")
    func thermalCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in ThermalPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "thermalCramped")
    }

    @Test("traffic panel, generous 64×10")
    func trafficGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in TrafficPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "trafficGenerous")
    }

    @Test("traffic panel, cramped 34×6")
    func trafficCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in TrafficPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "trafficCramped")
    }

    @Test("latency panel, generous 64×10")
    func latencyGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in LatencyPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "latencyGenerous")
    }

    @Test("latency panel, cramped 34×6")
    func latencyCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in LatencyPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "latencyCramped")
    }

    @Test("agentic panel, generous 64×10")
    func agenticGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in AgenticPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "agenticGenerous")
    }

    @Test("agentic panel, cramped 34×6")
    func agenticCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in AgenticPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "agenticCramped")
    }

    @Test("events panel, generous 64×10")
    func eventsGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in EventsPanel.draw(into: &c, s, rect: r, ctx: ctx, filter: "", scroll: 0) }
        Golden.expect(lines, named: "eventsGenerous")
    }

    @Test("events panel, cramped 34×6")
    func eventsCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in EventsPanel.draw(into: &c, s, rect: r, ctx: ctx, filter: "", scroll: 0) }
        Golden.expect(lines, named: "eventsCramped")
    }

    @Test("detail panel, generous 64×10")
    func detailGenerous() {
        let lines = render(width: 64, height: 10) { c, r, ctx in DetailPanel.draw(into: &c, s, rect: r, ctx: ctx, selection: .rack(5)) }
        Golden.expect(lines, named: "detailGenerous")
    }

    @Test("detail panel, cramped 34×6")
    func detailCramped() {
        let lines = render(width: 34, height: 6) { c, r, ctx in DetailPanel.draw(into: &c, s, rect: r, ctx: ctx, selection: .rack(5)) }
        Golden.expect(lines, named: "detailCramped")
    }

    @Test("traffic panel, wide 120×7: queue and KV histories appear")
    func trafficWide() {
        let lines = render(width: 120, height: 7) { c, r, ctx in TrafficPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "trafficWide")
    }

    @Test("power panel, wide 120×7: each site's history at the end of its row")
    func powerWide() {
        let lines = render(width: 120, height: 7) { c, r, ctx in PowerPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        Golden.expect(lines, named: "powerWide")
    }
}
