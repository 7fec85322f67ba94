import FleetSim
import Foundation

/// Turns `--fleet` (a preset name or a fleet file path) into a `FleetSpec`, with errors that name the
/// file, line and field.
enum FleetSource {
    static func resolve(_ name: String) throws -> FleetSpec {
        do { return try FleetFile.resolve(name) } catch { throw UserFailure(message: TextSanitizer.clean("\(error)")) }
    }
}
