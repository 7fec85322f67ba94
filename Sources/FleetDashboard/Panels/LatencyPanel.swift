import FleetSim

/// Latency: TTFT, TPOT and E2E p50 / p95 / p99 per class from the merged histograms, with each p99
/// coloured by its margin to the class's target and the target shown beside it.
public enum LatencyPanel {
    /// Draws the panel in its own box filling `rect`.
    public static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, ctx: PanelContext) {
        let compact = plan(width: rect.width - 2, height: rect.height - 2).lines.first?.first == .ttft99
        let inner = Box.draw(into: &canvas, rect, title: "latency",
                             subtitle: (compact ? "p99" : "p50 p95 p99") + ctx.glyphs.separator + "last 60 s vs p99 SLO",
                             role: .latencyBox, focused: ctx.focused, theme: ctx.theme, glyphs: ctx.glyphs)
        content(into: &canvas, s, inner: inner, ctx: ctx)
    }

    /// What a class's figures need: "TTFT " and three figures with their unit, then the SLO check.
    static let figuresWidth = 22
    static let sloWidth = 9
    static let markWidth = 2
    static let classWidth = 8

    /// How much of the SLO a triple shows: mark and target, the mark alone, or nothing.
    enum SLOForm { case full, mark, none }

    /// The figures one line holds; `ttft99`/`tpot99` are the p99 alone, for the compact form.
    enum Figure { case ttft, tpot, e2e, ttft99, tpot99 }

    /// What each class shows in a `width`×`height` area, and whether figures were left out (said
    /// with `…`): all on one line when wide; else TTFT and TPOT, then E2E below; else a line each;
    /// with one row per class and a narrow area, the compact form of p99s alone.
    static func plan(width: Int, height: Int) -> (lines: [[Figure]], dropped: Bool) {
        let perClass = max(1, height / RequestClass.allCases.count)
        let two = classWidth + 2 * (figuresWidth + sloWidth) + 2
        if width >= two + 2 + figuresWidth { return ([[.ttft, .tpot, .e2e]], false) }
        if width >= two { return perClass >= 2 ? ([[.ttft, .tpot], [.e2e]], false) : ([[.ttft, .tpot]], true) }
        if perClass >= 3 { return ([[.ttft], [.tpot], [.e2e]], false) }
        if perClass == 2 { return ([[.ttft], [.tpot]], true) }
        if width >= classWidth + 2 * (p99Width + markWidth) + 2 { return ([[.ttft99, .tpot99]], true) }
        return ([[.ttft]], true)
    }

    /// "TTFT 1.30 s ": the name, the p99 and its unit.
    static let p99Width = 12

    /// The most rows the panel fills at `width`, borders included.
    static func wantedHeight(width: Int) -> Int {
        2 + RequestClass.allCases.count * plan(width: width, height: 1_000).lines.count
    }

    /// The content without the box: for the panel's own box or its section of a merged box.
    public static func content(into canvas: inout Canvas, _ s: Snapshot, inner: Rect, ctx: PanelContext) {
        guard !inner.isEmpty else { return }
        let (lines, dropped) = plan(width: inner.width, height: inner.height)
        let form: SLOForm = inner.width >= classWidth + figuresWidth + sloWidth ? .full
            : (inner.width >= classWidth + figuresWidth + markWidth ? .mark : .none)
        var row = 0
        for c in RequestClass.allCases where row < inner.height {
            guard c.rawValue < s.classes.count else { continue }
            let st = s.classes[c.rawValue]
            for (li, figures) in lines.enumerated() where row < inner.height {
                var w = LineWriter(inner, row: row)
                if li == 0 { w.write(c.name, ctx.theme.style(.title, .bold), into: &canvas) }
                w.tab(to: classWidth)
                // Nothing completed in the window: say so rather than show zeros or stale figures.
                if st.e2eHistogram.totalWeight == 0 {
                    if li == 0 {
                        let unserved = st.sloStatus.unserved
                        w.write(unserved ? "no completions " + String(ctx.glyphs.notOK) : "no completions",
                                unserved ? ctx.theme.style(.critical, .bold) : ctx.dim, into: &canvas)
                    }
                    row += 1
                    continue
                }
                for (fi, f) in figures.enumerated() {
                    if fi > 0 { w.skip(2) }
                    switch f {
                    case .ttft: triple(&canvas, &w, "TTFT", st.ttft, target: st.slo.ttftSeconds, breached: st.sloStatus.ttftBreached, form: form, ctx: ctx)
                    case .tpot: triple(&canvas, &w, "TPOT", st.tpot, target: st.slo.tpotSeconds, breached: st.sloStatus.tpotBreached, form: form, ctx: ctx)
                    case .e2e: triple(&canvas, &w, "E2E ", st.e2e, target: nil, breached: false, form: .none, ctx: ctx)
                    case .ttft99: single(&canvas, &w, "TTFT", st.ttft.p99, target: st.slo.ttftSeconds, breached: st.sloStatus.ttftBreached, ctx: ctx)
                    case .tpot99: single(&canvas, &w, "TPOT", st.tpot.p99, target: st.slo.tpotSeconds, breached: st.sloStatus.tpotBreached, ctx: ctx)
                    }
                }
                if dropped, li == lines.count - 1 {
                    w.skip(1)
                    w.ellipsis(ctx.dim, into: &canvas)
                }
                row += 1
            }
        }
    }

    /// "TTFT 1.30 s ✔": the p99 alone, coloured by its margin, with the simulation's SLO verdict.
    static func single(_ canvas: inout Canvas, _ w: inout LineWriter, _ name: String, _ p99: Double, target: Double?,
                       breached: Bool, ctx: PanelContext) {
        w.write(name + " ", ctx.label, into: &canvas)
        let inMs = p99 < 1
        let text = inMs ? NumberFormat.pad(NumberFormat.fixed(p99 * 1000, 0), 4)
            : NumberFormat.pad(NumberFormat.fixed(p99, p99 < 10 ? 2 : (p99 < 100 ? 1 : 0)), 4)
        let margin = SLOCheck.margin(p99: p99, target: target)
        w.write(text, ctx.theme.style(SLOCheck.role(forMargin: margin), .bold), into: &canvas)
        w.write(inMs ? " ms" : " s ", ctx.label, into: &canvas)
        guard target != nil else { w.skip(markWidth); return }
        let ok = !breached
        w.write(" " + String(ok ? ctx.glyphs.ok : ctx.glyphs.notOK), ctx.theme.style(ok ? .ok : .critical, .bold), into: &canvas)
    }

    /// "TTFT 0.31 0.74 1.62 s ✔ 2 s": one unit for the three figures, the p99 coloured by margin.
    static func triple(_ canvas: inout Canvas, _ w: inout LineWriter, _ name: String, _ p: Percentiles,
                       target: Double?, breached: Bool, form: SLOForm, ctx: PanelContext) {
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
        guard form != .none else { return }
        guard let target else {
            w.skip(form == .full ? sloWidth : markWidth)
            return
        }
        let ok = !breached
        w.write(" " + String(ok ? ctx.glyphs.ok : ctx.glyphs.notOK), ctx.theme.style(ok ? .ok : .critical, .bold), into: &canvas)
        if form == .full { w.write(" " + NumberFormat.padRight(NumberFormat.duration(target), 6), ctx.label, into: &canvas) }
    }
}
