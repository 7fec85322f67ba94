/// The alerts section of the text and Markdown reports.
extension DrillReportWriter {
    /// "alerts (Prometheus rules)" with one line per alerting rule; empty without `--alert-rules`.
    static func alertsText(_ r: DrillReport) -> String {
        guard let alerts = r.alerts else { return "" }
        var out = "\nalerts (Prometheus rule engine)\n"
        if alerts.isEmpty { out += "  (the rules file has no alerting rules)\n" }
        let width = alerts.map(\.alert.count).max() ?? 0
        for a in alerts {
            let mark = a.held.map { $0 ? "✔" : "✘" } ?? "·"
            out += "  \(mark) \(a.alert.padding(toLength: width, withPad: " ", startingAt: 0))  \(alertSummary(a))\n"
        }
        return out
    }

    /// The alerts as a Markdown table; empty without `--alert-rules`.
    static func alertsMarkdown(_ r: DrillReport) -> String {
        guard let alerts = r.alerts else { return "" }
        var out = "## Alerts (Prometheus rule engine)\n\n| | alert | fired | expectation |\n|---|---|---|---|\n"
        for a in alerts {
            let mark = a.held.map { $0 ? "✔" : "✘" } ?? ""
            out += "| \(mark) | `\(TextSanitizer.strip(a.alert))` | \(TextSanitizer.strip(alertSummary(a))) | \(a.expectation.map(TextSanitizer.strip) ?? "") |\n"
        }
        return out + "\n"
    }

    /// "fired at 00:08:30, 3m30s after the first fault, resolved at 00:21:00 · site=… (+2 more)".
    static func alertSummary(_ a: DrillAlertResult) -> String {
        guard let fired = a.firedAtS else { return "never fired" }
        var s = "fired at \(ClockText.elapsed(fired))"
        if let after = a.afterFirstFaultS {
            s += after >= 0 ? ", \(QuantityText.formatDuration(after)) after the first fault"
                : ", \(QuantityText.formatDuration(-after)) before the first fault"
        }
        s += a.resolvedAtS.map { ", resolved at \(ClockText.elapsed($0))" } ?? ", still firing at the end"
        if let first = a.instances.first {
            s += " · \(first)" + (a.instances.count > 1 ? " (+\(a.instances.count - 1) more)" : "")
        }
        return s
    }
}
