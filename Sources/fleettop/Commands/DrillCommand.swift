import ArgumentParser
import FleetSim
import Foundation

/// `fleettop drill`: run failure drills headless and report whether the fleet held.
struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Run failure drills headless; exit 0 when every check held, 1 when one failed, 2 for a bad file.",
        discussion: """
        A drill is a built-in name (see --list) or a YAML file. Reports go to the terminal as text, and with \
        --json / --markdown to files, written whole or not at all. With several drills, each report file gets \
        the drill's name before its extension.
        Campaigns: --seeds runs the drill on many seeds, --vary sweeps a value, --jobs runs them side by side, \
        --shard I/N runs one slice; `fleettop drill merge PARTS... --json PATH --markdown PATH` merges the slices.
        """
    )

    @Argument(help: ArgumentHelp("Built-in drill names or drill files.", valueName: "name|path"))
    var drills: [String] = []

    @Flag(help: "List the built-in drills.")
    var list = false

    @Option(help: ArgumentHelp("Print a built-in drill's YAML (to copy and edit).", valueName: "name"))
    var show: String?

    @Flag(help: "List every metric path a drill can check, with units.")
    var metrics = false

    @Option(help: ArgumentHelp("Turn a recording (fleettop watch --record) into a drill file, printed.", valueName: "path"))
    var fromRecording: String?

    @Option(help: "Override each drill's seed.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Write the JSON report (schema fleettop.drill-report/1) here.", valueName: "path"))
    var json: String?

    @Option(help: ArgumentHelp("Write a Markdown report here.", valueName: "path"))
    var markdown: String?

    @Flag(help: "No progress bar, only the report.")
    var quiet = false

    @OptionGroup(title: "Campaigns (many seeds, sweeps, shards)")
    var campaign: DrillCampaignOptions

    @OptionGroup(title: "Metrics") var metricsExport: DrillMetricsOptions

    func run() throws {
        try CommandErrors.reporting("fleettop drill") {
            if list { return listDrills() }
            if let show { return try showDrill(show) }
            if metrics { return try listMetrics() }
            if let fromRecording { return try convert(fromRecording) }
            if drills.first == "merge" {
                guard !campaign.isCampaign else { throw UserFailure(message: "fleettop drill merge: takes part files, --json and --markdown only") }
                return try DrillMerge(parts: Array(drills.dropFirst()), json: json, markdown: markdown).run()
            }
            guard !drills.isEmpty else {
                throw UserFailure(message: "fleettop drill: name a drill (built-in: \(DrillCatalog.builtIn.map(\.name).joined(separator: ", "))) or a file; --list shows them")
            }
            let loaded = try campaign.applySettings(to: drills.map(loadDrill))
            if campaign.isCampaign {
                if metricsExport.isActive {
                    throw UserFailure(message: "fleettop drill: --openmetrics and --alert-rules follow one run; a campaign (--seeds, --vary, --shard) cannot take them")
                }
                return try DrillCampaignRun(options: campaign, seed: seed, json: json, markdown: markdown, quiet: quiet)
                    .run(references: drills, loaded: loaded)
            }
            if metricsExport.isActive || loaded.contains(where: { !$0.0.alerts.isEmpty }) { _ = try metricsExport.check(loaded.map(\.0)) }
            var statuses: [DrillExitStatus] = []
            for (drill, fleet) in loaded {
                let report = try runDrill(drill, fleet: fleet, multiple: loaded.count > 1)
                print(DrillReportWriter.text(report))
                try writeReports(report, multiple: loaded.count > 1)
                statuses.append(DrillExitStatus(rawValue: report.exitStatus) ?? .failed)
            }
            let status = DrillExitStatus.combined(statuses)
            if status != .passed { throw ExitCode(status.rawValue) }
        }
    }

    private func listDrills() {
        for entry in DrillCatalog.builtIn {
            let drill = try? entry.drill()
            let summary = drill.map { "\($0.name) — \(Self.firstSentence($0.description))" } ?? ""
            print("\(entry.name.padding(toLength: 28, withPad: " ", startingAt: 0)) designed to \(entry.designedTo.padding(toLength: 6, withPad: " ", startingAt: 0)) \(summary)")
        }
        print("\nRun one: fleettop drill NAME · copy one: fleettop drill --show NAME > my.yaml · live: fleettop watch --drill NAME")
    }

    private func showDrill(_ name: String) throws {
        guard let entry = DrillCatalog.entry(named: name) else {
            throw UserFailure(message: "fleettop drill: no built-in drill '\(TextSanitizer.clean(name))' — expected one of "
                + DrillCatalog.builtIn.map(\.name).joined(separator: ", "))
        }
        print(entry.yaml, terminator: entry.yaml.hasSuffix("\n") ? "" : "\n")
    }

    private func listMetrics() throws {
        let spec = try FleetSource.resolve("demo")
        let snapshot = try FleetEngine(spec: spec, seed: 7).snapshot()
        print("Metric paths (sites and halls of the demo fleet shown; other fleets use their own names):")
        for path in MetricPath.all(in: snapshot) {
            print("  \(path.text.padding(toLength: 44, withPad: " ", startingAt: 0)) \(path.unit.symbol.padding(toLength: 22, withPad: " ", startingAt: 0)) \(path.summary)")
        }
    }

    private func convert(_ path: String) throws {
        let recording = try SessionRecording.load(path: path)
        for warning in recording.warnings { Stderr.print("warning: " + TextSanitizer.clean(warning)) }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        print(SessionRecordingDrill.yaml(from: recording, name: name, source: path), terminator: "")
    }

    private func loadDrill(_ nameOrPath: String) throws -> (DrillFile, FleetSpec) {
        let drill = try DrillCatalog.load(nameOrPath)
        if let preset = try DrillRunner.presetFleet(for: drill) { return (drill, preset) }
        let base = URL(fileURLWithPath: drill.source).deletingLastPathComponent()
        let fleetPath = drill.fleet.hasPrefix("/") ? drill.fleet : base.appendingPathComponent(drill.fleet).path
        return (drill, try FleetSource.resolve(fleetPath))
    }

    private func runDrill(_ drill: DrillFile, fleet: FleetSpec, multiple: Bool) throws -> DrillReport {
        let bar = (!quiet && isatty(STDERR_FILENO) != 0) ? DrillProgressBar(name: drill.name) : nil
        let progress: ((DrillProgress) -> Void)? = bar.map { b in { b.show($0) } }
        let report = metricsExport.isActive
            ? try metricsExport.run(drill, fleet: fleet, seed: seed, multiple: multiple, progress: progress)
            : try DrillRunner.run(drill, fleet: fleet, seed: seed, progress: progress)
        bar?.finish()
        return report
    }

    private func writeReports(_ report: DrillReport, multiple: Bool) throws {
        func target(_ path: String) -> String {
            guard multiple else { return path }
            let url = URL(fileURLWithPath: path)
            let ext = url.pathExtension
            let stem = url.deletingPathExtension().path + "-" + Self.slug(report.name)
            return ext.isEmpty ? stem : stem + "." + ext
        }
        do {
            if let json { try DrillReportWriter.writeAtomically(DrillReportWriter.json(report), to: target(json)) }
            if let markdown { try DrillReportWriter.writeAtomically(DrillReportWriter.markdown(report), to: target(markdown)) }
        } catch {
            throw UserFailure(message: "fleettop drill: the report is not saved: \(error)")
        }
    }

    static func slug(_ s: String) -> String { DrillReportWriter.slug(s) }

    static func firstSentence(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        if let dot = flat.range(of: ". ") { return String(flat[..<dot.lowerBound]) + "." }
        return flat
    }
}
