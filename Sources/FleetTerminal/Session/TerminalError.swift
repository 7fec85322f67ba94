/// Why a terminal session could not be opened.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `TERM` is unset or empty.
    case noTerminalType
    /// The terminfo database has no entry for this `TERM`.
    case unknownTerminal(String)
    /// The terminal cannot address the cursor (e.g. `dumb`, a hard-copy terminal).
    case unsupportedTerminal(String)
    /// Another session is still open; ncurses keeps one current screen.
    case alreadyOpen

    public var description: String {
        switch self {
        case .noTerminalType: "TERM is not set"
        case .unknownTerminal(let t): "unknown terminal type '\(t)' (no terminfo entry)"
        case .unsupportedTerminal(let t): "terminal type '\(t)' cannot address the cursor"
        case .alreadyOpen: "a terminal session is already open"
        }
    }
}
