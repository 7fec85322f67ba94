import FleetDashboard

/// What the run loop does after the handler has seen an event.
public enum LoopAction: Sendable, Hashable {
    /// Carry on; the loop asks for a frame right away so the key shows at once.
    case proceed
    /// Clear the terminal and write every cell on the next frame (e.g. ctrl-l).
    case repaint
    /// Leave the loop: the session closes and `run` returns 0.
    case quit
}

/// The application side of the run loop (the executable's dashboard implements it).
public protocol TerminalHandler: AnyObject {
    /// One input event: a key, a mouse action or a new terminal size.
    func handle(_ event: InputEvent) -> LoopAction
    /// The canvas to show now for a screen of `size`, or nil when nothing changed since the last
    /// frame, so idle frames cost nothing.
    func frame(size: TerminalSize) -> Canvas?
    /// The frame interval the handler wants now, or nil for the one given to `TerminalApp.run`.
    /// Read before every wait, so a handler can change its refresh rate while running.
    var preferredFrameInterval: Duration? { get }
    /// The program is about to stop (Ctrl-Z): stop whatever clock drives the content (the
    /// simulation), so no time passes for it while stopped.
    func willSuspend()
    /// The program was continued (`fg`) and has the terminal again: start the clock again; a full
    /// frame is asked for next.
    func didResume()
}

extension TerminalHandler {
    /// No preference: the loop keeps the interval it was started with.
    public var preferredFrameInterval: Duration? { nil }
    /// Nothing to stop.
    public func willSuspend() {}
    /// Nothing to start.
    public func didResume() {}
}
