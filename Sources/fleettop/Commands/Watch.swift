import ArgumentParser
import FleetDashboard
import FleetSim
import FleetTerminal
import Foundation

/// `fleettop [watch]`: the live dashboard over a running simulation.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The live dashboard (the default command).",
        discussion: "Keys: ? help · q quit · space pause · f fault · s surge · r repair · : command · t theme · p layout"
    )

    @Option(help: ArgumentHelp("Fleet: demo, hyperscale, tiny, or the path of a fleet file.", valueName: "name|path"))
    var fleet: String?

    @Option(help: "Random seed: the same seed, fleet and commands give the same history (default 7, or the drill's).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Simulation speed: 1, 2, 5, 10, 60 (× real time) or max.", valueName: "x"))
    var speed: SpeedArgument?

    @Flag(help: "Refuse every injection (fault, surge, repair); the header says READ-ONLY.")
    var readOnly = false

    @Option(help: ArgumentHelp("Run a drill live (a built-in name, see `fleettop drill --list`, or a drill file); its fleet and seed apply unless --fleet / --seed are given.", valueName: "name|path"))
    var drill: String?

    @Option(help: ArgumentHelp("With --drill: set PATH=VALUE in the drill or its fleet (repeatable, paths as `fleettop drill --vary`), to watch one run of a sweep.", valueName: "path=value"))
    var set: [String] = []

    @Option(help: ArgumentHelp("Record the session as JSON Lines (fleet, seed, every applied command with its tick, end tick) for `fleettop replay`.", valueName: "path"))
    var record: String?

    @Option(help: ArgumentHelp("Where the live drill's summary dialog saves its report (.md and .json are added).", valueName: "path"))
    var report: String?

    @Flag(help: "Print the annotated default config file and exit.")
    var defaultConfig = false

    @OptionGroup var display: DisplayOptions

    @OptionGroup var metricsOptions: MetricsOptions

    /// `--set` changes a drill or its fleet, so it needs `--drill`.
    func validate() throws {
        if !set.isEmpty && drill == nil { throw ValidationError("--set changes a drill or its fleet: give --drill NAME") }
    }

    func run() throws {
        if defaultConfig {
            print(DefaultConfig.text, terminator: DefaultConfig.text.hasSuffix("\n") ? "" : "\n")
            return
        }
        let environment = ProcessInfo.processInfo.environment
        try CommandErrors.reporting("fleettop") {
            let config = try display.loadConfig(environment: environment)
            var drillFile = try drill.map(ScenarioLaunch.loadDrill)
            let fleetName = fleet ?? drillFile?.fleet ?? config.fleet
            var spec = try ConfigOrigin.attributing("fleet", named: fleetName, in: config,
                                                    when: fleet == nil && drillFile?.fleet == nil) { try FleetSource.resolve(fleetName) }
            if let d = drillFile, !set.isEmpty { (drillFile, spec) = try DrillCampaignOptions.apply(set, to: d, fleet: spec) }
            let seed = self.seed ?? drillFile?.seed ?? DrillFile.defaultSeed
            let launch = try LiveLaunch(config: config, display: display, environment: environment,
                                        headless: "for a headless run use `fleettop snapshot` (or `fleettop drill`)")
            let recorder = try record.map { try ScenarioLaunch.recorder(path: $0, fleet: fleetName, seed: seed) }
            var onApplied: (@Sendable (UInt64, SimCommand) -> Void)?
            if let recorder { onApplied = { tick, command in recorder.record(tick: tick, command: command) } }
            var presenter: ScenarioPresenter?
            let runner: SimRunner
            if var drillFile {
                drillFile.seed = seed
                let observer = LiveDrill(drill: drillFile)
                runner = try SimRunner(spec: spec, seed: seed, speed: launch.speed(speed), onCommandApplied: onApplied, scenario: observer)
                try ScenarioLaunch.validate(drillFile, runner: runner)
                presenter = DrillPresenter(scenario: observer, reportPath: report ?? ScenarioLaunch.defaultReportPath(for: drillFile))
            } else {
                runner = try SimRunner(spec: spec, seed: seed, speed: launch.speed(speed), onCommandApplied: onApplied)
            }
            let status = try launch.run(runner: runner, presenter: presenter, recorder: recorder, readOnly: readOnly,
                                        metrics: metricsOptions, command: "fleettop")
            if let failure = recorder?.failure {
                throw UserFailure(message: "fleettop: the recording is incomplete (it ends at its last whole line): \(failure)", status: 1)
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}
