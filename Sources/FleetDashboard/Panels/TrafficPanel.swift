import FleetSim

/// Traffic: arrivals per second per class with their history, queue depth and KV use (with their own
/// histories when the panel is wide), goodput (or the shed share for batch), then retries and tokens.
public enum TrafficPanel {
    /// Draws the panel in its own box filling `rect`.
    public static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, ctx: PanelContext) {
        let inner = Box.draw(into: &canvas, rect, title: "traffic", subtitle: "requests/s" + ctx.glyphs.separator + "KV = share of fleet cache",
                             role: .trafficBox, focused: ctx.focused, theme: ctx.theme, glyphs: ctx.glyphs)
        content(into: &canvas, s, inner: inner, ctx: ctx)
    }

    /// The content without the box: for the panel's own box or its section of a merged box.
    public static func content(into canvas: inout Canvas, _ s: Snapshot, inner: Rect, ctx: PanelContext) {
        guard !inner.isEmpty else { return }
        let histW = inner.width >= 90 ? 8 : 0
        let tailW = (inner.width >= 54 ? 34 : (inner.width >= 36 ? 12 : 0)) + (histW > 0 ? 2 * (histW + 1) : 0)
        for (row, c) in RequestClass.allCases.enumerated() where row < inner.height {
            guard c.rawValue < s.classes.count else { continue }
            let st = s.classes[c.rawValue]
            var w = LineWriter(inner, row: row)
            w.write(c.name, ctx.theme.style(.title, .bold), into: &canvas)
            w.tab(to: 8)
            w.write(NumberFormat.pad(NumberFormat.count(st.arrivalRPS), 6), ctx.value, into: &canvas)
            w.skip(1)
            let sparkW = max(0, w.remaining - tailW - 1)
            if sparkW >= 3, c.rawValue < s.history.arrivalRPS.count {
                ctx.sparks.draw(into: &canvas, key: "traffic.\(c.name)", series: s.history.arrivalRPS[c.rawValue],
                                x: w.x, y: w.y, width: sparkW, upper: nil, style: ctx.graph, gradient: .utilization,
                                theme: ctx.theme, glyphs: ctx.glyphs)
                w.skip(sparkW + 1)
            }
            guard tailW > 0 else { continue }
            w.write("queue ", ctx.label, into: &canvas)
            w.write(NumberFormat.pad(NumberFormat.count(st.waiting), 5), st.waiting >= 1 ? ctx.warning : ctx.value, into: &canvas)
            if histW > 0, c.rawValue < s.history.queue.count {
                w.skip(1)
                ctx.sparks.draw(into: &canvas, key: "traffic.queue.\(c.name)", series: s.history.queue[c.rawValue],
                                x: w.x, y: w.y, width: histW, upper: nil, style: ctx.graph, gradient: .queue,
                                theme: ctx.theme, glyphs: ctx.glyphs)
                w.skip(histW)
            }
            guard tailW > 12 else { continue }
            w.write("  KV ", ctx.label, into: &canvas)
            w.write(NumberFormat.pad(NumberFormat.percent(st.kvUse), 4), ctx.value, into: &canvas)
            if histW > 0, c.rawValue < s.history.kvUse.count {
                w.skip(1)
                ctx.sparks.draw(into: &canvas, key: "traffic.kv.\(c.name)", series: s.history.kvUse[c.rawValue],
                                x: w.x, y: w.y, width: histW, upper: 1, style: ctx.graph, gradient: .utilization,
                                theme: ctx.theme, glyphs: ctx.glyphs)
                w.skip(histW)
            }
            if st.slo.ttftSeconds == nil && st.slo.tpotSeconds == nil {
                w.write("  shed ", ctx.label, into: &canvas)
                w.write(NumberFormat.percent(st.shedRatio, decimals: 1), st.shedRatio > 0 ? ctx.warning : ctx.value, into: &canvas)
            } else {
                w.write("  good ", ctx.label, into: &canvas)
                let role = SLOCheck.role(forMargin: st.goodputRatio >= 0.99 ? 0 : (st.goodputRatio >= 0.95 ? 0.9 : 2))
                w.write(NumberFormat.percent(st.goodputRatio, decimals: 1), ctx.theme.style(role, .bold), into: &canvas)
            }
        }
        let row = RequestClass.allCases.count
        guard row < inner.height else { return }
        var w = LineWriter(inner, row: row)
        let retries = s.classes.reduce(0) { $0 + $1.retriesPerSecond }
        let drops = s.classes.reduce(0) { $0 + $1.dropped }
        let sep = ctx.glyphs.separator
        w.group([("goodput ", ctx.label), (NumberFormat.percent(s.totals.goodputRatio, decimals: 1), ctx.value)], into: &canvas)
        w.group([(sep + "tokens out ", ctx.label), (NumberFormat.count(s.totals.outputTokensPerSecond) + "/s", ctx.value)],
                into: &canvas)
        w.group([(sep + "retries ", ctx.label), (NumberFormat.count(retries) + "/s", retries > 0 ? ctx.warning : ctx.value)],
                into: &canvas)
        w.group([(sep + "dropped ", ctx.label), (NumberFormat.count(drops), ctx.value)], into: &canvas)
    }
}
