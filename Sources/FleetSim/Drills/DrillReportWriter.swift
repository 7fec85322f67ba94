import Foundation

/// Renders a `DrillReport` as plain text (for a terminal), Markdown (for a ticket or a handout) or
/// JSON (`fleettop.drill-report/1`), and writes files atomically.
public enum DrillReportWriter {
    /// A file-name part from a drill name: lowercase letters and digits, one `-` between words
    /// ("total metro cooling loss (stop condition)" → "total-metro-cooling-loss-stop-condition").
    public static func slug(_ name: String) -> String {
        let words = name.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "drill" : words.joined(separator: "-")
    }

    /// The report for a terminal: verdict first, then checks, method, timeline.
    public static func text(_ r: DrillReport) -> String {
        var out = "drill: \(TextSanitizer.strip(r.name)) — \(r.verdict.rawValue.uppercased()) (exit \(r.exitStatus))\n"
        out += "fleet \(TextSanitizer.strip(r.fleet)) · seed \(r.seed) · \(ClockText.elapsed(r.endedAtS)) of \(ClockText.elapsed(r.durationS)) simulated · \(TextSanitizer.strip(r.source))\n"
        if !r.description.isEmpty { out += "\(TextSanitizer.strip(r.description))\n" }
        if !r.invariantViolations.isEmpty {
            out += "\nmodel invariants violated\n" + r.invariantViolations.map { "  ✘ \(TextSanitizer.strip($0))\n" }.joined()
        }
        for role in DrillCheck.Role.allCases {
            let checks = r.checks.filter { $0.role == role }
            guard !checks.isEmpty else { continue }
            out += role == .steadyState ? "\nsteady state\n" : "\nstop conditions\n"
            let width = checks.map(\.text.count).max() ?? 0
            for c in checks {
                let mark = c.held ? "✔" : "✘"
                out += "  \(mark) \(c.text.padding(toLength: width, withPad: " ", startingAt: 0))  \(evaluationSummary(c))\n"
            }
        }
        if !r.steps.isEmpty {
            out += "\nmethod\n"
            for s in r.steps { out += "  \(paddedClock(s.atS))  \(s.applied ? "" : "skipped ")\(TextSanitizer.strip(s.command))\n" }
        }
        if let a = r.abort {
            out += "\naborted at \(ClockText.elapsed(a.atS)): stop condition \(a.condition) (value \(abortValue(r, a)))\n"
        }
        if !r.rollback.isEmpty {
            out += "\nrollback\n"
            for s in r.rollback { out += "  \(paddedClock(s.atS))  \(TextSanitizer.strip(s.command))\n" }
        }
        if !r.timeline.isEmpty {
            out += "\ntimeline\n"
            for e in r.timeline { out += "  \(timelineLine(e))\n" }
        }
        out += alertsText(r)
        out += "\nverdict: \(verdictSentence(r))\n"
        return out
    }

    /// The report as Markdown.
    public static func markdown(_ r: DrillReport) -> String {
        var out = "# Drill: \(TextSanitizer.strip(r.name))\n\n"
        out += "**Verdict: \(r.verdict.rawValue)** (exit \(r.exitStatus)) — \(verdictSentence(r))\n\n"
        if !r.description.isEmpty { out += "\(TextSanitizer.strip(r.description))\n\n" }
        out += "Fleet `\(TextSanitizer.strip(r.fleet))`, seed \(r.seed), \(ClockText.elapsed(r.endedAtS)) of \(ClockText.elapsed(r.durationS)) simulated, from `\(TextSanitizer.strip(r.source))`.\n\n"
        if !r.checks.isEmpty {
            out += "## Checks\n\n| | check | role | evaluations |\n|---|---|---|---|\n"
            for c in r.checks {
                out += "| \(c.held ? "✔" : "✘") | `\(c.text)` | \(c.role == .steadyState ? "steady state" : "stop condition") | \(evaluationSummary(c)) |\n"
            }
            out += "\n"
        }
        if !r.steps.isEmpty {
            out += "## Method\n\n| at | command | applied |\n|---|---|---|\n"
            for s in r.steps { out += "| \(ClockText.elapsed(s.atS)) | `\(TextSanitizer.strip(s.command))` | \(s.applied ? "yes" : "skipped") |\n" }
            out += "\n"
        }
        if let a = r.abort {
            out += "## Abort\n\nStop condition `\(a.condition)` fired at \(ClockText.elapsed(a.atS)) (value \(abortValue(r, a))); the rest of the method was skipped.\n\n"
        }
        if !r.rollback.isEmpty {
            out += "## Rollback\n\n"
            for s in r.rollback { out += "- \(ClockText.elapsed(s.atS)) `\(TextSanitizer.strip(s.command))`\n" }
            out += "\n"
        }
        out += alertsMarkdown(r)
        if !r.timeline.isEmpty {
            out += "## Timeline\n\n| start | lasted | what |\n|---|---|---|\n"
            for e in r.timeline {
                out += "| \(ClockText.elapsed(e.startS)) | \(e.endS.map { ClockText.elapsed($0 - e.startS) } ?? "ongoing") | \(e.kind): \(TextSanitizer.strip(e.text))\(e.repeats > 1 ? " ×\(e.repeats)" : "") |\n"
            }
        }
        return out
    }

