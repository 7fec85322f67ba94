import ArgumentParser
import FleetExport
import FleetSim
import Foundation

/// `fleettop drill`'s metrics options: the drill's series as an OpenMetrics file, and alerting rules
/// evaluated over them by Prometheus's own engine (promtool).
struct DrillMetricsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the drill's series (Prometheus/DCGM/vLLM names, timestamped) as OpenMetrics for `promtool tsdb create-blocks-from openmetrics`.", valueName: "path"))
    var openmetrics: String?

    @Option(help: ArgumentHelp("Simulated time between the samples of --openmetrics (default 1m, Prometheus's default scrape interval).", valueName: "duration"))
    var openmetricsStep: String?

    @Option(help: ArgumentHelp("Wall time that simulated 0:00 maps to in --openmetrics: Unix seconds or RFC 3339 (default 2026-01-01T00:00:00Z).", valueName: "time"))
    var openmetricsEpoch: String?

    @Option(help: ArgumentHelp("Evaluate these Prometheus alerting rules over the drill's series with promtool; the report says which fired, when, and how long after the first fault.", valueName: "rules.yml"))
    var alertRules: String?

    @Option(help: ArgumentHelp("Simulated time between rule evaluations of --alert-rules (default 15s); --openmetrics-step must be a multiple of it.", valueName: "duration"))
    var alertStep: String?

    @Option(help: ArgumentHelp("Export GPUs one by one (DCGM names) up to this many GPUs; a larger fleet is exported per rack.", valueName: "n"))
    var metricsGpuLimit: Int = ExportColumns.defaultGPULimit

    /// Simulated seconds between OpenMetrics samples, and between rule evaluations.
    static let defaultStepSeconds = 60.0
    static let defaultAlertStepSeconds = 15.0

    /// The checked options: the step the drill is sampled at, every how many samples the file takes one.
    struct Plan {
        var recordStep: Double
        var fileEvery: Int
        var epoch: Double
        var rules: AlertRules?
        var promtool: Promtool?
    }

    static func step(_ text: String?, option: String, default value: Double) throws -> Double {
        guard let text else { return value }
        guard let s = QuantityText.parseDuration(text[...]), s >= 1, s <= 3600, s == s.rounded() else {
            throw UserFailure(message: "fleettop drill: \(option) '\(text)': expected whole seconds from 1s to 1h, e.g. 15s")
        }
        return s
    }

    /// True when the drill must be run with its series kept.
    var isActive: Bool { openmetrics != nil || alertRules != nil }

    /// Checks the options and the drills before any runs: a usable step, epoch and GPU limit, a
    /// rules file that promtool can read, and every `alerts:` entry naming one of its alerts.
    func check(_ drills: [DrillFile]) throws -> Plan {
        let fileStep = try Self.step(openmetricsStep, option: "--openmetrics-step", default: Self.defaultStepSeconds)
        let alertStep = try Self.step(self.alertStep, option: "--alert-step", default: Self.defaultAlertStepSeconds)
        var plan = Plan(recordStep: fileStep, fileEvery: 1, epoch: 0)
        if alertRules != nil {
            plan.recordStep = alertStep
            guard openmetrics == nil || fileStep.truncatingRemainder(dividingBy: alertStep) == 0 else {
                throw UserFailure(message: "fleettop drill: --openmetrics-step \(QuantityText.formatDuration(fileStep)) must be a multiple of --alert-step \(QuantityText.formatDuration(alertStep))")
            }
            plan.fileEvery = Int(fileStep / alertStep)
        }
        var epoch = OpenMetricsHistory.defaultEpoch
        if let text = openmetricsEpoch {
            guard let e = OpenMetricsHistory.parseEpoch(text) else {
                throw UserFailure(message: "fleettop drill: --openmetrics-epoch '\(text)': expected Unix seconds or an RFC 3339 time such as 2026-01-01T00:00:00Z")
            }
            epoch = e
        }
        plan.epoch = epoch
        guard metricsGpuLimit >= 0 else {
            throw UserFailure(message: "fleettop drill: --metrics-gpu-limit \(metricsGpuLimit): expected 0 or more")
        }
        guard let alertRules else {
            if let d = drills.first(where: { !$0.alerts.isEmpty }), let e = d.alerts.first {
                throw Diagnostic(file: d.source, line: e.line, field: "alerts",
                                 message: "the drill expects alerts; give the rules with --alert-rules FILE")
            }
            return plan
        }
        let rules: AlertRules, promtool: Promtool
        do {
            rules = try AlertRules.load(path: alertRules)
            promtool = try Promtool.locate()
            if let problem = try promtool.checkRules(alertRules) {
                throw AlertRulesError(message: "\(alertRules): promtool check rules found problems:\n\(problem)")
            }
        } catch {
            throw UserFailure(message: "fleettop drill: --alert-rules: \(error)")
        }
        for d in drills {
            for (i, e) in d.alerts.enumerated() where !rules.alertNames.contains(e.alert) {
                throw Diagnostic(file: d.source, line: e.line, field: "alerts[\(i)].alert",
                                 message: "no alerting rule '\(e.alert)' in \(alertRules)", expected: rules.alertNames)
            }
        }
        plan.rules = rules
        plan.promtool = promtool
        return plan
    }

    /// Runs a drill keeping its series, writes the OpenMetrics file and evaluates the rules.
    func run(_ drill: DrillFile, fleet: FleetSpec, seed: UInt64?, multiple: Bool,
             progress: ((DrillProgress) -> Void)?) throws -> DrillReport {
        let plan = try check([drill])
        let (drillReport, history) = try DrillRunner.runRecording(drill, fleet: fleet, seed: seed, stepSeconds: plan.recordStep,
                                                              gpuLimit: metricsGpuLimit, progress: progress)
        var report = drillReport
        if let openmetrics {
            let path = multiple ? Self.target(openmetrics, drill: report.name) : openmetrics
            do {
                try OpenMetricsHistory.write(history, epoch: plan.epoch, every: plan.fileEvery, to: path)
            } catch {
                throw UserFailure(message: "fleettop drill: the OpenMetrics file is not saved: \(error)")
            }
            let samples = (history.times.count + plan.fileEvery - 1) / plan.fileEvery
            Stderr.print("fleettop drill: \(history.seriesCount) series × \(samples) samples written to \(path)")
        }
        if let rules = plan.rules, let promtool = plan.promtool {
            let firings: AlertEvaluation.Firings
            do {
                firings = try AlertEvaluation.evaluate(history, rules: rules, promtool: promtool)
            } catch {
                throw UserFailure(message: "fleettop drill: --alert-rules: \(error)")
            }
            let results = AlertEvaluation.results(firings, rules: rules, drill: drill, report: report, sampleTimes: history.times)
            report = report.adding(alerts: results)
        }
        return report
    }

    /// `path` with the drill's slug before the extension (several drills, one option).
    static func target(_ path: String, drill: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let stem = url.deletingPathExtension().path + "-" + DrillReportWriter.slug(drill)
        return ext.isEmpty ? stem : stem + "." + ext
    }
}
