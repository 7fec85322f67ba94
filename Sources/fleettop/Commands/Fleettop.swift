import ArgumentParser

/// The `fleettop` command: a live digital twin of an AI-inference fleet, in a terminal.
@main
struct Fleettop: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "fleettop",
        abstract: "A live digital twin of an AI-inference fleet, in a terminal.",
        discussion: """
        Watch a simulated fleet (sites, halls, racks, GPUs, power, cooling, queues, latency), inject \
        faults and demand surges, run scripted failure drills, and play a narrated demo of agentic load.
        """,
        version: version,
        subcommands: [Watch.self, DemoCommand.self, DrillCommand.self, ReplayCommand.self, SnapshotCommand.self, BenchCommand.self, ValidateCommand.self, ThemesCommand.self],
        defaultSubcommand: Watch.self
    )
}