    /// The report as pretty, key-sorted JSON with snake_case keys.
    public static func json(_ r: DrillReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(r), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text + "\n"
    }

    /// Writes text to `path` atomically: a temporary file in the same folder, then a rename, so a
    /// half-written report never exists under the final name, and no temporary file is left when
    /// the write fails (`AtomicFile`).
    public static func writeAtomically(_ contents: String, to path: String) throws(FileWriteError) {
        try AtomicFile.write(Data(contents.utf8), to: path)
    }

    /// One sentence: which checks failed, or that all held.
    public static func verdictSentence(_ r: DrillReport) -> String {
        switch r.verdict {
        case .passed: return "every check held"
        case .aborted: return "stopped early: \(r.abort?.condition ?? "a stop condition fired"); rollback applied"
        case .failed:
            let failed = r.failedChecks.filter { $0.role == .steadyState }.map(\.text)
                + (r.invariantViolations.isEmpty ? [] : ["model invariants (\(r.invariantViolations.count) violated)"])
                + r.failedAlerts
            return "did not hold: " + failed.joined(separator: "; ")
        }
    }

    static func evaluationSummary(_ c: DrillReport.Check) -> String {
        let unit = c.unit
        var parts = c.evaluations.filter { $0.phase != "during" }.map { e in
            "\(e.phase) \(e.value.map(unit.format) ?? "absent")\(e.met == (c.role == .steadyState) ? "" : " ✘")"
        }
        if let s = c.continuousSummary {
            var during = "during \(s.failing)/\(s.evaluations) s \(c.role == .steadyState ? "failing" : "met")"
            if let w = s.worstValue { during += ", worst \(unit.format(w))" }
            if s.longestBreachS > 0 { during += ", longest \(QuantityText.formatDuration(s.longestBreachS))" }
            parts.append(during)
        }
        return parts.joined(separator: " · ")
    }

    static func timelineLine(_ e: DrillReport.TimelineEntry) -> String {
        let lasted = e.endS.map { $0 - e.startS < 1 ? "0s" : QuantityText.formatDuration(($0 - e.startS).rounded()) } ?? "ongoing"
        let kind = e.kind.padding(toLength: 10, withPad: " ", startingAt: 0)
        let lastedColumn = lasted.padding(toLength: 8, withPad: " ", startingAt: 0)
        return "\(paddedClock(e.startS))  \(lastedColumn) \(kind) \(TextSanitizer.strip(e.text))\(e.repeats > 1 ? " ×\(e.repeats)" : "")\(e.injected ? " (drill)" : "")"
    }

    /// The stop condition's value written in its metric's unit.
    static func abortValue(_ r: DrillReport, _ a: DrillReport.Abort) -> String {
        guard let v = a.value else { return "absent" }
        let unit = r.checks.first { $0.role == .stopWhen && $0.text == a.condition }?.unit ?? .plain
        return unit.format(v)
    }

    /// `ClockText.elapsed` right-aligned to seven characters, so columns line up past ten minutes and an hour.
    static func paddedClock(_ seconds: Double) -> String {
        let c = ClockText.elapsed(seconds)
        return String(repeating: " ", count: max(0, 7 - c.count)) + c
    }
}
