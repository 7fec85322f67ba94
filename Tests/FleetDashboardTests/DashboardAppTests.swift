import Testing
import FleetSim
@testable import FleetDashboard

@Suite("Dashboard app")
struct DashboardAppTests {
    func app(readOnly: Bool = false, _ s: Snapshot = SnapshotFixture.demo(), width: Int = 160, height: Int = 48) -> DashboardApp {
        let a = DashboardApp(themes: [SnapshotFixture.theme, .monochrome], readOnly: readOnly)
        _ = a.render(snapshot: s, width: width, height: height)
        return a
    }

    func press(_ a: DashboardApp, _ keys: Key...) -> [DashboardAction] {
        keys.flatMap { a.handle(.key($0)) }
    }

    @Test func arrowsWalkTheMapAndEscWidensTheSelection() {
        let a = app()
        _ = press(a, .right)
        #expect(a.state.selection == .rack(0))
        _ = press(a, .right, .right, .down)
        #expect(a.state.selection == .rack(10))
        _ = press(a, .left)
        #expect(a.state.selection == .rack(9))
        _ = press(a, .escape)
        #expect(a.state.selection == .hall(1))
        _ = press(a, .escape)
        #expect(a.state.selection == .site(0))
    }

    @Test func faultThroughTheMenuSendsOnlyAfterYes() {
        let a = app()
        a.state.selection = .rack(5)
        _ = press(a, .character("f"), .character("3"), .enter, .character("2"), .character("1"))
        let cancelled = press(a, .character("5"), .enter)
        #expect(cancelled.allSatisfy { if case .send = $0 { false } else { true } })
        #expect(a.state.message == "cancelled: nothing injected")
        _ = press(a, .character("f"), .character("3"), .enter, .character("2"), .character("1"), .character("5"))
        let sent = press(a, .character("y"))
        let expected = SimCommand.fleet(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "metro-edge", hall: 1), magnitude: 0.6)))
        #expect(sent.contains(.send(expected)))
        #expect(a.state.modal == nil)
    }

    @Test func repairAsksAndNamesTheSelection() {
        let a = app()
        a.state.selection = .rack(2)
        _ = press(a, .character("r"))
        guard case .confirm(let d) = a.state.modal else { Issue.record("no dialog"); return }
        #expect(d.lines[0] == "repair metro-edge/h1/r03")
        #expect(press(a, .character("y")).contains(.send(.fleet(.repair(TargetSelector(site: "metro-edge", hall: 1, rack: 3))))))
        _ = press(a, .character("R"))
        #expect(press(a, .enter).contains { if case .send = $0 { true } else { false } } == false)
    }

    @Test func readOnlyRefusesEveryInjection() {
        let a = app(readOnly: true)
        a.state.selection = .rack(2)
        for key in ["f", "s", "r", "R"] {
            _ = press(a, .character(Character(key)))
            #expect(a.state.modal == nil)
            #expect(a.state.messageIsError)
        }
        _ = press(a, .character(":"))
        for c in "repair all" { _ = press(a, .character(c)) }
        let out = press(a, .enter)
        #expect(!out.contains { if case .send = $0 { true } else { false } })
        #expect(a.state.message?.hasPrefix("read-only") == true)
        let frame = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        #expect(frame.rowText(0).contains("READ-ONLY"))
        #expect(!frame.rowText(47).contains("fault"))
    }

    @Test func paletteRunsClockCommandsAndConfirmsInjections() {
        let a = app()
        _ = press(a, .character(":"))
        for c in "pause" { _ = press(a, .character(c)) }
        #expect(press(a, .enter).contains(.send(.clock(.pause))))
        _ = press(a, .character(":"))
        for c in "surge all factor=2" { _ = press(a, .character(c)) }
        _ = press(a, .enter)
        guard case .confirm = a.state.modal else { Issue.record("injection not confirmed"); return }
        #expect(press(a, .character("y")).contains(.send(.fleet(.surge(SurgeSpec(classes: RequestClass.allCases, factor: 2))))))
        _ = press(a, .character(":"), .up)
        #expect(a.state.palette.text == "surge all factor=2")
    }

    @Test func clockKeysWalkFromTheRequestedSpeed() {
        let a = app()
        #expect(press(a, .character(" ")).contains(.send(.clock(.pause))))
        #expect(press(a, .character("+")).contains(.send(.clock(.speed(.times(60))))))
        #expect(press(a, .character("-")).contains(.send(.clock(.speed(.times(10))))))
        #expect(press(a, .character(">")).contains(.refreshChanged(milliseconds: 250)))
        #expect(press(a, .character("<")).contains(.refreshChanged(milliseconds: 500)))
        #expect(press(a, .character("t")).contains(.themeChanged(index: 1, name: "monochrome")))
        #expect(press(a, .character("q")) == [.quit])
    }

    @Test func hyperscaleShowsHallsAndEnterDrillsIn() {
        let s = SnapshotFixture.hyperscale()
        let a = app(s, width: 200, height: 60)
        #expect(a.renderer.mapGeometry?.level == .halls)
        _ = press(a, .right, .right)
        #expect(a.state.selection == .hall(1))
        _ = press(a, .enter)
        #expect(a.state.drillPath == [.hall(1)])
        _ = a.render(snapshot: s, width: 200, height: 60)
        #expect(a.renderer.mapGeometry?.level == .racks)
        #expect(a.state.selection == .rack(250))
        _ = press(a, .escape)
        #expect(a.state.drillPath.isEmpty)
        #expect(a.state.selection == .hall(1))
    }

    @Test func tabMovesFocusAndEExpands() {
        let a = app()
        #expect(a.state.focus == .map)
        _ = press(a, .tab)
        #expect(a.state.focus == .power)
        _ = press(a, .character("e"))
        #expect(a.state.expanded == .power)
        let frame = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        #expect(frame.rowText(1).hasPrefix("╭─ power"))
        _ = press(a, .escape)
        #expect(a.state.expanded == nil)
    }

    @Test func clickSelectsARackAndFocusesItsPanel() {
        let a = app()
        guard let geo = a.renderer.mapGeometry else { Issue.record("no map"); return }
        _ = a.handle(.mouse(MouseEvent(action: .click, button: .left, x: geo.cellX + 3, y: geo.area.y + 1)))
        #expect(a.state.selection == .rack(11))
        _ = press(a, .tab)
        _ = a.handle(.mouse(MouseEvent(action: .click, button: .left, x: geo.cellX, y: geo.area.y)))
        #expect(a.state.focus == .map)
        #expect(a.state.selection == .rack(0))
    }

    @Test func filterNarrowsTheEventsList() {
        let a = app()
        a.state.focus = .events
        _ = press(a, .character("/"))
        for c in "slo" { _ = press(a, .character(c)) }
        _ = press(a, .enter)
        #expect(a.state.eventFilter == "slo")
        let frame = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        #expect(frame.plainText.contains("SLO breach code"))
        #expect(!frame.plainText.contains("repair regional/h2/r03"))
        #expect(a.renderer.eventCount == 1)
    }

    @Test func asciiFramesHoldOnlyASCII() {
        let a = DashboardApp(themes: [.monochrome], glyphs: .ascii)
        a.state.selection = .rack(2)
        _ = a.render(snapshot: SnapshotFixture.demo(), width: 124, height: 40)
        _ = press(a, .character("f"))
        let frame = a.render(snapshot: SnapshotFixture.demo(), width: 124, height: 40)
        let nonASCII = frame.cells.filter { $0.glyph.value >= 0x80 || $0.glyph.value == 0 }
        #expect(nonASCII.isEmpty)
        #expect(frame.plainText.contains("cooling -60% metro-edge/h1"))
        #expect(frame.plainText.contains("+- fleet map | racks die C max"))
    }

    @Test func tooSmallScreenStillQuits() {
        let a = app(width: 30, height: 10)
        let frame = a.render(snapshot: SnapshotFixture.demo(), width: 30, height: 10)
        #expect(frame.plainText.contains("terminal too small"))
        #expect(press(a, .character("q")) == [.quit])
    }

    @Test func mapMarksCarryColourAndSelection() {
        let a = app()
        a.state.selection = .rack(5)
        let frame = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        guard let geo = a.renderer.mapGeometry else { Issue.record("no map"); return }
        let y = geo.area.y
        #expect(frame[geo.cellX + 2, y].glyph == "✗")
        #expect(frame[geo.cellX + 2, y].style.foreground == SnapshotFixture.theme.color(.critical))
        #expect(frame[geo.cellX + 5, y].glyph == "T")
        #expect(frame[geo.cellX + 5, y].style.attributes.contains(.reverse))
        #expect(frame[geo.cellX + 6, y].glyph == "W")
        a.state.metric = .utilization
        let util = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        #expect(util[geo.cellX, y].style.foreground == SnapshotFixture.theme.gradient(.utilization, at: 0))
        #expect(util.rowText(1).contains("GPU busy %"))
    }
}
