import FleetSim
import FleetMetrics

/// Detail: everything about the selected site, hall or rack — capacity, power, temperatures, load,
/// faults on it — with its own history where the snapshot keeps one.
public enum DetailPanel {
    /// Draws the panel in its own box filling `rect`.
    public static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, ctx: PanelContext,
                            selection: MapSelection?) {
        let path = selection.map { $0.path(in: s) } ?? ""
        let inner = Box.draw(into: &canvas, rect, title: "detail", subtitle: path, role: .detailBox,
                             focused: ctx.focused, theme: ctx.theme, glyphs: ctx.glyphs)
        content(into: &canvas, s, inner: inner, ctx: ctx, selection: selection)
    }

    /// The content without the box, for its own box or a merged section.
    public static func content(into canvas: inout Canvas, _ s: Snapshot, inner: Rect, ctx: PanelContext,
                               selection: MapSelection?) {
        guard !inner.isEmpty else { return }
        let path = selection.map { $0.path(in: s) } ?? ""
        guard let selection, selection.isValid(in: s) else {
            fleetSummary(into: &canvas, s, inner: inner, ctx: ctx)
            return
        }
        var lines = DetailLines(inner: inner, ctx: ctx)
        let deg = " " + ctx.glyphs.degree
        switch selection {
        case .site(let i):
            let site = s.sites[i]
            lines.add(&canvas, [("site ", site.name), ("  RTT ", NumberFormat.fixed(site.rttMs, 0) + " ms"),
                                ("  base ", NumberFormat.fixed(site.baseRttMs, 0) + " ms")])
            gpuLine(&canvas, &lines, up: site.gpusUp, total: site.gpus, throttled: site.gpusThermalThrottled,
                    capped: site.gpusPowerCapped, down: site.gpusShutDown)
            lines.add(&canvas, [("facility ", NumberFormat.power(kW: site.facilityPowerKW)),
                                ("  IT ", NumberFormat.power(kW: site.itPowerKW)),
                                ("  grid ", NumberFormat.power(kW: site.gridLimitKW)),
                                ("  cap ", NumberFormat.power(kW: site.activeCapKW))])
            lines.add(&canvas, [("governor ", site.governorCapW.map { NumberFormat.fixed($0, 0) + " W/GPU" } ?? "off"),
                                ("  shed ", "\(site.racksShed) racks"), ("  PUE ", NumberFormat.fixed(site.pue, 2))])
            lines.add(&canvas, [("cost ", NumberFormat.dollars(site.costPerHourUSD) + "/h"),
                                ("  power ", NumberFormat.dollars(site.pricePerMWh) + "/MWh"),
                                ("  traffic ", NumberFormat.percent(site.trafficShare))])
            lines.add(&canvas, [("busy ", NumberFormat.percent(site.utilization)),
                                ("  queue ", NumberFormat.count(site.queueRequests)),
                                ("  KV ", NumberFormat.percent(site.kvUse)),
                                ("  net loss ", NumberFormat.percent(site.networkLoss))])
            lines.add(&canvas, [("inlet max ", NumberFormat.fixed(site.inletCMaxReported, 1) + deg),
                                ("  die max ", NumberFormat.fixed(site.dieCMaxReported, 1) + deg)])
            lines.spark(&canvas, "facility kW", key: "detail.site.\(i)", series: site.powerHistoryKW, gradient: .power)
        case .hall(let h):
            let hall = s.halls[h]
            lines.add(&canvas, [("hall ", path), ("  ", hall.cooling.rawValue + " cooled"),
                                ("  cooling lost ", NumberFormat.percent(hall.coolingLoss))])
            gpuLine(&canvas, &lines, up: hall.gpusUp, total: hall.gpus, throttled: hall.gpusThermalThrottled,
                    capped: hall.gpusPowerCapped, down: hall.gpusShutDown)
            lines.add(&canvas, [("IT ", NumberFormat.power(kW: hall.itPowerKW)), ("  racks ", "\(hall.racks.count)"),
                                ("  busy ", NumberFormat.percent(hall.utilization)),
                                ("  queue ", NumberFormat.count(hall.queueRequests))])
            lines.add(&canvas, [("inlet mean ", NumberFormat.fixed(hall.inletCMeanReported, 1) + deg),
                                ("  max ", NumberFormat.fixed(hall.inletCMaxReported, 1) + deg),
                                ("  die max ", NumberFormat.fixed(hall.dieCMaxReported, 1) + deg)])
            lines.spark(&canvas, "die max " + ctx.glyphs.degree, key: "detail.hall.die.\(h)", series: hall.dieHistoryC, gradient: .thermal)
            lines.spark(&canvas, "IT kW", key: "detail.hall.power.\(h)", series: hall.powerHistoryKW, gradient: .power)
        case .rack(let r):
            let t = s.racks
            let flags = ThermalPanel.reasonCodes(t.flags[r], glyphs: ctx.glyphs)
            lines.add(&canvas, [("rack ", path), ("  reasons ", flags.isEmpty ? "none" : flags)])
            lines.add(&canvas, [("GPUs up ", "\(t.gpusUp[r])/\(t.gpus[r])"), ("  thermal-throttled ", "\(t.gpusThermalThrottled[r])")])
            lines.add(&canvas, [("IT ", NumberFormat.power(kW: Double(t.itPowerKW[r]))),
                                ("  busy ", NumberFormat.percent(Double(t.utilization[r]))),
                                ("  queue ", NumberFormat.count(Double(t.queueRequests[r])))])
            lines.add(&canvas, [("inlet ", NumberFormat.fixed(Double(t.inletCReported[r]), 1) + deg),
                                ("  die max ", NumberFormat.fixed(Double(t.dieCMaxReported[r]), 1) + deg)])
            let h = Int(t.hall[r])
            if h < s.halls.count {
                lines.spark(&canvas, "hall die max " + ctx.glyphs.degree, key: "detail.hall.die.\(h)",
                            series: s.halls[h].dieHistoryC, gradient: .thermal)
            }
        }
        let faults = s.activeFaults.filter { $0.target == path || $0.target.hasPrefix(path + "/") || path.hasPrefix($0.target + "/") }
        for f in faults {
            let until = f.untilSeconds.map { " until " + NumberFormat.simClock($0) } ?? " until repaired"
            lines.add(&canvas, [("fault ", f.kind.rawValue + " " + f.target + until)], role: .fault)
        }
    }

    /// With nothing selected: how to select, then one line per site (GPUs up, facility power against
    /// its limit, hottest die as read), so the panel is useful before the operator picks anything.
    static func fleetSummary(into canvas: inout Canvas, _ s: Snapshot, inner: Rect, ctx: PanelContext) {
        var hint = LineWriter(inner, row: 0)
        hint.write("select a site, hall or rack: arrows, click, or g", ctx.dim, into: &canvas)
        var lines = DetailLines(inner: inner, ctx: ctx)
        lines.row = 1
        let deg = " " + ctx.glyphs.degree
        for site in s.sites {
            let limit = site.activeCapKW > 0 ? site.activeCapKW : site.gridLimitKW
            let ref = max(limit, site.facilityPowerKW)
            lines.add(&canvas, [("", site.name),
                                ("  up ", NumberFormat.count(Double(site.gpusUp)) + "/" + NumberFormat.count(Double(site.gpus))),
                                ("  ", NumberFormat.megawatts(kW: site.facilityPowerKW, reference: ref) + "/"
                                    + NumberFormat.megawatts(kW: limit, reference: ref) + " MW"),
                                ("  die ", NumberFormat.fixed(site.dieCMaxReported, 0) + deg)])
        }
    }

    /// Rows the panel fills with nothing selected: the hint and a line per site, borders included.
    static func summaryHeight(_ s: Snapshot) -> Int { 2 + 1 + s.sites.count }

    private static func gpuLine(_ canvas: inout Canvas, _ lines: inout DetailLines, up: Int, total: Int,
                                throttled: Int, capped: Int, down: Int) {
        lines.add(&canvas, [("GPUs up ", NumberFormat.count(Double(up)) + "/" + NumberFormat.count(Double(total))),
                            ("  thermal-throttled ", NumberFormat.count(Double(throttled))),
                            ("  power-capped ", NumberFormat.count(Double(capped))),
                            ("  shut down ", NumberFormat.count(Double(down)))])
    }
}

