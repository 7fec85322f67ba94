import Testing
import FleetSim
@testable import FleetDashboard

/// Spare rows go to the panels that can use them: a panel is given no more rows than its content
/// fills while another panel of its stack could use them.
@Suite("Layout: spare rows")
struct SpareRowsTests {
    @Test("rows beyond a child's want move to the others, by share; with no taker they stay")
    func cap() {
        #expect(Distribution.cap([10, 10], minimums: [3, 3], wants: [4, nil], shares: [1, 1]) == [4, 16])
        #expect(Distribution.cap([10, 10, 10], minimums: [3, 3, 3], wants: [4, 12, nil], shares: [1, 1, 1]) == [4, 12, 14])
        #expect(Distribution.cap([10, 10], minimums: [3, 3], wants: [4, 5], shares: [1, 1]) == [10, 10])
        #expect(Distribution.cap([10, 10], minimums: [6, 3], wants: [2, nil], shares: [1, 1]) == [6, 14])
        #expect(Distribution.cap([13, 19, 6], minimums: [6, 6, 4], wants: [10, 7, 7], shares: [2, 3, 1]) == [13, 18, 7],
                "the one row events lack comes first; what nobody wants goes back to those that gave it")
    }

    @Test("in the latency preset the events list takes the rows latency and traffic cannot fill")
    func latencyPreset() {
        let engine = LayoutEngine()
        let wants: [PanelID: Int] = [.latency: 10, .agentic: 7, .traffic: 7, .events: 40]
        let plain = engine.layout(width: 124, height: 48, preset: .latency)
        let fitted = engine.layout(width: 124, height: 48, preset: .latency, wants: wants)
        #expect((plain.placement(of: .traffic)?.frame.height ?? 0) > 7)
        #expect(fitted.placement(of: .traffic)?.frame.height == 7)
        #expect(fitted.placement(of: .latency)?.frame.height == 10)
        #expect(fitted.placement(of: .events)?.frame.height == 46 - 17)
    }

    @Test("a whole frame: the map asks only for its hall rows and legend; a long events list takes spare rows")
    func mapWantsItsRows() {
        var s = SnapshotFixture.demo()
        for i in 0..<60 {
            s.events.append(SimEvent(id: 100 + i, kind: .info, startSeconds: 52_000 + Double(i), endSeconds: nil, subject: .note("event \(i)")))
        }
        let wants = PanelWants.of(s, digest: FleetDigest(s), plain: LayoutEngine().layout(width: 160, height: 60, preset: .overview),
                                  scope: .fleet, eventCount: s.events.count)
        #expect(wants[.map] == 2 + 6 + 1)
        #expect(wants[.events] == 2 + s.events.count)
        let app = DashboardApp(themes: [SnapshotFixture.theme], readOnly: false)
        app.state.presetName = LayoutPreset.latency.name
        let canvas = app.render(snapshot: s, width: 160, height: 60)
        let events = app.renderer.layout?.placement(of: .events)?.frame
        #expect((events?.height ?? 0) == 60 - 2 - 10 - 7)
        #expect(canvas.cuts.isEmpty)
    }

    @Test("the map keeps only the columns it fills; the operations preset gives the rest to detail and events")
    func mapWidth() throws {
        var s = SnapshotFixture.demo()
        for i in 0..<60 {
            s.events.append(SimEvent(id: 100 + i, kind: .info, startSeconds: 52_000 + Double(i), endSeconds: nil, subject: .note("event \(i)")))
        }
        let app = DashboardApp(themes: [SnapshotFixture.theme], readOnly: false)
        app.state.presetName = LayoutPreset.operations.name
        let canvas = app.render(snapshot: s, width: 200, height: 50)
        let layout = try #require(app.renderer.layout)
        let map = try #require(layout.placement(of: .map)?.frame)
        #expect(map.width == PanelWants.mapWidth(s))
        #expect(layout.placement(of: .events)?.frame.width == 200 - map.width)
        #expect(layout.placement(of: .detail)?.frame.height == PanelSpec.standard[.detail]?.minHeight,
                "with nothing selected, detail keeps its minimum; events take the rest")
        #expect(canvas.cuts.isEmpty)
    }
}

/// The expanded thermal panel uses its rows for the hottest racks, not a fixed five.
@Suite("Thermal panel expanded")
struct ThermalExpandedTests {
    @Test("expanded at 160×48 it lists as many hottest racks as it has rows, up to the digest's list")
    func listsMoreThanFive() {
        let app = DashboardApp(themes: [SnapshotFixture.theme], readOnly: false)
        app.state.expanded = .thermal
        let text = app.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48).plainText
        let hottest = text.components(separatedBy: "\n").filter { $0.contains("/r") && $0.contains(" inlet ") }
        #expect(hottest.count == FleetDigest.hottestCount)
    }
}
