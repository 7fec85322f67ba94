import ArgumentParser
import FleetDashboard
import FleetSim
import Foundation

/// `fleettop demo`: the narrated story of agentic load meeting physical limits, on the live dashboard,
/// or headless as a Markdown handout with the live numbers.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a narrated story on the live dashboard (→/space next chapter, ← previous, a auto-advance, q quit).",
        discussion: "A story is a built-in name (see --list) or a story file: a drill with chapters and captions."
    )

    @Argument(help: ArgumentHelp("A built-in story name or a story file (default: the built-in story).", valueName: "name|path"))
    var story: String?

    @Flag(help: "List the built-in stories.")
    var list = false

    @Flag(help: "Play the story headless as fast as possible; with --markdown, write the handout there, else print it.")
    var headless = false

    @Option(help: ArgumentHelp("With --headless: write the handout (Markdown, atomically) here.", valueName: "path"))
    var markdown: String?

    @Option(help: ArgumentHelp("Fleet preset instead of the story's.", valueName: "name"))
    var fleet: String?

    @Option(help: "Random seed instead of the story's.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Starting speed (the story may set its own pace): 1, 2, 5, 10, 60 or max.", valueName: "x"))
    var speed: SpeedArgument?

    @Flag(help: "Start with auto-advance off: the simulation holds at each chapter's end until →.")
    var manual = false

    @OptionGroup var display: DisplayOptions

    @OptionGroup var metricsOptions: MetricsOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        try CommandErrors.reporting("fleettop demo") {
            if list { return listStories() }
            if markdown != nil && !headless { throw UserFailure(message: "fleettop demo: --markdown goes with --headless") }
            let file = try StoryCatalog.load(story ?? StoryCatalog.defaultEntry.name)
            let spec: FleetSpec
            if let fleet { spec = try FleetSource.resolve(fleet) } else if let preset = try DrillRunner.presetFleet(for: file.drill) {
                spec = preset
            } else {
                spec = try FleetSource.resolve(file.drill.fleet)
            }
            let seed = self.seed ?? file.drill.seed
            if headless { return try writeHandout(file, spec: spec, seed: seed) }
            let config = try display.loadConfig(environment: environment)
            let (themes, themeIndex, _) = try display.loadThemes(config: config, environment: environment)
            let refresh = display.refresh ?? config.refreshMilliseconds
            if let reason = TerminalCheck.refusal(environment: environment) {
                throw UserFailure(message: "fleettop: \(reason), so the dashboard is not drawn; "
                    + "for a handout use `fleettop demo --headless --markdown PATH`")
            }
            let controller = try ScenarioStoryController(story: file, spec: spec, seed: seed, auto: !manual,
                                                         speed: speed?.speed ?? config.speed) { scenario, speed in
                let runner = try SimRunner(spec: spec, seed: seed, speed: speed, scenario: scenario)
                try file.drill.validateCommands(runner.validate)
                try file.validate(against: runner.hub.latest ?? FleetEngine(spec: spec, seed: seed).currentSnapshot())
                return runner
            }
            let metrics = try metricsOptions.endpoint(command: "fleettop demo")
            let status = try LiveRun.run(runner: controller.runner, scenario: controller, themes: themes, themeIndex: themeIndex,
                                         keymap: config.keymap, readOnly: false, refresh: refresh, display: display,
                                         environment: environment, metrics: metrics)
            if status != 0 { throw ExitCode(status) }
        }
    }

    private func listStories() {
        for entry in StoryCatalog.builtIn {
            let parsed = try? entry.story()
            let chapters = parsed.map { "\($0.chapters.count) chapters, \(ClockText.elapsed($0.drill.durationSeconds)) simulated" } ?? ""
            print("\(entry.name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(parsed.map { TextSanitizer.clean($0.drill.name) } ?? "") · \(chapters)")
        }
        print("\nPlay one: fleettop demo NAME · handout: fleettop demo NAME --headless --markdown story.md")
    }

    private func writeHandout(_ file: StoryFile, spec: FleetSpec, seed: UInt64) throws {
        let handout = try StoryRunner.run(file, fleet: spec, seed: seed)
        guard let markdown else {
            print(handout.markdown, terminator: "")
            return
        }
        do {
            try DrillReportWriter.writeAtomically(handout.markdown, to: markdown)
        } catch {
            throw UserFailure(message: "fleettop demo: the handout is not saved: \(error)")
        }
        Stderr.print("fleettop demo: handout written to \(markdown) (\(handout.chapters.count) chapters, verdict \(handout.report.verdict.rawValue))")
    }
}
