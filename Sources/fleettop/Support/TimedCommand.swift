import FleetSim

/// `--exec "60s: fault cooling site=metro-edge hall=1 magnitude=100%"`: a command at a simulated time.
struct TimedCommand: Sendable {
    var atSeconds: Double
    var command: SimCommand
    var text: String

    init(parsing argument: String) throws {
        let (at, command) = try Self.parse(argument)
        atSeconds = at
        self.command = command
        text = argument
    }

    private static func parse(_ argument: String) throws -> (Double, SimCommand) {
        guard let colon = argument.firstIndex(of: ":") else {
            throw UserFailure(message: "--exec '\(argument)': expected \"TIME: COMMAND\", e.g. \"60s: surge agentic factor=3\"")
        }
        let timeText = argument[..<colon].trimmingCharacters(in: .whitespaces)
        guard let at = QuantityText.parseDuration(Substring(timeText)) else {
            throw UserFailure(message: "--exec '\(argument)': '\(timeText)' is not a duration (90s, 10m, 2h; \(QuantityText.durationLimitText))")
        }
        let commandText = String(argument[argument.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        do { return (at, try CommandParser.parse(commandText)) } catch {
            throw UserFailure(message: "--exec '\(argument)': \(error.located)")
        }
    }
}
