import Foundation

/// Renders a `CampaignReport` as text (for a terminal), Markdown or JSON (`fleettop.drill-campaign/1`).
public enum CampaignReportWriter {
    /// Failed runs listed by name before "… and N more".
    static let listedRuns = 12
    /// Failed runs named per check on a terminal line.
    static let listedRunsText = 4

    /// The report as pretty, key-sorted JSON with snake_case keys.
    public static func json(_ r: CampaignReport) -> String { CampaignJSON.text(r, pretty: true) }

    /// The report for a terminal: pass rate, checks, sweep with its plot and breaking point, worst runs.
    public static func text(_ r: CampaignReport) -> String {
        let c = r.campaign
        var out = "campaign: \(TextSanitizer.strip(c.drillName)) — \(r.runs.count) runs on fleet \(TextSanitizer.strip(c.fleet)) (\(setting(c)))\n"
        out += "passed \(r.passed) of \(r.runs.count): \(r.passRate.text) · failed \(r.failed) · aborted \(r.aborted)\n"
        if !r.checks.isEmpty {
            out += "\nchecks: each run's worst value"
            let width = max(30, r.checks.map(\.text.count).max() ?? 0)
            out += String(repeating: " ", count: max(1, width - 26)) + "     p5       p50       p95   failed in\n"
            for s in r.checks {
                let mark = s.failedRuns.isEmpty ? "✔" : "✘"
                let columns = s.unit.format(alike: [s.p5, s.p50, s.p95]).map { $0.leftPadded(9) }.joined(separator: " ")
                out += "  \(mark) \(TextSanitizer.strip(s.text).padding(toLength: width, withPad: " ", startingAt: 0)) \(columns)   \(failedText(s, r, listing: listedRunsText))\n"
            }
        }
        for axis in r.sweep {
            out += "\nsweep \(axis.path)\n" + CampaignPlot.rows(axis, breakBelow: c.breakBelow).map { "  \($0)\n" }.joined()
            out += breakingSentence(axis, c) + "\n"
            let deciding = decidingChecks(r)
            if !deciding.isEmpty {
                out += "median worst value at each \(axis.path), of the checks that did not hold\n"
                let width = deciding.map { TextSanitizer.strip(r.checks[$0].text).count }.max() ?? 0
                for k in deciding {
                    let text = TextSanitizer.strip(r.checks[k].text).padding(toLength: width, withPad: " ", startingAt: 0)
                    let cells = zip(axis.rows, medians(of: k, axis, r)).map { "\($0.label): \($1)" }
                    out += "  \(text)   \(cells.joined(separator: " · "))\n"
                }
            }
        }
        let worst = worstLines(r)
        if !worst.isEmpty {
            out += "\nworst runs (replay one in the dashboard)\n" + worst.map { "  \($0.check): \($0.value) in \($0.run) — \($0.replay)\n" }.joined()
        }
        return out
    }

