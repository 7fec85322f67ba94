import FleetSim

/// Draws a `ScenarioView` over a finished frame: the highlighted panel's box, a drill's check line
/// above the key bar, the narration box where it never covers the highlighted panel, and the
/// end-of-drill summary dialog on top.
public enum ScenarioOverlay {
    /// Narrower than this, a caption box is not worth placing beside the highlighted panel.
    public static let minimumCaptionWidth = 36
    /// Wider than this, caption lines get too long to read at a glance.
    public static let maximumCaptionWidth = 100

    /// Draws everything the view asks for over a finished frame laid out as `layout`.
    public static func draw(_ view: ScenarioView, layout: ScreenLayout, into canvas: inout Canvas, theme: Theme,
                            glyphs: GlyphSet) {
        guard layout.tooSmall == nil else { return }
        let whole = bodyRect(layout)
        var body = layout.reserved ?? whole
        let highlighted = view.highlight.flatMap { layout.placement(of: $0)?.frame }
        if let frame = highlighted { highlight(frame, into: &canvas, theme: theme, glyphs: glyphs) }
        if !view.checks.isEmpty || !view.status.isEmpty, body.height > (layout.reserved == nil ? 1 : 0) {
            drawChecks(view.checks, status: view.status, row: body.maxY - 1, x: body.x, width: body.width, into: &canvas, theme: theme, glyphs: glyphs)
            body.height -= 1
        }
        if layout.reserved != nil, body.height < 3 { body = Rect(x: whole.x, y: whole.y, width: whole.width, height: body.maxY - whole.y) }
        if let caption = view.caption, let rect = captionRect(caption, avoiding: highlighted, body: body) {
            drawCaption(caption, in: rect, into: &canvas, theme: theme, glyphs: glyphs)
        }
        if let summary = view.summary {
            summary.draw(into: &canvas, area: whole, theme: theme, glyphs: glyphs)
        }
        if let hints = view.hints, let footer = layout.footer {
            let ctx = PanelContext(theme: theme, glyphs: glyphs, graph: glyphs.defaultGraph, sparks: SparklineCache(), digest: FleetDigest())
            FooterBar.draw(into: &canvas, rect: footer, hints: hints, message: nil, messageIsError: false, ctx: ctx)
        }
    }

    /// The rows between the header and the key bar.
    public static func bodyRect(_ layout: ScreenLayout) -> Rect {
        let top = layout.header.map(\.maxY) ?? 0
        let bottom = layout.footer?.y ?? layout.height
        return Rect(x: 0, y: top, width: layout.width, height: bottom - top)
    }

    /// Where the caption box goes: a band across the bottom or the top of the body when that misses
    /// the highlighted panel, else a band in the widest column beside it; the bottom band when
    /// nothing fits (a screen too narrow to spare a column).
    public static func captionRect(_ caption: ScenarioCaption, avoiding avoid: Rect?, body: Rect) -> Rect? {
        guard body.width >= 4, body.height >= 3 else { return nil }
        var regions = [(x: body.x, width: body.width)]
        if let avoid {
            let sides = [(x: body.x, width: avoid.x - body.x), (x: avoid.maxX, width: body.maxX - avoid.maxX)]
            regions += sides.filter { $0.width >= minimumCaptionWidth }.sorted { $0.width > $1.width }
        }
        func band(_ region: (x: Int, width: Int), top: Bool) -> Rect {
            let w = min(region.width, maximumCaptionWidth)
            let h = min(body.height, caption.lines(width: w - 4).count + 2)
            let x = region.x + (region.width - w) / 2
            return Rect(x: x, y: top ? body.y : body.maxY - h, width: w, height: h)
        }
        for region in regions {
            for top in [false, true] {
                let r = band(region, top: top)
                if let avoid, intersects(r, avoid) { continue }
                return r
            }
        }
        return band(regions[0], top: false)
    }

    /// True when two rectangles share a cell.
    public static func intersects(_ a: Rect, _ b: Rect) -> Bool {
        !a.isEmpty && !b.isEmpty && a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY
    }

    /// Redraws a box's border in the highlight colour and puts "◆" before its title.
    public static func highlight(_ f: Rect, into canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        guard f.width >= 6, f.height >= 2, f.x >= 0, f.y >= 0, f.maxX <= canvas.width, f.maxY <= canvas.height else { return }
        let style = theme.style(.highlight, .bold)
        for x in f.x..<f.maxX {
            canvas[x, f.y].style = style
            canvas[x, f.maxY - 1].style = style
        }
        for y in f.y..<f.maxY {
            canvas[f.x, y].style = style
            canvas[f.maxX - 1, y].style = style
        }
        let start = f.x + 2, end = f.maxX - 1
        let original = (start..<end).map { canvas[$0, f.y] }
        canvas.put(" ", x: start, y: f.y, style: style)
        canvas.put(glyphs.isASCII ? "*" : "◆", x: start + 1, y: f.y, style: style)
        for (i, cell) in original.enumerated() where start + 2 + i < end {
            canvas[start + 2 + i, f.y] = cell
        }
        if canvas[end - 1, f.y].isContinuation { canvas.put(glyphs.horizontal, x: end - 1, y: f.y, style: style) }
    }

    static func drawCaption(_ caption: ScenarioCaption, in rect: Rect, into canvas: inout Canvas, theme: Theme, glyphs: GlyphSet) {
        let inner = DialogFrame.draw(into: &canvas, area: rect, width: rect.width, height: rect.height, title: "story",
                                     theme: theme, glyphs: glyphs)
        guard inner.width > 2 else { return }
        for (i, line) in caption.lines(width: inner.width - 2).enumerated() where i < inner.height {
            let style: CellStyle
            switch line.role {
            case .chapter: style = DialogFrame.style(theme, .highlight, .bold)
            case .text: style = DialogFrame.style(theme)
            case .note: style = DialogFrame.style(theme, .warning, .bold)
            case .keys: style = DialogFrame.style(theme, .inactive)
            }
            canvas.text(line.text, x: inner.x + 1, y: inner.y + i, style: style, maxWidth: inner.width - 2)
        }
    }

    static func drawChecks(_ checks: [ScenarioCheck], status: String, row y: Int, x: Int, width: Int, into canvas: inout Canvas,
                           theme: Theme, glyphs: GlyphSet) {
        let base = CellStyle(foreground: theme.color(.headerForeground), background: theme.color(.headerBackground))
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: base)
        var w = LineWriter(Rect(x: x, y: y, width: width, height: 1), row: 0)
        var bold = base; bold.attributes = .bold
        w.write(" " + (status.isEmpty ? "" : status + " · ") + "checks", bold, into: &canvas)
        for c in checks {
            let (mark, role): (String, ThemeColor) = switch c.state {
            case .pending: ("–", .inactive)
            case .passing: (String(glyphs.ok), .ok)
            case .breaching: (String(glyphs.warning), .warning)
            case .failed: (String(glyphs.notOK), .critical)
            }
            var style = base; style.foreground = theme.color(role); style.attributes = .bold
            w.write("  " + mark + " ", style, into: &canvas)
            w.write((c.isStopCondition ? "stop if " : "") + c.text + " (" + c.value + ")", base, into: &canvas)
        }
    }
}
