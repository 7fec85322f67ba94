import ArgumentParser
import FleetSim
import Foundation

/// `fleettop snapshot`: run the simulation headless for a while and print one snapshot, or one per `--every`.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Run the simulation headless for --duration of simulated time and print one snapshot.",
        discussion: """
        Runs as fast as the CPU allows, applying each --exec command at its simulated time (within \
        --duration), e.g.
          fleettop snapshot --duration 10m --exec "60s: fault cooling site=metro-edge hall=1 magnitude=100%" --json
        With --every, one snapshot per interval (with --json, one JSON object per line: a time series \
        to plot or diff), e.g.
          fleettop snapshot --fleet hyperscale --duration 10m --every 1s --json > run.jsonl
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

    @Option(parsing: .unconditional, help: ArgumentHelp("Also print a snapshot every this much simulated time (1s, 30s, 5m).", valueName: "duration"))
    var every: String?

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
            let interval = try every.map { text -> Double in
                guard let value = QuantityText.parseDuration(Substring(text)), value > 0 else {
                    throw UserFailure(message: "fleettop snapshot: --every '\(text)' is not a positive duration (1s, 30s, 5m)")
                }
                guard seconds / value <= 1_000_000 else {
                    throw UserFailure(message: "fleettop snapshot: --every '\(text)' would print more than a million snapshots over --duration \(duration)")
                }
                return value
            }
            let spec = try FleetSource.resolve(fleet)
            let engine = try FleetEngine(spec: spec, seed: seed)
            for command in timed {
                if let fleetCommand = command.command.fleetCommand, let problem = engine.validate(fleetCommand) {
                    throw UserFailure(message: "--exec '\(command.text)': \(problem)")
                }
            }
            var pending = timed[...]
            var samples = interval.map { step in stride(from: 1, through: (seconds / step).rounded(.down), by: 1).map { $0 * step } } ?? []
            if samples.last != seconds { samples.append(seconds) }
            var snapshot = engine.snapshot()
            for sampleAt in samples {
                while let command = pending.first, command.atSeconds <= sampleAt {
                    pending.removeFirst()
                    engine.advance(seconds: command.atSeconds - engine.simTime)
                    // A headless run has no clock: pause, resume, step and speed change nothing here.
                    if let fleetCommand = command.command.fleetCommand, case .rejected(let why) = engine.apply(fleetCommand) {
                        throw UserFailure(message: "--exec '\(command.text)': \(why)")
                    }
                }
                engine.advance(seconds: sampleAt - engine.simTime)
                snapshot = engine.snapshot()
                print(json ? SnapshotReport.json(snapshot) : SnapshotReport.summary(snapshot))
                if !snapshot.invariantViolations.isEmpty { break }
            }
            if !snapshot.invariantViolations.isEmpty {
                throw UserFailure(message: "fleettop snapshot: \(snapshot.invariantViolations.count) model invariant(s) violated: "
                    + snapshot.invariantViolations.joined(separator: "; "), status: 1)
            }
        }
    }
}
