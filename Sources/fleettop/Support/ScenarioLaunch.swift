import FleetSim
import Foundation

/// Loading and checking what a live scenario needs before the terminal opens, so a bad file is
/// reported on a normal screen with file, line and field.
enum ScenarioLaunch {
    /// A drill by built-in name or path.
    static func loadDrill(_ nameOrPath: String) throws -> DrillFile {
        try DrillCatalog.load(nameOrPath)
    }

    /// Checks a drill's sites, halls and metrics against the runner's first snapshot, and every
    /// command against its fleet (before the runner starts).
    static func validate(_ drill: DrillFile, runner: SimRunner) throws {
        try drill.validateCommands(runner.validate)
        guard let first = runner.hub.latest else { return }
        try drill.validate(against: first)
    }

    /// The default report path of a live drill: `drill-report-<name>` in the working directory.
    static func defaultReportPath(for drill: DrillFile) -> String {
        FileManager.default.currentDirectoryPath + "/drill-report-" + DrillCommand.slug(drill.name)
    }

    /// Opens a recording file, with a plain error when it cannot be written.
    static func recorder(path: String, fleet: String, seed: UInt64) throws -> SessionRecorder {
        do {
            return try SessionRecorder(path: path, fleet: fleet, seed: seed)
        } catch {
            throw UserFailure(message: "fleettop: the recording is not started: \(error)")
        }
    }
}
