import Testing
@testable import FleetDashboard

@Suite("Help overlay")
struct OverlayHelpTests {
    func render(_ w: Int, _ h: Int, keymap: Keymap = .defaults, ascii: Bool = false, overlay: HelpOverlay = HelpOverlay()) -> Canvas {
        var canvas = Canvas(width: w, height: h)
        canvas.fill(canvas.bounds, glyph: "x", style: .plain)
        overlay.draw(into: &canvas, keymap: keymap, theme: .default, ascii: ascii)
        return canvas
    }

    @Test("at 80×24 every action and its keys are on screen at once, in columns")
    func fitsAt80x24() {
        let canvas = render(80, 24)
        let text = canvas.plainText
        for action in KeyAction.allCases where action.layer == .dashboard {
            let summary = HelpLayout.combined.first { $0.actions.contains(action) }?.summary ?? action.summary
            #expect(text.contains(summary), "\(action) summary missing")
        }
        #expect(text.contains("1-3") && text.contains("4-6") && text.contains("oO"))
        #expect(canvas.cuts.isEmpty, "\(canvas.cuts.map(\.text))")
        for label in ["?/F1", "Space", "S-Tab", "PgDn", "Enter", "Esc", "R"] { #expect(text.contains(label)) }
        for group in KeyAction.Group.dashboard { #expect(text.contains(group.title)) }
        #expect(!text.contains(KeyAction.storyNext.summary), "a story's keys are listed only while a story plays")
        #expect(text.contains("help · keys in force") && text.contains("any key closes"))
        #expect(!text.contains("↓ more"), "nothing to scroll at 80×24")
        let (box, layout) = HelpOverlay.geometry(width: 80, height: 24, keymap: .defaults)
        #expect(layout.columns.count == 2)
        #expect(box.x >= 0 && box.maxX <= 80 && box.y >= 0 && box.maxY <= 24)
        #expect(canvas.rowText(0).hasPrefix("xxxx"), "the dashboard stays visible around the box")
    }

    @Test("the help shows rebound keys, not the defaults")
    func reflectsKeymap() throws {
        var map = Keymap.defaults
        try map.bind(.fault, to: [.character("F"), .function(5)])
        let text = render(120, 40, keymap: map).plainText
        #expect(text.contains("F/F5"))
    }

    @Test("ASCII mode uses +-| frames and spelled arrows")
    func ascii() {
        let text = render(100, 40, ascii: true).plainText
        #expect(text.contains("+-") && !text.contains("╭") && text.contains("Up"))
        #expect(!text.contains("↑"))
    }

    @Test("any key closes; when cramped the scroll keys scroll and the box says so")
    func scrolling() {
        var overlay = HelpOverlay()
        #expect(overlay.handle(.character("x"), keymap: .defaults, width: 80, height: 24) == .close)
        #expect(overlay.handle(.pageDown, keymap: .defaults, width: 80, height: 24) == .close, "nothing to scroll")
        #expect(overlay.handle(.pageDown, keymap: .defaults, width: 40, height: 12) == .scrolled)
        #expect(overlay.scroll > 0)
        let text = render(40, 12, overlay: overlay).plainText
        #expect(text.contains("any key"))
        #expect(overlay.handle(.pageUp, keymap: .defaults, width: 40, height: 12) == .scrolled)
        #expect(overlay.scroll == 0)
        #expect(overlay.handle(.character("q"), keymap: .defaults, width: 40, height: 12) == .close)
    }

    @Test("columns pack whole groups, wide rather than tall", arguments: [(76, 20, 2), (200, 60, 4), (154, 44, 4), (120, 12, 3), (30, 100, 1)])
    func packing(width: Int, height: Int, expectedColumns: Int) {
        let groups = HelpLayout.lines(keymap: .defaults, ascii: false, readOnly: false)
        let layout = HelpLayout.arrange(groups, width: width, height: height)
        #expect(layout.columns.count == expectedColumns)
        #expect(layout.columns.joined().count == groups.joined().count)
        for column in layout.columns {
            if case .heading = column.first {} else { Issue.record("a column starts mid-group") }
        }
    }

    @Test("read-only says injections are off")
    func readOnly() {
        var canvas = Canvas(width: 120, height: 40)
        HelpOverlay().draw(into: &canvas, keymap: .defaults, theme: .default, readOnly: true)
        #expect(canvas.plainText.contains("Injections (off: read-only)"))
    }

    @Test("never draws outside tiny canvases")
    func tiny() {
        for (w, h) in [(1, 1), (5, 3), (10, 4), (0, 0)] {
            var canvas = Canvas(width: w, height: h)
            HelpOverlay().draw(into: &canvas, keymap: .defaults, theme: .monochrome)
            #expect(canvas.cells.count == w * h)
        }
    }
}
