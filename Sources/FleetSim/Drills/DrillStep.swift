/// One step of a drill's method: a command applied at a simulated time.
public struct DrillStep: Sendable, Equatable {
    /// Seconds of simulated time from the start of the drill.
    public var atSeconds: Double
    public var command: SimCommand
    /// Line in the file it came from (0 for built-in construction).
    public var line: Int

    public init(atSeconds: Double, command: SimCommand, line: Int = 0) {
        self.atSeconds = atSeconds; self.command = command; self.line = line
    }

    /// The command in the command language.
    public var text: String { CommandFormatter.format(command) }
}
