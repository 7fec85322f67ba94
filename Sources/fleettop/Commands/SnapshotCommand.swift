import ArgumentParser
import FleetSim
import Foundation

/// `fleettop snapshot`: run the simulation headless for a while and print one snapshot.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Run the simulation headless for --duration of simulated time and print one snapshot.",
        discussion: """
        Runs as fast as the CPU allows, applying each --exec command at its simulated time (within \
        --duration), e.g.
          fleettop snapshot --duration 10m --exec "60s: fault cooling site=metro-edge hall=1 magnitude=100%" --json
        The JSON (schema fleettop.snapshot/1) is documented in README.md. Exit 1 when a model invariant \
        is violated (listed in the output and on standard error), 2 for bad input.
        """
    )

    @Option(help: ArgumentHelp("Fleet: demo, hyperscale, tiny, or the path of a fleet file.", valueName: "name|path"))
    var fleet = "demo"

    @Option(help: "Random seed.")
    var seed: UInt64 = 7

    @Option(parsing: .unconditional, help: ArgumentHelp("Simulated time to run: 90s, 10m, 2h (at most 30d).", valueName: "duration"))
    var duration = "10m"

    @Option(name: .customLong("exec"), help: ArgumentHelp("A command at a simulated time: \"AT: COMMAND\" (repeatable).", valueName: "at: command"))
    var commands: [String] = []

    @Flag(help: "Print JSON instead of the readable summary.")
    var json = false

    func run() throws {
        try CommandErrors.reporting("fleettop snapshot") {
            guard let seconds = QuantityText.parseDuration(Substring(duration)), seconds >= 0 else {
                throw UserFailure(message: "fleettop snapshot: --duration '\(duration)' is not a duration (90s, 10m, 2h; \(QuantityText.durationLimitText))")
            }
            let timed = try commands.map(TimedCommand.init(parsing:)).sorted { $0.atSeconds < $1.atSeconds }
            if let late = timed.last, late.atSeconds > seconds {
                throw UserFailure(message: "--exec '\(late.text)': at \(QuantityText.formatDuration(late.atSeconds)) is after --duration \(QuantityText.formatDuration(seconds)), so it would never apply")
            }
            let spec = try FleetSource.resolve(fleet)
            let engine = try FleetEngine(spec: spec, seed: seed)
            for command in timed {
                if let problem = engine.validate(command.command) {
                    throw UserFailure(message: "--exec '\(command.text)': \(problem)")
                }
            }
            for command in timed {
                engine.advance(seconds: command.atSeconds - engine.simTime)
                if case .rejected(let why) = engine.apply(command.command) {
                    throw UserFailure(message: "--exec '\(command.text)': \(why)")
                }
            }
            engine.advance(seconds: seconds - engine.simTime)
            let snapshot = engine.snapshot()
            print(json ? SnapshotReport.json(snapshot) : SnapshotReport.summary(snapshot))
            if !snapshot.invariantViolations.isEmpty {
                throw UserFailure(message: "fleettop snapshot: \(snapshot.invariantViolations.count) model invariant(s) violated: "
                    + snapshot.invariantViolations.joined(separator: "; "), status: 1)
            }
        }
    }
}
