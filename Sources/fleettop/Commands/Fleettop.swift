import ArgumentParser
import FleetTerminal
import Foundation

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

    /// Runs the command line. Usage errors exit 2 (README, DESIGN §6), not the parser's 64, and
    /// standard output is checked before any exit (`StandardOutput`).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            StandardOutput.exit(0)
        } catch let exit as ExitCode {
            StandardOutput.exit(exit.rawValue)
        } catch {
            guard exitCode(for: error) == .validationFailure else {
                StandardOutput.flush()
                self.exit(withError: error)
            }
            Stderr.print(fullMessage(for: error))
            StandardOutput.exit(2)
        }
    }
}
