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

    /// `--markdown` names the headless handout's file, so it needs `--headless`.
    func validate() throws {
        if markdown != nil && !headless && !list { throw ValidationError("--markdown goes with --headless") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        try CommandErrors.reporting("fleettop demo") {
            if list { return listStories() }
            let file = try StoryCatalog.load(story ?? StoryCatalog.defaultEntry.name)
            let spec: FleetSpec
            if let fleet { spec = try FleetSource.resolve(fleet) } else if let preset = try HeadlessDrill.presetFleet(for: file.drill) {
                spec = preset
            } else {
                spec = try FleetSource.resolve(file.drill.fleet)
            }
            let seed = self.seed ?? file.drill.seed
            if headless { return try writeHandout(file, spec: spec, seed: seed) }
            let launch = try LiveLaunch(config: try display.loadConfig(environment: environment), display: display,
                                        environment: environment, headless: "for a handout use `fleettop demo --headless --markdown PATH`")
            let makeRunner: LiveDashboard.RunnerFactory = { scenario, speed in
                let runner = try SimRunner(spec: spec, seed: seed, speed: speed, scenario: scenario)
                try file.drill.validateCommands(runner.validate)
                try file.validate(against: runner.hub.latest ?? FleetEngine(spec: spec, seed: seed).currentSnapshot())
                return runner
            }
            let start = launch.speed(speed)
            let scenario = LiveStory(story: file, auto: !manual, pace: start)
            let runner = try makeRunner(scenario, start)
            let status = try launch.run(runner: runner, presenter: StoryPresenter(story: file, scenario: scenario),
                                        restart: makeRunner, metrics: metricsOptions, command: "fleettop demo")
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
        let handout = try HeadlessStory.run(file, fleet: spec, seed: seed)
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
