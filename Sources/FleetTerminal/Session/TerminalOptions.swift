/// What the executable tells the terminal layer; FleetTerminal reads neither the command line nor
/// the process environment itself.
public struct TerminalOptions: Sendable {
    /// `--no-color`: draw with attributes only.
    public var noColor: Bool
    /// `--ascii`: draw ASCII glyphs even in a UTF-8 locale.
    public var forceASCII: Bool
    /// Whether to ask for mouse clicks and the wheel.
    public var mouse: Bool
    /// The process environment (e.g. `ProcessInfo.processInfo.environment`); `TERM` and `NO_COLOR`
    /// are read from here.
    public var environment: [String: String]
    /// The locale passed to `setlocale(LC_ALL, …)` before the screen opens; "" means the one the
    /// environment names, as a terminal program should.
    public var locale: String

    public init(noColor: Bool = false, forceASCII: Bool = false, mouse: Bool = true,
                environment: [String: String] = [:], locale: String = "") {
        self.noColor = noColor
        self.forceASCII = forceASCII
        self.mouse = mouse
        self.environment = environment
        self.locale = locale
    }
}
