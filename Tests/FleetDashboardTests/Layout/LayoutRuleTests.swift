import Testing
import FleetSim
@testable import FleetDashboard

/// The layout rule: at every size from the floor (40×12) to 240×70, in every preset and with every
/// panel expanded, no word, figure, unit, `%` or sign is cut. Panels drop whole columns or use a
/// compact form with `…`; the canvas records any string it had to cut, and there must be none.
@Suite("Layout rule: nothing cut")
struct LayoutRuleTests {
    static let widths = [40, 47, 58, 64, 80, 100, 124, 160, 200, 240]
    static let heights = [12, 15, 19, 24, 30, 40, 48, 60, 70]

    /// The demo fixture with the long texts the issue saw cut: an event with its limit, a drill header.
    static func snapshot() -> Snapshot {
        var s = SnapshotFixture.demo()
        s.events.append(SimEvent(id: 9, kind: .throttling, startSeconds: 52_390, endSeconds: nil,
                                 subject: .note("power cap biting at metro-edge (limit 700 kW)")))
        return s
    }

    static func cuts(width: Int, height: Int, preset: String, expanded: PanelID?) -> [Canvas.Cut] {
        let app = DashboardApp(themes: [SnapshotFixture.theme], readOnly: false)
        app.state.presetName = preset
        app.state.expanded = expanded
        app.state.scenario = "drill: metro cooling loss · step 2/4 · next surge agentic ×3 in 19:29"
        return app.render(snapshot: snapshot(), width: width, height: height).cuts
    }

    @Test("every preset at every size", arguments: LayoutPreset.all.map(\.name))
    func presets(_ preset: String) {
        for w in Self.widths {
            for h in Self.heights {
                let cuts = Self.cuts(width: w, height: h, preset: preset, expanded: nil)
                #expect(cuts.isEmpty, "\(preset) \(w)×\(h): \(cuts.map { "\"\($0.text)\" in \($0.width)" })")
            }
        }
    }

    @Test("every panel expanded at every size", arguments: PanelID.bodyPanels)
    func expanded(_ panel: PanelID) {
        for w in Self.widths {
            for h in Self.heights {
                let cuts = Self.cuts(width: w, height: h, preset: LayoutPreset.overview.name, expanded: panel)
                #expect(cuts.isEmpty, "\(panel) \(w)×\(h): \(cuts.map { "\"\($0.text)\" in \($0.width)" })")
            }
        }
    }

    @Test("every table and list view at every size", arguments: DashboardView.allCases.filter { $0 != .dashboard })
    func views(_ view: DashboardView) {
        for w in Self.widths {
            for h in Self.heights {
                let app = DashboardApp(themes: [SnapshotFixture.theme], readOnly: false)
                app.state.view = view
                let cuts = app.render(snapshot: Self.snapshot(), width: w, height: h).cuts
                #expect(cuts.isEmpty, "\(view) \(w)×\(h): \(cuts.map { "\"\($0.text)\" in \($0.width)" })")
            }
        }
    }

    @Test("the canvas records a cut string and ignores cut blanks")
    func canvasRecordsCuts() {
        var c = Canvas(width: 10, height: 1)
        c.text("good 100.0%", x: 0, y: 0, style: .plain)
        #expect(c.cuts.map(\.text) == ["good 100.0%"])
        c.clear()
        c.text("12345     ", x: 5, y: 0, style: .plain)
        #expect(c.cuts.isEmpty)
    }

    @Test("text is fitted by whole words with an ellipsis")
    func fitByWords() {
        #expect(TextFit.fit("power cap biting at metro-edge (limit 700 kW)", width: 40) == "power cap biting at metro-edge (limit…")
        #expect(TextFit.fit("537k/s", width: 3) == "…")
        #expect(TextFit.fit("next surge in 19:29", width: 15) == "next surge in…")
        #expect(TextFit.fit("fits", width: 4) == "fits")
        #expect(TextFit.fit("a · b", width: 4) == "a…")
        #expect(TextFit.fit("SLO breach code TTFT p99 > 0.45 s", width: 30) == "SLO breach code TTFT p99…")
    }

    @Test("a line writer keeps a label with its figure and closes the row")
    func lineWriterGroups() {
        var c = Canvas(width: 20, height: 1)
        var w = LineWriter(c.bounds, row: 0)
        w.write("dropped 0", .plain, into: &c)
        w.group([(" · tokens out ", .plain), ("537k/s", .plain)], into: &c)
        w.write("goodput", .plain, into: &c)
        #expect(c.rowText(0) == "dropped 0 …         ")
        #expect(c.cuts.isEmpty)
        #expect(w.closed)
    }
}