    /// The report as Markdown.
    public static func markdown(_ r: CampaignReport) -> String {
        let c = r.campaign
        var out = "# Drill campaign: \(TextSanitizer.strip(c.drillName))\n\n"
        out += "**Passed \(r.passed) of \(r.runs.count) runs: \(r.passRate.text)** · failed \(r.failed) · aborted \(r.aborted)\n\n"
        out += "Drill `\(TextSanitizer.strip(c.drill))` (\(TextSanitizer.strip(c.source))) on fleet `\(TextSanitizer.strip(c.fleet))`, \(setting(c)). "
        out += "Intervals are 95% Wilson score intervals.\n\n"
        if !r.checks.isEmpty {
            out += "## Checks\n\nEach run's worst value of the check's metric, across runs; a worst value past the threshold in a "
            out += "run that held is a breach shorter than the check's tolerance.\n\n"
            out += "| | check | p5 | p50 | p95 | failed in | worst |\n|---|---|---|---|---|---|---|\n"
            for s in r.checks {
                let worst = s.worstRun.map { "\(s.worstValue.map(s.unit.format) ?? "–") in \(runName($0, r))" } ?? "–"
                out += "| \(s.failedRuns.isEmpty ? "✔" : "✘") | `\(TextSanitizer.strip(s.text))` | \(s.unit.format(alike: [s.p5, s.p50, s.p95]).joined(separator: " | ")) | \(failedText(s, r)) | \(worst) |\n"
            }
            out += "\n"
        }
        for axis in r.sweep {
            let deciding = decidingChecks(r)
            out += "## Sweep: `\(axis.path)`\n\n"
            if !deciding.isEmpty {
                out += "A check's column is the median of each run's worst value at that value, with the runs there that did not hold it.\n\n"
            }
            out += "| value | runs | passed | pass rate | 95% CI |" + deciding.map { " `\(TextSanitizer.strip(r.checks[$0].text))` |" }.joined() + "\n"
            out += "|---|---|---|---|---|" + String(repeating: "---|", count: deciding.count) + "\n"
            let medianColumns = deciding.map { medians(of: $0, axis, r) }
            for (v, row) in axis.rows.enumerated() {
                let cells = zip(deciding, medianColumns).map { k, column in
                    let failed = row.checks[k].failed
                    return " \(column[v])\(failed > 0 ? ", \(failed) failed" : "") |"
                }.joined()
                out += "| \(row.label) | \(row.pass.trials) | \(row.pass.successes) | \(WilsonInterval.percent(row.pass.rate)) | \(WilsonInterval.percent(row.pass.low, sign: false))–\(WilsonInterval.percent(row.pass.high)) |\(cells)\n"
            }
            out += "\n```text\n" + CampaignPlot.rows(axis, breakBelow: c.breakBelow).joined(separator: "\n") + "\n```\n\n"
            out += breakingSentence(axis, c) + "\n\n"
        }
        if r.sweep.count > 1 {
            out += "## Points\n\n| \(r.sweep.map { "`\($0.path)`" }.joined(separator: " | ")) | runs | pass rate | 95% CI |\n"
            out += "|" + String(repeating: "---|", count: r.sweep.count + 3) + "\n"
            for p in r.points {
                out += "| \(p.labels.joined(separator: " | ")) | \(p.pass.trials) | \(WilsonInterval.percent(p.pass.rate)) | \(WilsonInterval.percent(p.pass.low, sign: false))–\(WilsonInterval.percent(p.pass.high)) |\n"
            }
            out += "\n"
        }
        let worst = worstLines(r)
        if !worst.isEmpty {
            out += "## Worst runs\n\n| check | worst | run | replay |\n|---|---|---|---|\n"
            for w in worst { out += "| `\(w.check)` | \(w.value) | \(w.run) | `\(w.replay)` |\n" }
            out += "\n"
        }
        let failing = r.runs.filter { $0.verdict != .passed }
        if !failing.isEmpty {
            out += "## Runs that did not pass\n\n| run | \(c.vary.isEmpty ? "" : "values | ")verdict | checks not held |\n|---|\(c.vary.isEmpty ? "" : "---|")---|---|\n"
            for run in failing.prefix(50) {
                let values = c.vary.isEmpty ? "" : "\(c.labels(ofPoint: run.point).joined(separator: " ")) | "
                let checks = zip(c.checks, run.checks).filter { !$0.1.held }.map { "`\(TextSanitizer.strip($0.0.text))`" }
                    + (run.invariantViolations > 0 ? ["model invariants"] : [])
                out += "| seed \(run.seed) | \(values)\(run.verdict.rawValue) | \(checks.joined(separator: ", ")) |\n"
            }
            if failing.count > 50 { out += "\n… and \(failing.count - 50) more in the JSON report.\n" }
        }
        return out
    }

    /// "seeds 1-200, varied method[1].magnitude=40%..100%/7, breaking point under 50%".
    static func setting(_ c: CampaignSpec) -> String {
        var parts = ["seeds \(c.seeds)"]
        if !c.vary.isEmpty {
            parts.append("varied " + c.vary.map { "\($0.path)=\($0.spec)" }.joined(separator: ", "))
            parts.append("breaking point under \(WilsonInterval.percent(c.breakBelow))")
        }
        return parts.joined(separator: ", ")
    }

