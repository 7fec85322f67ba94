import FleetSim

/// The top line: clock, speed, pause, fleet and seed, a drill or story step when one runs, SLO status,
/// what is down, the alert count, and READ-ONLY when injections are off.
public enum HeaderBar {
    /// Alerts: the simulation's open alerts (faults, SLO breaches, power, thermal, readings, model checks).
    public static func alertCount(_ s: Snapshot) -> Int { s.status.alerts.count }

    /// Draws the bar; `scenario` is the drill or story step when one runs.
    public static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, ctx: PanelContext,
                            scenario: String?, readOnly: Bool, metrics: String? = nil) {
        guard !rect.isEmpty else { return }
        let t = ctx.theme
        let base = CellStyle(foreground: t.color(.headerForeground), background: t.color(.headerBackground))
        canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: base)
        var bold = base; bold.attributes = .bold
        var right = rect.maxX
        if readOnly {
            let label = " READ-ONLY "
            right -= DisplayWidth.of(label)
            var ro = base; ro.attributes = [.bold, .reverse]
            canvas.text(label, x: max(rect.x, right), y: rect.y, style: ro)
            right -= 1
        }
        var w = LineWriter(Rect(x: rect.x, y: rect.y, width: max(0, right - rect.x), height: 1), row: 0)
        let sep = ctx.glyphs.separator
        w.write(" fleettop", bold, into: &canvas)
        w.write(sep + s.fleetName + sep + "seed \(s.seed)" + sep, base, into: &canvas)
        w.write(NumberFormat.simClock(s.simTime), bold, into: &canvas)
        w.write(" " + speedLabel(s.clock, glyphs: ctx.glyphs), base, into: &canvas)
        if s.clock.paused {
            var p = base; p.attributes = [.bold, .reverse]
            w.write(" ", base, into: &canvas)
            w.write(" PAUSED ", p, into: &canvas)
        }
        let slo = SLOCheck(s)
        w.write(sep, base, into: &canvas)
        if !slo.judged {
            w.write("SLO –", base, into: &canvas)
        } else if slo.breaches.isEmpty {
            w.write("SLO " + String(ctx.glyphs.ok), CellStyle(foreground: t.color(.ok), background: base.background,
                                                             attributes: .bold), into: &canvas)
        } else {
            let first = slo.breaches[0]
            let more = slo.breaches.count > 1 ? " +\(slo.breaches.count - 1)" : ""
            w.write("SLO " + String(ctx.glyphs.notOK) + " \(first.requestClass.name) \(first.metric)" + more,
                    CellStyle(foreground: t.color(.critical), background: base.background, attributes: .bold), into: &canvas)
        }
        if let outage = s.status.outage {
            w.write(sep, base, into: &canvas)
            w.write(outage.uppercased(), CellStyle(foreground: t.color(.critical), background: base.background,
                                                   attributes: [.bold, .reverse]), into: &canvas)
        }
        let alerts = alertCount(s)
        w.write(sep, base, into: &canvas)
        if alerts > 0 {
            w.write(String(ctx.glyphs.warning) + " \(alerts) alert" + (alerts == 1 ? "" : "s"),
                    CellStyle(foreground: t.color(.warning), background: base.background, attributes: .bold), into: &canvas)
        } else {
            w.write("no alerts", base, into: &canvas)
        }
        var scenarioRight = right
        if let metrics { scenarioRight = drawMetrics(metrics, into: &canvas, after: w, right: right, style: bold,
                                                     roomForScenario: scenario?.isEmpty == false ? 24 : 0) }
        if let scenario, !scenario.isEmpty {
            var rest = LineWriter(Rect(x: w.x, y: rect.y, width: max(0, scenarioRight - w.x), height: 1), row: 0)
            if !w.closed { rest.write(sep + scenario, bold, into: &canvas) }
        }
    }

    /// The `--metrics-listen` indicator at the right end, in the room the status left: "metrics :9400"
    /// (when a drill or story label keeps `roomForScenario` columns too), else ":9400", else nothing.
    /// Returns where the rest of the row must stop.
    static func drawMetrics(_ metrics: String, into canvas: inout Canvas, after w: LineWriter, right: Int, style: CellStyle,
                            roomForScenario: Int) -> Int {
        guard !w.closed else { return right }
        let port = metrics.split(separator: " ").last.map { ":" + ($0.split(separator: ":").last ?? "") } ?? metrics
        let full = " " + metrics + " ", short = " " + port
        let label: String
        if DisplayWidth.of(full) + 1 + roomForScenario <= w.remaining {
            label = full
        } else if DisplayWidth.of(short) + 1 <= w.remaining {
            label = short
        } else {
            return right
        }
        let x = right - DisplayWidth.of(label)
        canvas.text(label, x: x, y: w.y, style: style)
        return x - 1
    }

    /// "×10", or "max ×312" with the achieved rate, or "×60 (×41 achieved)" when the machine lags.
    static func speedLabel(_ c: ClockState, glyphs: GlyphSet) -> String {
        let achieved = c.achievedRealtimeFactor
        let speed = glyphs.isASCII ? String(c.speed.label.map { $0 == "×" ? "x" : $0 }) : c.speed.label
        let times = glyphs.times
        switch c.speed {
        case .max:
            return achieved > 0 ? "max " + times + NumberFormat.count(achieved) : "max"
        case .times(let x):
            if !c.paused, achieved > 0, achieved < x * 0.9 { return speed + " (" + times + NumberFormat.count(achieved) + " achieved)" }
            return speed
        }
    }
}
