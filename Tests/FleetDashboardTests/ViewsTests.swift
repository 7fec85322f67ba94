import Testing
import FleetSim
@testable import FleetDashboard

/// The tables and lists behind the digit keys: sortable, filterable, acting on the row under the
/// cursor; the alert list is exactly what the header counts; jump and map filter.
@Suite("Tables, lists, jump and map filter")
struct ViewsTests {
    func app(_ s: Snapshot = SnapshotFixture.demo()) -> DashboardApp {
        let a = DashboardApp(themes: [SnapshotFixture.theme])
        _ = a.render(snapshot: s, width: 160, height: 48)
        return a
    }

    func press(_ a: DashboardApp, _ keys: Key...) -> [DashboardAction] { keys.flatMap { a.handle(.key($0)) } }

    @Test("2 shows every rack, hottest first; o sorts by the next column, O reverses; / filters")
    func rackTable() throws {
        let a = app()
        _ = press(a, .character("2"))
        #expect(a.state.view == .racks)
        var frame = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        #expect(frame.plainText.contains("racks · 48 · by die °C ▼"))
        let (rows, _) = try #require(a.tableRows())
        let dies = rows.compactMap { row -> Double? in if case .number(let d) = row.keys[2] { d } else { nil } }
        #expect(dies == dies.sorted(by: >))
        _ = press(a, .character("o"))
        #expect(a.state.table(.racks).sortColumn == 3)
        _ = press(a, .character("O"))
        #expect(a.state.table(.racks).descending == false)
        _ = press(a, .character("/"))
        for c in "failed" { _ = press(a, .character(c)) }
        _ = press(a, .enter)
        frame = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        #expect(frame.plainText.contains("/failed"))
        let (filtered, _) = try #require(a.tableRows())
        #expect(!filtered.isEmpty && filtered.allSatisfy { $0.cells[1].contains("failed") })
        #expect(frame.cuts.isEmpty)
    }

    @Test("Enter on a rack row selects it on the map and shows the dashboard; r asks to repair it")
    func rackRowActs() throws {
        let a = app()
        _ = press(a, .character("2"))
        _ = press(a, .character("r"))
        guard case .confirm(let d) = a.state.modal else { Issue.record("no dialog"); return }
        #expect(d.command.isInjection)
        _ = press(a, .escape)
        _ = press(a, .down, .enter)
        #expect(a.state.view == .dashboard)
        #expect(a.state.selection != nil)
    }

    @Test("narrow screens drop whole columns, least important first, and say so")
    func narrowTable() {
        let a = app()
        _ = press(a, .character("2"))
        let frame = a.render(snapshot: SnapshotFixture.demo(), width: 50, height: 20)
        #expect(frame.plainText.contains("columns hidden"))
        #expect(frame.rowText(2).contains("rack") && frame.rowText(2).contains("state"))
        #expect(!frame.rowText(2).contains("marks"))
        #expect(frame.cuts.isEmpty)
    }

    @Test("4 lists exactly what the header's alert count counts")
    func alertsMatchTheHeader() throws {
        let s = SnapshotFixture.demo()
        let a = app(s)
        _ = press(a, .character("4"))
        let model = try #require(ViewTables.model(.alerts, s, deg: "°C"))
        #expect(model.rows.count == HeaderBar.alertCount(s))
        let frame = a.render(snapshot: s, width: 160, height: 48)
        #expect(frame.plainText.contains("cooling metro-edge/h1"))
        #expect(frame.plainText.contains("code TTFT p99"))
    }

    @Test("5 lists active faults; r on one asks to repair that fault alone")
    func faultRepair() {
        let a = app()
        _ = press(a, .character("5"))
        _ = press(a, .character("r"))
        guard case .confirm(let d) = a.state.modal else { Issue.record("no dialog"); return }
        #expect(d.command == .fleet(.repair(TargetSelector(fault: 1))))
        #expect(d.lines.contains { $0.contains("ends cooling metro-edge/h1") && $0.contains("other faults stay") })
        #expect(press(a, .character("y")).contains(.send(.fleet(.repair(TargetSelector(fault: 1))))))
        _ = press(a, .character("5"), .enter)
        #expect(a.state.view == .dashboard && a.state.selection == .hall(0), "Enter shows the fault's target on the map")
    }

    @Test("3 asks the simulation for the selection's GPUs and lists them")
    func gpuTable() {
        let a = app()
        a.state.selection = .hall(0)
        let actions = press(a, .character("3"))
        #expect(actions.contains(.watchGPUs(0..<8)))
        var s = SnapshotFixture.demo()
        var d = GPUDetail(racks: 0..<1, truncated: false, firstGPU: 0)
        for k in 0..<4 {
            d.state.append(k == 0 ? .failed : .up); d.dieCReported.append(60 + Float(k)); d.powerW.append(400)
            d.clock.append(1); d.utilization.append(0.5); d.kvUse.append(0.25); d.replica.append(0); d.replicaInRack.append(1)
            d.rack.append(0); d.failedByFault.append(k == 0 ? 1 : nil); d.reason.append(k == 0 ? .failed : .ok)
        }
        s.gpuDetail = d
        let frame = a.render(snapshot: s, width: 160, height: 30)
        #expect(frame.plainText.contains("metro-edge/h1/r01/g1"))
        #expect(frame.plainText.contains("failed"))
        #expect(frame.plainText.contains("#1"))
        #expect(press(a, .character("1")).contains(.watchGPUs(nil)))
    }

