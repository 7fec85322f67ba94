import FleetSim

/// The fleet map: every rack (or every hall, when racks do not fit) as one cell whose height and colour
/// show the chosen metric, with reason marks (✗/F failed, T thermal, W power cap, N network, Q queue).
public enum FleetMapPanel {
    /// Draws the map and returns its geometry for navigation and mouse hits. Racks (or halls) that
    /// do not pass `filter` (see `MapFilter`) are drawn as a dim dot.
    @discardableResult
    public static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, ctx: PanelContext,
                            scope: MapScope, selection: MapSelection?, metric: MapMetric, filter: String = "",
                            editingFilter: Bool = false) -> MapGeometry {
        let inner0 = rect.inset(by: 1)
        var geo = MapGeometry(snapshot: s, area: inner0, scope: scope, selection: selection)
        var subtitle = geo.level == .racks ? "racks" : "halls"
        switch scope {
        case .fleet: break
        case .site(let i): subtitle = MapSelection.site(i).path(in: s) + ctx.glyphs.separator + subtitle
        case .hall(let h): subtitle = MapSelection.hall(h).path(in: s) + ctx.glyphs.separator + subtitle
        }
        subtitle += " " + metric.label(degree: ctx.glyphs.degree)
        if !filter.isEmpty || editingFilter {
            subtitle += ctx.glyphs.separator + "/" + filter + (editingFilter ? "_" : "")
                + (filter.isEmpty ? "" : " (\(MapFilter.count(in: s, filter: filter)) racks)")
        }
        let inner = Box.draw(into: &canvas, rect, title: "fleet map", subtitle: subtitle,
                             role: .mapBox, focused: ctx.focused, theme: ctx.theme, glyphs: ctx.glyphs)
        geo.area = inner
        guard !inner.isEmpty else { return geo }
        let scale = Scale(metric: metric, level: geo.level, digest: ctx.digest)
        let palette = ctx.theme.gradients[metric.gradient] ?? []
        let bg = ctx.theme.color(.mainBackground)
        let selected = selection.flatMap { geo.position(of: $0, in: s) }
        let labelStyle = ctx.theme.style(.title, .bold)
        for vr in 0..<geo.visibleRows {
            let ri = geo.firstVisibleRow + vr
            guard ri < geo.rows.count else { break }
            let row = geo.rows[ri]
            let y = inner.y + vr
            canvas.text(TextFit.fit(row.label, width: geo.labelWidth - 1), x: inner.x, y: y, style: labelStyle,
                        maxWidth: geo.labelWidth - 1)
            if geo.sublabelWidth > 0 {
                canvas.text(TextFit.fit(row.sublabel, width: geo.sublabelWidth - 1), x: inner.x + geo.labelWidth, y: y,
                            style: ctx.label, maxWidth: geo.sublabelWidth - 1)
            }
            for c in 0..<row.count {
                let index = row.first + c
                let cell = geo.level == .racks ? rackCell(s, index, scale: scale, glyphs: ctx.glyphs)
                                               : hallCell(s, index, scale: scale, glyphs: ctx.glyphs)
                var style = CellStyle(foreground: color(palette, cell.fraction, ctx.theme), background: bg)
                let passes = filter.isEmpty || (geo.level == .racks ? MapFilter.matches(rack: index, in: s, filter: filter)
                                                                    : MapFilter.matches(hall: index, in: s, filter: filter))
                if !passes {
                    style = ctx.dim
                    if let (sr, sc) = selected, sr == ri, sc == c { style.attributes.insert(.reverse) }
                    canvas.put(ctx.glyphs.track, x: geo.cellX + c, y: y, style: style)
                    continue
                }
                if cell.mark {
                    style.attributes.insert(.bold)
                    if cell.failed {
                        style.foreground = ctx.theme.color(.critical)
                    } else {
                        // The reason letter sits on the metric's colour, so a marked rack's reading stays visible.
                        style.background = style.foreground
                        style.foreground = bg
                    }
                }
                if let (sr, sc) = selected, sr == ri, sc == c { style.attributes.insert(.reverse) }
                canvas.put(cell.glyph, x: geo.cellX + c, y: y, style: style)
            }
            if !row.note.isEmpty {
                let nx = geo.cellX + geo.cellWidth + 1
                if nx < inner.maxX {
                    canvas.text(TextFit.fit(row.note, width: inner.maxX - nx), x: nx, y: y, style: ctx.label, maxWidth: inner.maxX - nx)
                }
            }
        }
        if geo.hasLegend {
            drawLegend(into: &canvas, y: inner.maxY - 1, inner: inner, scale: scale, metric: metric,
                       palette: palette, ctx: ctx, hidden: geo.rows.count - geo.visibleRows)
        }
        return geo
    }

    /// The value range a metric maps onto 0...1.
    struct Scale {
        var metricKind: MapMetric
        var lower: Double, upper: Double
        var lowLabel: String, highLabel: String
        init(metric: MapMetric, level: MapGeometry.Level, digest: FleetDigest) {
            metricKind = metric
            switch metric {
            case .temperature:
                lower = MapMetric.temperatureScale.lowerBound; upper = MapMetric.temperatureScale.upperBound
                lowLabel = NumberFormat.fixed(lower, 0); highLabel = NumberFormat.fixed(upper, 0)
            case .power:
                let peak = level == .racks ? Double(digest.maxRackPowerKW) : digest.maxHallPowerKW
                lower = 0; upper = Double(SparklineCache.niceCeiling(Float(peak)))
                lowLabel = "0"; highLabel = NumberFormat.power(kW: upper)
            case .utilization:
                lower = 0; upper = 1; lowLabel = "0"; highLabel = "100%"
            case .queue:
                let peak = level == .racks ? Double(digest.maxRackQueue) : digest.maxHallQueue
                lower = 0; upper = Double(SparklineCache.niceCeiling(Float(max(1, peak))))
                lowLabel = "0"; highLabel = NumberFormat.count(upper)
            }
        }
        func fraction(_ v: Double) -> Float {
            guard upper > lower, v.isFinite else { return 0 }
            return Float(min(1, max(0, (v - lower) / (upper - lower))))
        }
    }

    private struct CellLook { var glyph: Unicode.Scalar; var fraction: Float; var mark: Bool; var failed: Bool }

    private static func metricValue(_ metric: MapMetric, die: Double, power: Double, util: Double, queue: Double) -> Double {
        switch metric {
        case .temperature: die
        case .power: power
        case .utilization: util
        case .queue: queue
        }
    }

    private static func rackCell(_ s: Snapshot, _ i: Int, scale: Scale, glyphs: GlyphSet) -> CellLook {
        let r = s.racks
        let f: Float
        switch scale.metricKind {
        case .temperature: f = scale.fraction(Double(r.dieCMaxReported[i]))
        case .power: f = scale.fraction(Double(r.itPowerKW[i]))
        case .utilization: f = scale.fraction(Double(r.utilization[i]))
        case .queue: f = scale.fraction(Double(r.queueRequests[i]))
        }
        let flags = r.flags[i]
        if r.gpusUp[i] == 0 || flags.contains(.failed) { return CellLook(glyph: glyphs.failed, fraction: f, mark: true, failed: true) }
        if let m = mark(flags) { return CellLook(glyph: m, fraction: f, mark: true, failed: false) }
        return CellLook(glyph: glyphs.height(f), fraction: f, mark: false, failed: false)
    }

    private static func hallCell(_ s: Snapshot, _ h: Int, scale: Scale, glyphs: GlyphSet) -> CellLook {
        let hall = s.halls[h]
        let v = metricValue(scale.metricKind, die: hall.dieCMaxReported, power: hall.itPowerKW, util: hall.utilization,
                            queue: hall.queueRequests)
        let f = scale.fraction(v)
        if hall.gpus > 0 && hall.gpusUp == 0 { return CellLook(glyph: glyphs.failed, fraction: f, mark: true, failed: true) }
        var flags: RackFlags = []
        if hall.site < s.sites.count && s.sites[hall.site].networkLoss > 0 { flags.insert(.network) }
        if hall.gpusThermalThrottled > 0 || hall.coolingLoss > 0 { flags.insert(.thermal) }
        if hall.gpusPowerCapped > 0 { flags.insert(.powerCapped) }
        if let m = mark(flags) { return CellLook(glyph: m, fraction: f, mark: true, failed: false) }
        return CellLook(glyph: glyphs.height(f), fraction: f, mark: false, failed: false)
    }

    /// The reason mark for a not-failed cell, most serious first.
    static func mark(_ flags: RackFlags) -> Unicode.Scalar? {
        if flags.contains(.network) { return "N" }
        if flags.contains(.thermal) || flags.contains(.shutDown) { return "T" }
        if flags.contains(.powerCapped) || flags.contains(.shed) { return "W" }
        if flags.contains(.queueSaturated) { return "Q" }
        return nil
    }

    private static func color(_ palette: [CellColor], _ f: Float, _ theme: Theme) -> CellColor {
        guard palette.count == 101 else { return theme.color(.mainForeground) }
        return palette[Int(f * 100 + 0.5)]
    }

    private static func drawLegend(into canvas: inout Canvas, y: Int, inner: Rect, scale: Scale, metric: MapMetric,
                                   palette: [CellColor], ctx: PanelContext, hidden: Int) {
        var w = LineWriter(Rect(x: inner.x, y: y, width: inner.width, height: 1), row: 0)
        w.write(scale.lowLabel + " ", ctx.label, into: &canvas)
        let n = ctx.glyphs.heights.count
        for i in 0..<n where w.remaining > 0 {
            let f = Float(i) / Float(n - 1)
            w.put(ctx.glyphs.heights[i], CellStyle(foreground: color(palette, f, ctx.theme),
                                                   background: ctx.theme.color(.mainBackground)), into: &canvas)
        }
        w.write(" " + scale.highLabel, ctx.label, into: &canvas)
        if hidden > 0 { w.write("  +\(hidden) rows", ctx.warning, into: &canvas) }
        let marks: [(String, String)] = [(String(ctx.glyphs.failed), "failed"), ("T", "thermal"), ("W", "power cap"),
                                         ("N", "network"), ("Q", "queue")]
        for (m, word) in marks {
            let need = DisplayWidth.of(m) + word.count + 3
            guard w.remaining >= need else { break }
            w.write("  " + m, ctx.value, into: &canvas)
            w.write(" " + word, ctx.label, into: &canvas)
        }
    }
}
