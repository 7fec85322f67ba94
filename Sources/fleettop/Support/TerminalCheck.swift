import Foundation

/// Decides whether the dashboard may draw: it never draws into a pipe or a dumb terminal.
enum TerminalCheck {
    /// nil when stdout and stdin are terminals and TERM is usable; else the reason, for a one-line message.
    static func refusal(environment: [String: String]) -> String? {
        if isatty(STDOUT_FILENO) == 0 { return "standard output is not a terminal" }
        if isatty(STDIN_FILENO) == 0 { return "standard input is not a terminal" }
        let term = environment["TERM"] ?? ""
        if term.isEmpty { return "TERM is not set" }
        if term == "dumb" { return "TERM is 'dumb'" }
        return nil
    }
}
