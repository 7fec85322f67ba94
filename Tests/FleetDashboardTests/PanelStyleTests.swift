import Testing
import FleetSim
@testable import FleetDashboard

/// Colour that carries meaning: latency p99 by margin to its SLO, events by kind, the header's alerts.
@Suite("Panel styles")
struct PanelStyleTests {
    let s = SnapshotFixture.demo()
    let theme = SnapshotFixture.theme

    func canvas(_ w: Int, _ h: Int, _ body: (inout Canvas, Rect, PanelContext) -> Void) -> Canvas {
        var c = Canvas(width: w, height: h)
        body(&c, c.bounds, SnapshotFixture.context(s))
        return c
    }

    func column(of needle: String, in row: String) -> Int? {
        guard let r = row.range(of: needle) else { return nil }
        return row.unicodeScalars.distance(from: row.unicodeScalars.startIndex, to: r.lowerBound.samePosition(in: row.unicodeScalars)!)
    }

    @Test func latencyP99IsColouredByMargin() {
        let c = canvas(110, 6) { c, r, ctx in LatencyPanel.draw(into: &c, s, rect: r, ctx: ctx) }
        let code = c.rowText(2)
        guard let x = column(of: "510", in: code) else { Issue.record("code p99 missing"); return }
        #expect(c[x, 2].style.foreground == theme.color(.critical))
        let agent = c.rowText(3)
        guard let y = column(of: "1.90", in: agent) else { Issue.record("agentic p99 missing"); return }
        #expect(c[y, 3].style.foreground == theme.color(.warning))
        let chat = c.rowText(1)
        guard let z = column(of: "140", in: chat) else { Issue.record("chat TPOT p99 missing"); return }
        #expect(c[z, 1].style.foreground == theme.color(.ok))
    }

    @Test func eventsAreColouredByKind() {
        let c = canvas(70, 7) { c, r, ctx in EventsPanel.draw(into: &c, s, rect: r, ctx: ctx, filter: "", scroll: 0) }
        let x = EventsPanel.startWidth + EventsPanel.durationWidth + 1
        #expect(c[x, 1].style.foreground == theme.color(.repair))
        #expect(c[x, 2].style.foreground == theme.color(.critical))
        #expect(c[x, 3].style.foreground == theme.color(.warning))
        #expect(c[x, 4].style.foreground == theme.color(.fault))
        #expect(c[x, 4].style.attributes.contains(.bold))
    }

    @Test func eventsScrollAndSayWhereTheyAre() {
        let c = canvas(70, 4) { c, r, ctx in EventsPanel.draw(into: &c, s, rect: r, ctx: ctx, filter: "", scroll: 1) }
        #expect(c.rowText(0).contains("2–3 of 4"))
        #expect(c.rowText(1).contains("SLO breach"))
    }

    @Test func headerShowsPauseAndAlertsInColour() {
        var paused = s
        paused.clock.paused = true
        var c = Canvas(width: 160, height: 1)
        HeaderBar.draw(into: &c, paused, rect: c.bounds, ctx: SnapshotFixture.context(paused), scenario: "drill: metro cooling loss · step 2/4",
                       readOnly: false)
        let row = c.rowText(0)
        #expect(row.contains(" PAUSED "))
        #expect(row.contains("drill: metro cooling loss · step 2/4"))
        guard let x = column(of: "⚠ 4 alerts", in: row) else { Issue.record("alerts missing: \(row)"); return }
        #expect(c[x, 0].style.foreground == theme.color(.warning))
    }
}
