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

    @Option(help: "Random seed: the same seed, fleet and commands give the same history.")
    var seed: UInt64 = 7

    @Option(help: ArgumentHelp("Simulation speed: 1, 2, 5, 10, 60 (× real time) or max.", valueName: "x"))
    var speed: SpeedArgument?

    @Flag(help: "Refuse every injection (fault, surge, repair); the header says READ-ONLY.")
    var readOnly = false

    @Flag(help: "Print the annotated default config file and exit.")
    var defaultConfig = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        if defaultConfig {
            print(DefaultConfig.text, terminator: DefaultConfig.text.hasSuffix("\n") ? "" : "\n")
            return
        }
        let environment = ProcessInfo.processInfo.environment
        do {
            let config = try display.loadConfig(environment: environment)
            let spec = try FleetSource.resolve(fleet ?? config.fleet)
            let (themes, themeIndex, _) = try display.loadThemes(selected: display.theme ?? config.theme, environment: environment)
            let refresh = display.refresh ?? config.refreshMilliseconds
            guard FleetConfig.refreshRange.contains(refresh) else {
                throw UserFailure(message: "fleettop: --refresh \(refresh): expected \(FleetConfig.refreshRange.lowerBound)…\(FleetConfig.refreshRange.upperBound) ms")
            }
            if let reason = TerminalCheck.refusal(environment: environment) {
                throw UserFailure(message: "fleettop: \(reason), so the dashboard is not drawn; "
                    + "for a headless run use `fleettop snapshot` (or `fleettop drill`)")
            }
            let runner = try SimRunner(spec: spec, seed: seed, speed: speed?.speed ?? config.speed)
            let status = try LiveRun.run(runner: runner, themes: themes, themeIndex: themeIndex, keymap: config.keymap,
                                         readOnly: readOnly, refresh: refresh, display: display, environment: environment)
            if status != 0 { throw ExitCode(status) }
        } catch let failure as UserFailure {
            Stderr.print(failure.message)
            throw ExitCode(failure.status)
        }
    }
}
