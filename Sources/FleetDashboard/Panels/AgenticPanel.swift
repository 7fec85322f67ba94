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
        let tasks = NumberFormat.count(a.tasksInFlight)
        let calls = NumberFormat.fixed(a.callsPerTaskMean, a.callsPerTaskMean < 10 ? 1 : 0)
        w.first(of: [[(tasks, ctx.value), (" tasks in flight" + sep, ctx.label), (calls, ctx.value), (" calls per task", ctx.label)],
                     [(tasks, ctx.value), (" tasks" + sep, ctx.label), (calls, ctx.value), (" calls/task", ctx.label)]],
                into: &canvas)
        row += 1
        guard row < inner.height else { return }
        w = LineWriter(inner, row: row)
        let callP99 = NumberFormat.duration(a.callP99Seconds)
        if a.taskE2E.p99 > 0 {
            let p50 = NumberFormat.duration(a.taskE2E.p50), p99 = NumberFormat.duration(a.taskE2E.p99)
            // Early in a run the longest tasks have not finished yet, so the tail reads low: say so.
            let filling: [(String, CellStyle)] = a.taskTailStillFilling ? [(" so far", ctx.dim)] : []
            w.first(of: [[("task p50 ", ctx.label), (p50, ctx.value), ("  p99 ", ctx.label), (p99, ctx.warning)] + filling
                          + [("  vs call p99 ", ctx.label), (callP99, ctx.value)],
                         [("task p99 ", ctx.label), (p99, ctx.warning)] + filling + [(" vs call p99 ", ctx.label), (callP99, ctx.value)],
                         [("task p99 ", ctx.label), (p99, ctx.warning)] + filling,
                         [("task p99 ", ctx.label), (p99, ctx.warning)]], into: &canvas)
        } else {
            w.first(of: [[("no task finished yet", ctx.dim), ("  call p99 ", ctx.label), (callP99, ctx.value)],
                         [("no task finished yet", ctx.dim)]], into: &canvas)
        }
        row += 1
        guard row < inner.height else { return }
        w = LineWriter(inner, row: row)
        let n = max(1, a.callsPerTaskMean)
        let p = 1 - pow(0.99, n)
        let formula = "1" + ctx.glyphs.minus + "0.99" + superscript(Int(n.rounded()), ascii: ctx.glyphs.isASCII) + " = "
        let chance = (NumberFormat.percent(p), p >= 0.1 ? ctx.warning : ctx.value)
        w.first(of: [[("P(a call beyond its p99) = " + formula, ctx.label), chance],
                     [("P(a call > p99) = " + formula, ctx.label), chance],
                     [("P(a call > p99) = ", ctx.label), chance]], into: &canvas)
        row += 1
        guard row < inner.height else { return }
        w = LineWriter(inner, row: row)
        let rtt = NumberFormat.percent(a.rttShareOfTaskTime, decimals: a.rttShareOfTaskTime < 0.1 ? 1 : 0)
        w.first(of: [[("round trips ", ctx.label), (rtt, ctx.value), (" of task time", ctx.label)],
                     [("round trips ", ctx.label), (rtt, ctx.value)]], into: &canvas)
        for (i, share) in a.rttShareBySite.enumerated() where i < s.sites.count {
            let text = sep + s.sites[i].name + " " + NumberFormat.percent(share, decimals: share < 0.1 ? 1 : 0)
            guard w.remaining >= DisplayWidth.of(text) else { break }
            w.write(text, ctx.label, into: &canvas)
        }
        row += 1
        guard row < inner.height else { return }
        w = LineWriter(inner, row: row)
        w.write("task p99 ", ctx.label, into: &canvas)
        let full = " " + (a.taskE2E.p99 > 0 ? NumberFormat.duration(a.taskE2E.p99) : "–") + sep + "\(a.probesInFlight) probes"
        let tail = DisplayWidth.of(full) + 4 <= w.remaining ? full : " " + (a.taskE2E.p99 > 0 ? NumberFormat.duration(a.taskE2E.p99) : "–")
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
