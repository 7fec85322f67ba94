import FleetMetrics
import FleetSim

/// Latency history: each class's p99 TTFT and TPOT over the chosen window (1 m, 5 m or 15 m) as
/// column charts against the class's SLO target, with the latest value and the window's worst.
public enum LatencyHistoryView {
    /// Draws the view in `rect`.
    public static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, window: LatencyWindow, ctx: PanelContext) {
        let sep = ctx.glyphs.separator
        let inner = Box.draw(into: &canvas, rect, title: DashboardView.latency.title,
                             subtitle: "p99 of the last 60 s, one sample a second" + sep + "last " + window.label,
                             role: .latencyBox, focused: true, theme: ctx.theme, glyphs: ctx.glyphs)
        guard inner.width >= 20, inner.height >= 2 else { return }
        let classes = RequestClass.allCases.filter { $0.rawValue < s.classes.count }
        let metrics: [(String, [Series], (ServiceLevel) -> Double?)] = [
            ("TTFT", s.history.ttftP99, { $0.ttftSeconds }), ("TPOT", s.history.tpotP99, { $0.tpotSeconds }),
        ]
        let columnsAcross = inner.width >= 90 ? 2 : 1
        let cells = classes.count * metrics.count
        let rowsOfCharts = (cells + columnsAcross - 1) / columnsAcross
        let chartHeight = max(1, inner.height / max(1, rowsOfCharts))
        let chartWidth = (inner.width - (columnsAcross - 1) * 2) / columnsAcross
        var k = 0
        for c in classes {
            for (name, series, target) in metrics {
                let col = k % columnsAcross, row = k / columnsAcross
                k += 1
                let y = inner.y + row * chartHeight
                guard y < inner.maxY else { continue }
                let area = Rect(x: inner.x + col * (chartWidth + 2), y: y, width: chartWidth,
                                height: min(chartHeight, inner.maxY - y))
                chart(into: &canvas, c, name, series: c.rawValue < series.count ? series[c.rawValue] : nil,
                      target: target(s.classes[c.rawValue].slo), area: area, window: window, ctx: ctx)
            }
        }
    }

    /// One chart: a title line ("chat TTFT p99 1.30 s · worst 2.1 s · SLO 2.00 s ✔"), then the columns.
    static func chart(into canvas: inout Canvas, _ c: RequestClass, _ metric: String, series: Series?, target: Double?,
                      area: Rect, window: LatencyWindow, ctx: PanelContext) {
        let values = series.map { $0.last(window.seconds) } ?? []
        let latest = values.last.map(Double.init) ?? 0
        let worst = Double(values.filter(\.isFinite).max() ?? 0)
        var w = LineWriter(area, row: 0)
        w.write(c.name + " " + metric + " p99 ", ctx.theme.style(.title, .bold), into: &canvas)
        let margin = SLOCheck.margin(p99: latest, target: target)
        w.group([(NumberFormat.duration(latest), ctx.theme.style(SLOCheck.role(forMargin: margin), .bold))], into: &canvas)
        w.group([(ctx.glyphs.separator + "worst ", ctx.label), (NumberFormat.duration(worst), ctx.value)], into: &canvas)
        if let target {
            let ok = latest <= target
            w.group([(ctx.glyphs.separator + "SLO ", ctx.label), (NumberFormat.duration(target), ctx.value),
                     (" " + String(ok ? ctx.glyphs.ok : ctx.glyphs.notOK), ok ? ctx.ok : ctx.critical)], into: &canvas)
        }
        guard area.height >= 2 else { return }
        let axis = "now"
        let upper = Float(max(worst, (target ?? 0) * 1.25, 0.001))
        let top = NumberFormat.duration(Double(upper))
        let gutter = max(DisplayWidth.of(axis), area.height >= 3 ? DisplayWidth.of(top) : 0) + 1
        let plot = Rect(x: area.x, y: area.y + 1, width: max(0, area.width - gutter), height: area.height - 1)
        let style = CellStyle(foreground: ctx.theme.gradient(.latency, at: min(1, margin ?? 0.5)),
                              background: ctx.theme.color(.mainBackground))
        ColumnChart.draw(into: &canvas, columns: ColumnChart.buckets(values, width: plot.width, span: window.seconds),
                         rect: plot, upper: upper, target: target.map(Float.init), style: style, targetStyle: ctx.critical,
                         glyphs: ctx.glyphs)
        var scale = LineWriter(Rect(x: plot.maxX + 1, y: plot.y, width: area.maxX - plot.maxX - 1, height: 1), row: 0)
        if plot.height >= 2 { scale.write(top, ctx.dim, into: &canvas) }
        var now = LineWriter(Rect(x: plot.maxX + 1, y: plot.maxY - 1, width: area.maxX - plot.maxX - 1, height: 1), row: 0)
        now.write(axis, ctx.dim, into: &canvas)
    }
}
