import FleetSim
import Foundation

/// Turns `--fleet` (a preset name or a fleet file path) into a `FleetSpec`, with errors that name the
/// file, line and field.
enum FleetSource {
    static func resolve(_ name: String) throws -> FleetSpec {
        do { return try FleetFile.resolve(name) } catch { throw UserFailure(message: Sanitize.line("\(error)")) }
    }
}

/// Keeps control characters from files and arguments away from the terminal.
enum Sanitize {
    static func line(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0 }))
    }
}
