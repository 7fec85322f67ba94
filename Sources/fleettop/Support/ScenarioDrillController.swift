import FleetDashboard
import FleetSim
import FleetTerminal
import Foundation

/// `fleettop watch --drill`: the header names the drill, its next step and a countdown; the check
/// line shows each check passing or failing as it is evaluated; at the end a dialog gives the verdict
/// and offers to save the report (Markdown and JSON, atomically) to `reportPath` + `.md` / `.json`;
/// a failed save keeps the dialog open with the reason, to retry or edit the path.
final class ScenarioDrillController: ScenarioController {
    let runner: SimRunner
    let scenario: ScenarioDrill
    /// The report's path without its extension.
    let reportPath: String
    private var summary: ScenarioSummaryDialog?
    private var summaryDone = false

    init(runner: SimRunner, scenario: ScenarioDrill, reportPath: String) {
        self.runner = runner; self.scenario = scenario; self.reportPath = reportPath
    }

    /// The default report path: `drill-report-<name>` in the working directory.
    static func defaultReportPath(for drill: DrillFile) -> String {
        FileManager.default.currentDirectoryPath + "/drill-report-" + DrillCommand.slug(drill.name)
    }

    func handle(_ key: Key, app: DashboardApp) -> LoopAction? {
        guard var dialog = summary, !summaryDone else { return nil }
        switch dialog.handle(key) {
        case .stay:
            summary = dialog
        case .dismiss:
            summaryDone = true
            app.state.say("report not saved")
        case .save:
            guard let report = scenario.status.report else { summaryDone = true; break }
            let path = dialog.path
            do {
                try DrillReportWriter.writeAtomically(DrillReportWriter.markdown(report), to: path + ".md")
                try DrillReportWriter.writeAtomically(DrillReportWriter.json(report), to: path + ".json")
                summaryDone = true
                app.state.say("saved " + path + ".md and .json")
            } catch {
                dialog.failure = error.reason
                summary = dialog
                app.state.say("report not saved: \(error)", error: true)
            }
        }
        return .proceed
    }

    /// Pasted text goes into the report path while it is being edited.
    func paste(_ text: String) -> Bool {
        guard var dialog = summary, !summaryDone, dialog.paste(text) else { return false }
        summary = dialog
        return true
    }

    func update(_ state: inout DashboardState, snapshot: Snapshot, ascii: Bool) {
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
        let hints: [FooterBar.Hint]? = dialog != nil && state.modal == nil && state.message == nil
            ? [.init("y", "save"), .init("n/Esc", "don't save"), .init("e", "edit path"), .init("Enter", "highlighted (No)"), .init("Tab", "toggle")] : nil
        state.scenarioView = ScenarioView(checks: status.checks, status: line, summary: dialog, hints: hints)
    }
}
