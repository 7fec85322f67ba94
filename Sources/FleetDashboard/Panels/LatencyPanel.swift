import FleetSim

/// Latency: TTFT, TPOT and E2E p50 / p95 / p99 per class from the merged histograms, with each p99
/// coloured by its margin to the class's target and the target shown beside it.
public enum LatencyPanel {
    /// Draws the panel in its own box filling `rect`.
    public static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, ctx: PanelContext) {
        let inner = Box.draw(into: &canvas, rect, title: "latency", subtitle: "p50 p95 p99" + ctx.glyphs.separator + "last 60 s vs p99 SLO",
                             role: .latencyBox, focused: ctx.focused, theme: ctx.theme, glyphs: ctx.glyphs)
        content(into: &canvas, s, inner: inner, ctx: ctx)
    }

    /// The content without the box: for the panel's own box or its section of a merged box.
    public static func content(into canvas: inout Canvas, _ s: Snapshot, inner: Rect, ctx: PanelContext) {
        guard !inner.isEmpty else { return }
        let oneLineE2E = inner.width >= 100
        let e2eRows = !oneLineE2E && inner.height >= RequestClass.allCases.count * 2
        var row = 0
        for c in RequestClass.allCases where row < inner.height {
            guard c.rawValue < s.classes.count else { continue }
            let st = s.classes[c.rawValue]
            var w = LineWriter(inner, row: row)
            w.write(c.name, ctx.theme.style(.title, .bold), into: &canvas)
            w.tab(to: 8)
            triple(&canvas, &w, "TTFT", st.ttft, target: st.slo.ttftSeconds, ctx: ctx)
            w.skip(2)
            triple(&canvas, &w, "TPOT", st.tpot, target: st.slo.tpotSeconds, ctx: ctx)
            if oneLineE2E {
                w.skip(2)
                triple(&canvas, &w, "E2E", st.e2e, target: nil, ctx: ctx)
            }
            row += 1
            if e2eRows && row < inner.height {
                var e = LineWriter(inner, row: row)
                e.tab(to: 8)
                triple(&canvas, &e, "E2E ", st.e2e, target: nil, ctx: ctx)
                row += 1
            }
        }
    }

    /// "TTFT 0.31 0.74 1.62 s ✔ 2 s": one unit for the three figures, the p99 coloured by margin.
    static func triple(_ canvas: inout Canvas, _ w: inout LineWriter, _ name: String, _ p: Percentiles,
                       target: Double?, ctx: PanelContext) {
        w.write(name + " ", ctx.label, into: &canvas)
        let inMs = p.p99 < 1
        let decimals = p.p99 < 10 ? 2 : (p.p99 < 100 ? 1 : 0)
        func num(_ v: Double) -> String {
            inMs ? NumberFormat.pad(NumberFormat.fixed(v * 1000, 0), 4) : NumberFormat.pad(NumberFormat.fixed(v, decimals), 4)
        }
        let margin = SLOCheck.margin(p99: p.p99, target: target)
        w.write(num(p.p50) + " " + num(p.p95) + " ", ctx.text, into: &canvas)
        w.write(num(p.p99), ctx.theme.style(SLOCheck.role(forMargin: margin), .bold), into: &canvas)
        w.write(inMs ? " ms" : " s ", ctx.label, into: &canvas)
        guard let target else {
            if name.hasPrefix("E2E") { return }
            w.write("  " + String(repeating: " ", count: 7), ctx.label, into: &canvas)
            return
        }
        let ok = (margin ?? 0) <= 1
        w.write(" " + String(ok ? ctx.glyphs.ok : ctx.glyphs.notOK), ctx.theme.style(ok ? .ok : .critical, .bold), into: &canvas)
        w.write(" " + NumberFormat.padRight(NumberFormat.duration(target), 6), ctx.label, into: &canvas)
    }
}
