import Foundation
import FleetSim

/// Agentic: tasks in flight, calls per task, whole-task p50 / p99 beside the single-call p99, the chance
/// that a task meets at least one call beyond its p99 (1 − 0.99ᴺ), and the share of task time spent on
/// network round trips — the tail-amplification story in numbers.
public enum AgenticPanel {
    /// Draws the panel in its own box filling `rect`.
    public static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, ctx: PanelContext) {
        let inner = Box.draw(into: &canvas, rect, title: "agentic", subtitle: "whole tasks vs single calls",
                             role: .agenticBox, focused: ctx.focused, theme: ctx.theme, glyphs: ctx.glyphs)
        content(into: &canvas, s, inner: inner, ctx: ctx)
    }

    /// The content without the box: for the panel's own box or its section of a merged box.
    public static func content(into canvas: inout Canvas, _ s: Snapshot, inner: Rect, ctx: PanelContext) {
        guard !inner.isEmpty else { return }
        let a = s.agentic
        let sep = ctx.glyphs.separator
        var row = 0
        var w = LineWriter(inner, row: row)
        w.write(NumberFormat.count(a.tasksInFlight), ctx.value, into: &canvas)
        w.write(" tasks in flight" + sep, ctx.label, into: &canvas)
        w.write(NumberFormat.fixed(a.callsPerTaskMean, a.callsPerTaskMean < 10 ? 1 : 0), ctx.value, into: &canvas)
        w.write(" calls per task", ctx.label, into: &canvas)
        row += 1
        guard row < inner.height else { return }
        w = LineWriter(inner, row: row)
        if a.taskE2E.p99 > 0 {
            w.write("task p50 ", ctx.label, into: &canvas)
            w.write(NumberFormat.duration(a.taskE2E.p50), ctx.value, into: &canvas)
            w.write("  p99 ", ctx.label, into: &canvas)
            w.write(NumberFormat.duration(a.taskE2E.p99), ctx.warning, into: &canvas)
        } else {
            w.write("no followed task has finished yet", ctx.dim, into: &canvas)
        }
        w.write("  vs call p99 ", ctx.label, into: &canvas)
        w.write(NumberFormat.duration(a.callP99Seconds), ctx.value, into: &canvas)
        row += 1
        guard row < inner.height else { return }
        w = LineWriter(inner, row: row)
        let n = max(1, a.callsPerTaskMean)
        let p = 1 - pow(0.99, n)
        w.write("P(a call beyond its p99) = 1" + ctx.glyphs.minus + "0.99", ctx.label, into: &canvas)
        w.write(superscript(Int(n.rounded()), ascii: ctx.glyphs.isASCII), ctx.label, into: &canvas)
        w.write(" = ", ctx.label, into: &canvas)
        w.write(NumberFormat.percent(p), p >= 0.1 ? ctx.warning : ctx.value, into: &canvas)
        row += 1
        guard row < inner.height else { return }
        w = LineWriter(inner, row: row)
        w.write("round trips ", ctx.label, into: &canvas)
        w.write(NumberFormat.percent(a.rttShareOfTaskTime, decimals: a.rttShareOfTaskTime < 0.1 ? 1 : 0), ctx.value, into: &canvas)
        w.write(" of task time", ctx.label, into: &canvas)
        for (i, share) in a.rttShareBySite.enumerated() where i < s.sites.count {
            let text = sep + s.sites[i].name + " " + NumberFormat.percent(share, decimals: share < 0.1 ? 1 : 0)
            guard w.remaining >= DisplayWidth.of(text) else { break }
            w.write(text, ctx.label, into: &canvas)
        }
        row += 1
        guard row < inner.height else { return }
        w = LineWriter(inner, row: row)
        w.write("task p99 ", ctx.label, into: &canvas)
        let tail = " " + (a.taskE2E.p99 > 0 ? NumberFormat.duration(a.taskE2E.p99) : "–") + sep + "\(a.probesInFlight) probes"
        let sparkW = max(0, w.remaining - DisplayWidth.of(tail))
        if sparkW >= 4 {
            ctx.sparks.draw(into: &canvas, key: "agentic.task", series: s.history.taskP99, x: w.x, y: w.y, width: sparkW,
                            upper: nil, style: ctx.graph, gradient: .latency, theme: ctx.theme, glyphs: ctx.glyphs)
            w.skip(sparkW)
        }
        w.write(tail, ctx.label, into: &canvas)
    }

    /// The exponent in superscript digits ("²³"), or "^23" in ASCII.
    static func superscript(_ n: Int, ascii: Bool) -> String {
        if ascii { return "^\(n)" }
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
