import FleetSim

/// Events, newest first: start time, duration or "ongoing", what happened (repeats merged as ×N),
/// coloured by kind; scrollable and filtered by a case-insensitive substring of kind or text.
public enum EventsPanel {
    /// Width of the start-time column ("00:31:40 ").
    static let startWidth = 9
    /// Width of the duration column ("ongoing  ").
    static let durationWidth = 9

    /// The events that pass `filter`, newest first.
    public static func visibleEvents(_ s: Snapshot, filter: String) -> [SimEvent] {
        let needle = filter.lowercased()
        var out: [SimEvent] = []
        out.reserveCapacity(s.events.count)
        for e in s.events.reversed() {
            if needle.isEmpty || e.text.lowercased().contains(needle) || e.kind.rawValue.contains(needle)
                || (needle == "injected" && e.injected) {
                out.append(e)
            }
        }
        return out
    }

    /// Draws the box and the list; `scroll` lines of the newest are skipped (clamped). Returns the
    /// matching count.
    @discardableResult
    public static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, ctx: PanelContext,
                            filter: String, scroll: Int, editingFilter: Bool = false) -> Int {
        let events = visibleEvents(s, filter: filter)
        let rows = max(0, rect.height - 2)
        let top = max(0, min(scroll, events.count - rows))
        var subtitle = "newest first"
        if !filter.isEmpty || editingFilter { subtitle += ctx.glyphs.separator + "/" + filter + (editingFilter ? "_" : "") }
        if top > 0 || events.count > rows { subtitle += ctx.glyphs.separator + "\(top + 1)–\(min(events.count, top + rows)) of \(events.count)" }
        let inner = Box.draw(into: &canvas, rect, title: "events", subtitle: subtitle, role: .eventsBox,
                             focused: ctx.focused, theme: ctx.theme, glyphs: ctx.glyphs)
        content(into: &canvas, events: events, inner: inner, ctx: ctx, filter: filter, top: top)
        return events.count
    }

    /// The list without the box, from the `top`-th matching event, for its own box or a merged section.
    public static func content(into canvas: inout Canvas, events: [SimEvent], inner: Rect, ctx: PanelContext,
                               filter: String, top: Int) {
        guard !inner.isEmpty else { return }
        if events.isEmpty {
            var w = LineWriter(inner, row: 0)
            w.write(filter.isEmpty ? "no events yet" : "no events match \"\(filter)\"", ctx.dim, into: &canvas)
            return
        }
        let compact = inner.width < 40
        for row in 0..<inner.height {
            let i = top + row
            guard i < events.count else { break }
            let e = events[i]
            var w = LineWriter(inner, row: row)
            w.write(NumberFormat.simClock(e.startSeconds), ctx.label, into: &canvas)
            w.tab(to: startWidth)
            if !compact {
                if let end = e.endSeconds {
                    w.write(ClockText.elapsed(end - e.startSeconds), ctx.label, into: &canvas)
                } else {
                    w.write("ongoing", ctx.warning, into: &canvas)
                }
                w.tab(to: startWidth + durationWidth)
            } else if e.endSeconds == nil {
                w.write("* ", ctx.warning, into: &canvas)
            }
            w.write(e.text, ctx.theme.style(role(e.kind), e.endSeconds == nil ? .bold : []), into: &canvas)
            if e.repeats > 1 { w.write(" " + ctx.glyphs.times + "\(e.repeats)", ctx.label, into: &canvas) }
            if e.injected { w.write(" (operator)", ctx.dim, into: &canvas) }
            if let last = e.earlier.last {
                w.group([(ctx.glyphs.separator + "before " + NumberFormat.simClock(last.startSeconds) + "–"
                          + NumberFormat.simClock(last.endSeconds), ctx.dim)], into: &canvas)
            }
        }
    }

    /// The colour role of an event kind.
    public static func role(_ k: EventKind) -> ThemeColor {
        switch k {
        case .fault: .fault
        case .repair: .repair
        case .surge: .surge
        case .sloBreach, .shutdown: .critical
        case .throttling, .shedding, .alert: .warning
        case .command, .info: .mainForeground
        }
    }
}