/// Label–value lines of the detail panel, one after another until the rectangle is full.
struct DetailLines {
    let inner: Rect
    let ctx: PanelContext
    var row = 0

    init(inner: Rect, ctx: PanelContext) { self.inner = inner; self.ctx = ctx }

    mutating func add(_ canvas: inout Canvas, _ pairs: [(String, String)], role: ThemeColor? = nil) {
        guard row < inner.height else { return }
        var w = LineWriter(inner, row: row)
        for (label, value) in pairs {
            w.group([(label, ctx.label), (value, role.map { ctx.theme.style($0, .bold) } ?? ctx.value)], into: &canvas)
        }
        row += 1
    }

    mutating func spark(_ canvas: inout Canvas, _ label: String, key: String, series: Series, gradient: ThemeGradient) {
        guard row < inner.height else { return }
        var w = LineWriter(inner, row: row)
        w.write(label + " ", ctx.label, into: &canvas)
        let latest = series.latest.map { " " + NumberFormat.fixed(Double($0), 1) } ?? ""
        let width = max(0, w.remaining - DisplayWidth.of(latest))
        if width >= 4 {
            ctx.sparks.draw(into: &canvas, key: key, series: series, x: w.x, y: w.y, width: width, upper: nil,
                            style: ctx.graph, gradient: gradient, theme: ctx.theme, glyphs: ctx.glyphs)
            w.skip(width)
        }
        w.write(latest, ctx.value, into: &canvas)
        row += 1
    }
}
