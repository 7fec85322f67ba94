import FleetSim

/// `fleettop watch --drill`: the header names the drill, its next step and a countdown; the check
/// line shows each check passing or failing as it is evaluated; at the end a dialog gives the verdict
/// and offers to save the report to `reportPath` + `.md` / `.json` (the host writes it, on
/// `DashboardAction.saveReport`); a failed save keeps the dialog open with the reason, to retry or
/// edit the path.
public final class DrillPresenter: ScenarioPresenter {
    public let scenario: LiveDrill
    /// The report's path without its extension.
    public let reportPath: String
    private var summary: ScenarioSummaryDialog?
    private var summaryDone = false

    /// Presents `scenario`, offering to save its report at `reportPath`.
    public init(scenario: LiveDrill, reportPath: String) {
        self.scenario = scenario; self.reportPath = reportPath
    }

    /// The summary dialog takes every key while it is open.
    public func intercept(_ key: Key, app: DashboardApp) -> [DashboardAction]? {
        guard var dialog = summary, !summaryDone else { return nil }
        switch dialog.handle(key) {
        case .stay:
            summary = dialog
        case .dismiss:
            summaryDone = true
            app.state.say("report not saved")
        case .save:
            guard let report = scenario.status.report else { summaryDone = true; break }
            summary = dialog
            return [.saveReport(report, path: dialog.path)]
        }
        return []
    }

    public func completed(_ action: DashboardAction, failure: ScenarioFailure?, app: DashboardApp) {
        guard case .saveReport(_, let path) = action else { return }
        if let failure {
            summary?.failure = failure.reason
            app.state.say("report not saved: \(failure)", error: true)
        } else {
            summaryDone = true
            app.state.say("saved " + path + ".md and .json")
        }
    }

    /// Pasted text goes into the report path while it is being edited.
    public func paste(_ text: String) -> Bool {
        guard var dialog = summary, !summaryDone, dialog.paste(text) else { return false }
        summary = dialog
        return true
    }

    public func update(_ state: inout DashboardState, snapshot: Snapshot, keymap: Keymap, ascii: Bool) {
        let status = scenario.status
        let p = status.progress
        var header = "drill: " + ScenarioText.name(status.name, limit: 32)
        var line = ""
        if let report = status.report {
            line = "drill " + report.verdict.rawValue.uppercased()
            header += " · " + report.verdict.rawValue.uppercased()
            if summary == nil {
                var lines = ["Verdict: \(report.verdict.rawValue.uppercased()) — " + DrillReportWriter.verdictSentence(report)]
                lines += report.failedChecks.map { "✘ " + $0.text }
                summary = ScenarioSummaryDialog(title: "drill ended · " + ScenarioText.name(report.name), lines: lines, path: reportPath)
            }
        } else {
            line = "step \(p.stepsApplied)/\(p.stepCount)"
            if let next = p.nextStep, let at = p.nextStepAtSeconds {
                line += " · next " + ScenarioText.name(next, limit: 28) + " in " + ScenarioText.clock(at - snapshot.simTime)
            } else {
                line += " · ends in " + ScenarioText.clock(p.durationSeconds - snapshot.simTime)
            }
            header += " · " + line
        }
        state.scenario = header
        let dialog = summaryDone ? nil : summary
        let hints = dialog != nil && state.modal == nil && state.message == nil ? ScenarioSummaryDialog.hints : nil
        state.scenarioView = ScenarioView(checks: status.checks, status: line, summary: dialog, hints: hints)
    }
}
