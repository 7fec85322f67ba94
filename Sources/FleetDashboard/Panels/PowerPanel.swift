import FleetSim

/// Power: per-site facility draw against the grid limit and the cap in force (meter with a marker, and
/// the site's history when wide), where the governor caps GPUs, PUE, fleet history, $/h and $ per 1M
/// output tokens.
public enum PowerPanel {
    /// Draws the panel in its own box filling `rect`.
    public static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, ctx: PanelContext) {
        let inner = Box.draw(into: &canvas, rect, title: "power", subtitle: "facility MW vs grid limit",
                             role: .powerBox, focused: ctx.focused, theme: ctx.theme, glyphs: ctx.glyphs)
        content(into: &canvas, s, inner: inner, ctx: ctx)
    }

    /// The content without the box: for the panel's own box or its section of a merged box.
    public static func content(into canvas: inout Canvas, _ s: Snapshot, inner: Rect, ctx: PanelContext) {
        guard !inner.isEmpty else { return }
        let footerLines = min(2, max(0, inner.height - s.sites.count), max(0, inner.height - 2))
        let siteRows = inner.height - footerLines
        let fits = s.sites.count <= siteRows
        let order = siteOrder(s, rows: fits ? siteRows : max(0, siteRows - 1))
        let nameW = min(14, s.sites.map { DisplayWidth.of($0.name) }.max() ?? 4) + 1
        let numW = 11
        let tailW = inner.width >= nameW + numW + 36 ? 23 : 0
        let historyW = inner.width >= 100 ? 16 : 0
        let meterW = max(0, inner.width - nameW - numW - tailW - 1 - (historyW > 0 ? historyW + 1 : 0))
        for (row, i) in order.enumerated() {
            let site = s.sites[i]
            var w = LineWriter(inner, row: row)
            w.write(site.name, ctx.theme.style(.title, .bold), into: &canvas)
            w.tab(to: nameW)
            let scale = max(site.gridLimitKW, site.facilityPowerKW)
            let capped = site.activeCapKW > 0 && site.activeCapKW < site.gridLimitKW
            let limit = site.activeCapKW > 0 ? site.activeCapKW : site.gridLimitKW
            if meterW > 0 {
                Meter.draw(into: &canvas, x: w.x, y: w.y, width: meterW, value: site.facilityPowerKW, scale: scale,
                           limit: capped ? site.activeCapKW : nil, gradient: .power, theme: ctx.theme, glyphs: ctx.glyphs)
                w.skip(meterW + 1)
            }
            let load = limit > 0 ? site.facilityPowerKW / limit : 0
            let ref = max(limit, site.facilityPowerKW)
            let numbers = NumberFormat.megawatts(kW: site.facilityPowerKW, reference: ref) + "/" + NumberFormat.megawatts(kW: limit, reference: ref)
            w.write(NumberFormat.padRight(numbers, numW - 1), load >= 0.98 ? ctx.warning : ctx.value, into: &canvas)
            if tailW > 0 {
                w.skip(1)
                if site.governorCapW != nil || site.racksShed > 0 {
                    w.write("W", ctx.warning, into: &canvas)
                } else {
                    w.write(" ", ctx.text, into: &canvas)
                }
                w.write(" PUE " + NumberFormat.fixed(site.pue, 2), ctx.label, into: &canvas)
                if let cap = site.governorCapW {
                    w.write(" " + NumberFormat.fixed(cap, 0) + " W/GPU", ctx.warning, into: &canvas)
                } else if capped {
                    w.write(" cap", ctx.warning, into: &canvas)
                }
            }
            if historyW > 0 {
                w.tab(to: inner.width - historyW)
                ctx.sparks.draw(into: &canvas, key: "power.site.\(i)", series: site.powerHistoryKW, x: w.x, y: w.y,
                                width: historyW, upper: nil, style: ctx.graph, gradient: .power, theme: ctx.theme, glyphs: ctx.glyphs)
            }
        }
        if !fits, siteRows > 0 {
            var w = LineWriter(inner, row: order.count)
            w.write("+\(s.sites.count - order.count) more sites", ctx.dim, into: &canvas)
        }
        guard footerLines > 0 else { return }
        var h = LineWriter(inner, row: siteRows)
        let t = s.totals
        let tail = "  fleet " + NumberFormat.power(kW: t.facilityPowerKW) + "  " + NumberFormat.dollars(t.costPerHourUSD) + "/h"
        h.write("history ", ctx.label, into: &canvas)
        let sparkW = max(0, h.remaining - DisplayWidth.of(tail))
        if sparkW >= 4 {
            ctx.sparks.draw(into: &canvas, key: "power.fleet", series: s.history.facilityPowerKW, x: h.x, y: h.y,
                            width: sparkW, upper: nil, style: ctx.graph, gradient: .power, theme: ctx.theme, glyphs: ctx.glyphs)
            h.skip(sparkW)
        }
        h.write(tail, ctx.value, into: &canvas)
        if footerLines > 1 {
            var c = LineWriter(inner, row: siteRows + 1)
            let sep = ctx.glyphs.separator
            let price = t.outputTokensPerSecond > 0 ? (NumberFormat.dollars(t.usdPerMillionTokens), ctx.value) : ("n/a", ctx.dim)
            let energy = NumberFormat.percent(t.energyShareOfCost), pue = NumberFormat.fixed(t.pue, 2)
            c.first(of: [[price, (" per 1M output tokens" + sep + "energy ", ctx.label), (energy, ctx.value),
                          (" of cost" + sep + "PUE ", ctx.label), (pue, ctx.value)],
                         [price, (" per 1M tokens" + sep + "energy ", ctx.label), (energy, ctx.value),
                          (sep + "PUE ", ctx.label), (pue, ctx.value)],
                         [price, (" per 1M tokens", ctx.label)]], into: &canvas)
        }
    }

    /// Sites in topology order when all fit; otherwise the most loaded against their limit first.
    static func siteOrder(_ s: Snapshot, rows: Int) -> [Int] {
        guard rows > 0 else { return [] }
        if s.sites.count <= rows { return Array(s.sites.indices) }
        let load: (SiteStats) -> Double = { site in
            let limit = site.activeCapKW > 0 ? site.activeCapKW : site.gridLimitKW
            return limit > 0 ? site.facilityPowerKW / limit : 0
        }
        return Array(s.sites.indices.sorted { load(s.sites[$0]) > load(s.sites[$1]) }.prefix(rows)).sorted()
    }
}
