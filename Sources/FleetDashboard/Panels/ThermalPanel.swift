import FleetSim

/// Thermal: inlet and die temperature distributions over racks, throttled and shut-down GPU counts,
/// and the hottest racks with their reason codes.
public enum ThermalPanel {
    /// Hottest racks the panel asks rows for beside others; expanded, it lists as many as fit.
    static let hottestShown = 5

    /// Draws the panel in its own box filling `rect`.
    public static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, ctx: PanelContext) {
        let inner = Box.draw(into: &canvas, rect, title: "thermal", subtitle: "racks by " + ctx.glyphs.degree,
                             role: .thermalBox, focused: ctx.focused, theme: ctx.theme, glyphs: ctx.glyphs)
        content(into: &canvas, s, inner: inner, ctx: ctx)
    }

    /// The content without the box: for the panel's own box or its section of a merged box.
    public static func content(into canvas: inout Canvas, _ s: Snapshot, inner: Rect, ctx: PanelContext) {
        guard !inner.isEmpty else { return }
        let d = ctx.digest
        let deg = ctx.glyphs.degree
        var row = 0
        var w = LineWriter(inner, row: row)
        distribution(&canvas, &w, "inlet " + deg, d.inletBins, FleetDigest.inletRange, ctx)
        w.skip(3)
        if w.remaining >= FleetDigest.binCount + 14 {
            distribution(&canvas, &w, "die " + deg, d.dieBins, FleetDigest.dieRange, ctx)
        } else if inner.height > 3 {
            row += 1
            var w2 = LineWriter(inner, row: row)
            distribution(&canvas, &w2, "die " + deg, d.dieBins, FleetDigest.dieRange, ctx)
        }
        row += 1
        guard row < inner.height else { return }
        let t = s.totals
        var c = LineWriter(inner, row: row)
        // Thermal-throttled and power-capped are different causes: each has its own count and label.
        let thermal = (NumberFormat.count(Double(t.gpusThermalThrottled)), t.gpusThermalThrottled > 0 ? ctx.warning : ctx.value)
        let capped = (NumberFormat.count(Double(t.gpusPowerCapped)), t.gpusPowerCapped > 0 ? ctx.warning : ctx.value)
        let down = (NumberFormat.count(Double(t.gpusShutDown)), t.gpusShutDown > 0 ? ctx.critical : ctx.value)
        let sep = ctx.glyphs.separator
        c.first(of: [[("thermal-throttled ", ctx.label), thermal, (sep + "power-capped ", ctx.label), capped,
                      (sep + "shut down ", ctx.label), down],
                     [("heat-slowed ", ctx.label), thermal, (sep + "capped ", ctx.label), capped, (sep + "down ", ctx.label), down],
                     [("T ", ctx.label), thermal, (" W ", ctx.label), capped, (" down ", ctx.label), down]], into: &canvas)
        row += 1
        var first = true
        for r in d.hottestRacks where row < inner.height {
            guard r < s.racks.count else { continue }
            var h = LineWriter(inner, row: row)
            h.write(first ? "hottest " : "        ", ctx.label, into: &canvas)
            first = false
            let die = Double(s.racks.dieCMaxReported[r])
            let f = (die - FleetDigest.dieRange.lowerBound.asDouble) / (FleetDigest.dieRange.upperBound.asDouble - FleetDigest.dieRange.lowerBound.asDouble)
            h.group([(MapSelection.rack(r).path(in: s), ctx.text),
                     (" " + NumberFormat.fixed(die, 1) + " " + deg,
                      CellStyle(foreground: ctx.theme.gradient(.thermal, at: f), background: ctx.theme.color(.mainBackground),
                                attributes: .bold))], into: &canvas)
            let codes = reasonCodes(s.racks.flags[r], glyphs: ctx.glyphs)
            if !codes.isEmpty { h.group([(" " + codes, ctx.warning)], into: &canvas) }
            h.group([(" inlet " + NumberFormat.fixed(Double(s.racks.inletCReported[r]), 1) + " " + deg, ctx.label)], into: &canvas)
            row += 1
        }
    }

    /// "T W Q ✗ N" marks for a rack's flags, in that order (the failed mark is the map legend's).
    public static func reasonCodes(_ f: RackFlags, glyphs: GlyphSet) -> String {
        var out = ""
        if f.contains(.thermal) || f.contains(.shutDown) { out += "T" }
        if f.contains(.powerCapped) || f.contains(.shed) { out += out.isEmpty ? "W" : " W" }
        if f.contains(.queueSaturated) { out += out.isEmpty ? "Q" : " Q" }
        if f.contains(.failed) { out += (out.isEmpty ? "" : " ") + String(glyphs.failed) }
        if f.contains(.network) { out += out.isEmpty ? "N" : " N" }
        return out
    }

    private static func distribution(_ canvas: inout Canvas, _ w: inout LineWriter, _ label: String, _ bins: [Int],
                                     _ range: ClosedRange<Float>, _ ctx: PanelContext) {
        w.write(label + " " + NumberFormat.fixed(Double(range.lowerBound), 0) + " ", ctx.label, into: &canvas)
        let n = min(bins.count, w.remaining)
        HistogramGlyphs.draw(into: &canvas, x: w.x, y: w.y, bins: Array(bins.prefix(n)), gradient: .thermal,
                             theme: ctx.theme, glyphs: ctx.glyphs)
        w.skip(n)
        w.write(" " + NumberFormat.fixed(Double(range.upperBound), 0), ctx.label, into: &canvas)
    }
}

private extension Float {
    var asDouble: Double { Double(self) }
}
