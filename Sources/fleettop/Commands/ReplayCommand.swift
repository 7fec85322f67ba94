import ArgumentParser
import FleetDashboard
import FleetSim
import Foundation

/// `fleettop replay PATH`: plays a recorded session (`watch --record`) back in the dashboard.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recorded session back in the dashboard (same fleet and seed, commands at their recorded ticks).",
        discussion: "Injections are refused while replaying; the run holds at the recording's end. Keys as in `fleettop watch`, "
            + "plus seeking: [ ] ±10 s, { } ±1 min, Home/End the start/end, G a time (12:30, 90s) or tick (#1234)."
    )

    @Argument(help: ArgumentHelp("A recording written by `fleettop watch --record`.", valueName: "path"))
    var path: String

    @Option(help: ArgumentHelp("Playback speed: 1, 2, 5, 10, 60 (× real time) or max.", valueName: "x"))
    var speed: SpeedArgument?

    @OptionGroup var display: DisplayOptions

    @OptionGroup var metricsOptions: MetricsOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        try CommandErrors.reporting("fleettop replay") {
            let recording = try SessionRecording.load(path: path)
            for warning in recording.warnings { Stderr.print("warning: " + TextSanitizer.clean(warning)) }
            let config = try display.loadConfig(environment: environment)
            let spec = try FleetSource.resolve(recording.fleet)
            let (themes, themeIndex, _) = try display.loadThemes(config: config, environment: environment)
            let refresh = display.refresh ?? config.refreshMilliseconds
            if let reason = TerminalCheck.refusal(environment: environment) {
                throw UserFailure(message: "fleettop: \(reason), so the dashboard is not drawn; "
                    + "to turn the recording into a headless drill use `fleettop drill --from-recording`")
            }
            let name = URL(fileURLWithPath: path).lastPathComponent
            let controller = try ScenarioReplayController(recording: recording, name: name, speed: speed?.speed ?? config.speed) {
                try SimRunner(spec: spec, seed: recording.seed, speed: $1, scenario: $0)
            }
            let metrics = try metricsOptions.endpoint(command: "fleettop replay")
            let status = try LiveRun.run(runner: controller.runner, scenario: controller, themes: themes, themeIndex: themeIndex,
                                         keymap: config.keymap, readOnly: false, refresh: refresh, display: display,
                                         environment: environment, metrics: metrics)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
