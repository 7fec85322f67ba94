import Testing
import FleetSim
@testable import FleetDashboard

/// The scenario overlay: the caption never covers the highlighted panel, the highlighted box carries
/// "◆", the drill check line and the summary dialog (No by default).
@Suite("Scenario overlay")
struct ScenarioOverlayTests {
    static let caption = ScenarioCaption(
        chapterLine: "chapter 3/7 · The metro site meets its power cap · 01:12 left",
        text: "A heat wave: the utility asks metro-edge to cut to 80% of its grid connection. It draws 598 kW against a limit of 480 kW, so the governor caps each GPU at 410 W. Prefill slows first: chat's slowest first tokens now take 3.1 s.",
        keys: "→/space next · ← back · a auto-advance on · q quit")

    func render(width: Int, height: Int, view: ScenarioView) -> (DashboardApp, Canvas) {
        let app = DashboardApp(themes: [SnapshotFixture.theme])
        app.state.scenarioView = view
        let canvas = app.render(snapshot: SnapshotFixture.demo(), width: width, height: height)
        return (app, canvas)
    }

    @Test(arguments: [(100, 30), (160, 48), (124, 40)])
    func captionNeverCoversTheHighlightedPanel(width: Int, height: Int) throws {
        for panel in StoryPanel.allCases {
            let view = ScenarioView(highlight: ScenarioView.panel(panel), caption: Self.caption)
            let (app, canvas) = render(width: width, height: height, view: view)
            let layout = try #require(app.state.frame?.screen)
            let body = ScenarioOverlay.bodyRect(layout)
            let rect = try #require(ScenarioOverlay.captionRect(Self.caption, avoiding: view.highlight.flatMap { layout.placement(of: $0)?.frame }, body: body))
            #expect(rect.x >= body.x && rect.maxX <= body.maxX && rect.y >= body.y && rect.maxY <= body.maxY)
            if let id = view.highlight, let frame = layout.placement(of: id)?.frame {
                #expect(!ScenarioOverlay.intersects(rect, frame), "\(panel) at \(width)×\(height): caption \(rect) covers \(frame)")
                #expect(canvas.rowText(frame.y).contains("◆"), "\(panel) box has no ◆:\n\(canvas.rowText(frame.y))")
            }
            let text = canvas.plainText
            #expect(text.contains("chapter 3/7"), "\(panel) at \(width)×\(height):\n\(text)")
            #expect(text.contains("q quit"))
        }
    }

    @Test func wrapKeepsWordsWhole() {
        let lines = ScenarioCaption.wrap("one two three four five", width: 9)
        #expect(lines == ["one two", "three", "four five"])
        #expect(ScenarioCaption.wrap("abcdefghijkl", width: 5) == ["abcde"])
        #expect(ScenarioCaption.wrap("", width: 5).isEmpty)
    }

    @Test func highlightKeepsTheTitleAfterTheDiamond() {
        var canvas = Canvas(width: 30, height: 4)
        Box.draw(into: &canvas, Rect(x: 0, y: 0, width: 30, height: 4), title: "power", role: .powerBox, focused: false,
                 theme: SnapshotFixture.theme, glyphs: .unicode)
        ScenarioOverlay.highlight(Rect(x: 0, y: 0, width: 30, height: 4), into: &canvas, theme: SnapshotFixture.theme, glyphs: .unicode)
        #expect(canvas.rowText(0).hasPrefix("╭─ ◆ power "))
        #expect(canvas.rowText(0).hasSuffix("╮"))
        #expect(canvas[0, 2].style == SnapshotFixture.theme.style(.highlight, .bold))
    }

    @Test func checkLineShowsEachCheckAboveTheKeyBar() throws {
        let checks = [ScenarioCheck(text: "chat.ttft.p99 below 2 s", isStopCondition: false, state: .passing, value: "0.84 s"),
                      ScenarioCheck(text: "goodput above 95%", isStopCondition: false, state: .failed, value: "91%"),
                      ScenarioCheck(text: "gpus_down_ratio above 20%", isStopCondition: true, state: .pending, value: "0%")]
        let (app, canvas) = render(width: 160, height: 48, view: ScenarioView(checks: checks))
        let footer = try #require(app.state.frame?.screen.footer)
        let line = canvas.rowText(footer.y - 1)
        #expect(line.contains("✔ chat.ttft.p99 below 2 s (0.84 s)"), "\(line)")
        #expect(line.contains("✘ goodput above 95% (91%)"))
        #expect(line.contains("– stop if gpus_down_ratio above 20% (0%)"))
    }

    @Test func summaryDialogDefaultsToNo() {
        var d = ScenarioSummaryDialog(title: "drill ended", lines: ["Verdict: PASSED"], path: "/tmp/r")
        #expect(d.handle(.enter) == .dismiss)
        #expect(d.handle(.tab) == .stay)
        #expect(d.handle(.enter) == .save)
        var e = ScenarioSummaryDialog(title: "drill ended", lines: ["Verdict: FAILED"], path: "/tmp/r")
        #expect(e.handle(.character("y")) == .save)
        #expect(e.handle(.escape) == .dismiss)
        let (_, canvas) = render(width: 100, height: 30, view: ScenarioView(summary: e))
        #expect(canvas.plainText.contains("Verdict: FAILED"))
        #expect(canvas.plainText.contains("/tmp/r.md"))
        #expect(canvas.plainText.contains("[ N No ]"))
    }

    @Test("the check line and the story box sit in rows the layout keeps free: every panel keeps its border",
          arguments: [(124, 40), (160, 48), (200, 60)])
    func storyAndChecksNeverCoverABorder(width: Int, height: Int) throws {
        let checks = [ScenarioCheck(text: "goodput above 95%", isStopCondition: false, state: .passing, value: "97%")]
        let (app, canvas) = render(width: width, height: height,
                                   view: ScenarioView(highlight: .power, caption: Self.caption, checks: checks, status: "step 1/2"))
        let layout = try #require(app.state.frame?.screen)
        let reserved = try #require(layout.reserved)
        for p in layout.placements {
            #expect(p.frame.maxY <= reserved.y)
            #expect(canvas.rowText(p.frame.maxY - 1).unicodeScalars.map { $0 }[p.frame.x] == "╰")
        }
        #expect(canvas.plainText.contains("chapter 3/7"))
        #expect(canvas.rowText(reserved.maxY - 1).contains("goodput above 95% (97%)"))
    }

    @Test("where keeping rows for the story would cost a panel, only the check line is kept free")
    func smallScreensKeepTheCheckLine() throws {
        let checks = [ScenarioCheck(text: "goodput above 95%", isStopCondition: false, state: .passing, value: "97%")]
        let (app, canvas) = render(width: 100, height: 30, view: ScenarioView(caption: Self.caption, checks: checks))
        let layout = try #require(app.state.frame?.screen)
        #expect(layout.reserved?.height == 1)
        #expect(layout.placements.allSatisfy { $0.frame.maxY <= 28 })
        #expect(canvas.rowText(28).contains("goodput above 95% (97%)"))
    }
}