    @Test("g jumps to a rack by name; Tab completes; an unknown name stays with the reason")
    func jump() {
        let s = SnapshotFixture.demo()
        #expect(JumpPrompt.resolve("remote-campus/h2/r3", in: s) == .rack(42))
        #expect(JumpPrompt.resolve("REG h1", in: s) == .hall(2))
        #expect(JumpPrompt.resolve("metro", in: s) == .site(0))
        #expect(JumpPrompt.resolve("nowhere", in: s) == nil)
        let a = app(s)
        _ = press(a, .character("g"))
        for c in "regional/h2/r04" { _ = press(a, .character(c)) }
        _ = press(a, .enter)
        #expect(a.state.selection == .rack(27))
        _ = press(a, .character("g"), .character("r"), .character("e"), .tab)
        guard case .jump(let p) = a.state.modal else { Issue.record("no prompt"); return }
        #expect(Array(p.candidates.prefix(2)) == ["regional", "remote-campus"])
        _ = press(a, .character("x"), .enter)
        guard case .jump(let q) = a.state.modal else { Issue.record("prompt closed"); return }
        #expect(q.error?.contains("no site, hall or rack") == true)
    }

    @Test("/ with the map focused dims the racks that do not match")
    func mapFilter() {
        let s = SnapshotFixture.demo()
        #expect(MapFilter.matches(rack: 2, in: s, filter: "failed"))
        #expect(!MapFilter.matches(rack: 3, in: s, filter: "failed"))
        #expect(MapFilter.matches(rack: 20, in: s, filter: "regional"))
        #expect(MapFilter.count(in: s, filter: "throttled metro-edge") == 1)
        let a = app(s)
        _ = press(a, .character("/"))
        for c in "failed" { _ = press(a, .character(c)) }
        _ = press(a, .enter)
        #expect(a.state.mapFilter == "failed")
        let frame = a.render(snapshot: s, width: 160, height: 48)
        #expect(frame.plainText.contains("/failed ("))
        #expect(frame.rowText(2).contains("··✗·"))
    }

    @Test("6 graphs each class's p99 over the window; W cycles 1, 5 and 15 minutes")
    func latencyHistory() {
        let a = app()
        _ = press(a, .character("6"))
        #expect(a.state.view == .latency)
        var frame = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        #expect(frame.plainText.contains("latency history"))
        #expect(frame.plainText.contains("last 5 m"))
        #expect(frame.plainText.contains("chat TTFT p99"))
        #expect(frame.plainText.contains("code TPOT p99"))
        _ = press(a, .character("W"))
        frame = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        #expect(frame.plainText.contains("last 15 m"))
        #expect(frame.cuts.isEmpty)
    }

    @Test("a column chart keeps each bucket's worst sample and marks the target where columns stop short")
    func columnChart() {
        #expect(ColumnChart.buckets([1, 5, 2, 2], width: 2, span: 4) == [5, 2])
        #expect(ColumnChart.buckets([3], width: 4, span: 4) == [nil, nil, nil, 3])
        var c = Canvas(width: 2, height: 2)
        ColumnChart.draw(into: &c, columns: [2, 0.5], rect: c.bounds, upper: 2, target: 1.5, style: .plain, targetStyle: .plain,
                         glyphs: .unicode)
        #expect(c.rowText(0) == "█·")
        #expect(c.rowText(1) == "█▄")
    }

    @Test("w asks the host to save the screen")
    func saveFrame() {
        let a = app()
        #expect(press(a, .character("w")).contains(.saveFrame))
    }

    @Test("the rack table is rebuilt when the racks change and reused while they do not")
    func rackTableFollowsTheRacks() throws {
        var s = SnapshotFixture.demo()
        let a = app(s)
        let first = try #require(a.renderer.tableModel(.racks, s, deg: "°C"))
        #expect(first.rows[0].cells[1] == "ok")
        s.racks.flags[0] = [.failed]
        s.racks.gpusUp[0] = 0
        let second = try #require(a.renderer.tableModel(.racks, s, deg: "°C"))
        #expect(second.rows[0].cells[1] == "failed")
    }

    @Test("with nothing selected the detail panel summarises each site instead of standing empty")
    func detailSummary() {
        let a = DashboardApp(themes: [SnapshotFixture.theme])
        a.state.presetName = LayoutPreset.operations.name
        let frame = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        let text = frame.plainText
        #expect(text.contains("arrows, click, or g"))
        for name in SnapshotFixture.siteNames { #expect(text.contains("│" + name + "  up ")) }
        #expect(frame.cuts.isEmpty)
    }
}