    /// The sentence naming an axis's breaking point, or that there is none.
    public static func breakingSentence(_ axis: CampaignReport.Axis, _ c: CampaignSpec) -> String {
        let threshold = WilsonInterval.percent(c.breakBelow)
        guard let b = axis.breakingPoint else {
            return "no breaking point: every value of \(axis.path) passed in at least \(threshold) of its runs"
        }
        var out = "breaking point: \(axis.path)=\(b.label) — \(b.pass.text) of \(b.pass.trials) runs passed, under \(threshold)"
        if b.pass.high >= c.breakBelow { out += " (its interval reaches \(threshold): more seeds would make it certain)" }
        if b == axis.rows.first { out += "; already the first value breaks" }
        return out
    }

    /// The checks that did not hold in some run (stop conditions that fired included): the ones a
    /// sweep's per-value medians are shown for.
    static func decidingChecks(_ r: CampaignReport) -> [Int] {
        r.checks.indices.filter { !r.checks[$0].failedRuns.isEmpty }
    }

    /// Check `k`'s median worst value at each value of `axis`, written in one scale.
    static func medians(of k: Int, _ axis: CampaignReport.Axis, _ r: CampaignReport) -> [String] {
        r.checks[k].unit.format(alike: axis.rows.map { $0.checks[k].p50 })
    }

    /// "3 runs: seed 17, seed 45" or "none".
    static func failedText(_ s: CampaignReport.CheckSummary, _ r: CampaignReport, listing: Int = listedRuns) -> String {
        guard !s.failedRuns.isEmpty else { return "none" }
        let named = s.failedRuns.prefix(listing).map { runName($0, r) }.joined(separator: ", ")
        let more = s.failedRuns.count > listing ? ", … \(s.failedRuns.count - listing) more" : ""
        return "\(s.failedRuns.count) run\(s.failedRuns.count == 1 ? "" : "s"): \(named)\(more)"
    }

    /// "seed 17" or "seed 17 at method[1].magnitude=60%".
    public static func runName(_ run: Int, _ r: CampaignReport) -> String {
        let c = r.campaign
        let result = r.runs[run]
        return c.vary.isEmpty ? "seed \(result.seed)" : "seed \(result.seed) at \(c.labels(ofPoint: result.point).joined(separator: " "))"
    }

    /// The command that watches run `run` live: the drill, its seed and its varied values.
    public static func replayCommand(_ run: Int, _ r: CampaignReport) -> String {
        let result = r.runs[run]
        let sets = r.campaign.labels(ofPoint: result.point).map { " --set \(shellQuoted($0))" }.joined()
        return "fleettop watch --drill \(shellQuoted(r.campaign.drill)) --seed \(result.seed)\(sets)"
    }

    private static func worstLines(_ r: CampaignReport) -> [(check: String, value: String, run: String, replay: String)] {
        r.checks.compactMap { s in
            guard let run = s.worstRun, let value = s.worstValue else { return nil }
            return (TextSanitizer.strip(s.text), s.unit.format(value), runName(run, r), replayCommand(run, r))
        }
    }

    /// The slowest runs by wall time, for the terminal (wall times stay out of reports: they differ
    /// from machine to machine), each with its replay command.
    public static func slowest(_ records: [CampaignRunRecord], report r: CampaignReport, count: Int = 3) -> String {
        let slow = records.sorted { ($0.wallS, $1.result.run) > ($1.wallS, $0.result.run) }.prefix(count)
        guard !slow.isEmpty else { return "" }
        return "slowest runs (wall time)\n" + slow.map { rec in
            "  \(String(format: "%.1f s", rec.wallS)) \(runName(rec.result.run, r)) — \(replayCommand(rec.result.run, r))\n"
        }.joined()
    }

    /// A word for a POSIX shell: as is when safe, else in single quotes.
    static func shellQuoted(_ s: String) -> String {
        let safe = s.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_./=%+:,@".unicodeScalars.contains($0)) }
        return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

}

fileprivate extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
