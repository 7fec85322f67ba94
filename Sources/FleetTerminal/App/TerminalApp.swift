import FleetDashboard
#if canImport(Glibc)
import Glibc
#endif

/// The terminal run loop: wait for input until the next frame is due, hand events to the handler,
/// draw, and leave on quit or on an exit signal. On Ctrl-Z (SIGTSTP) it gives the terminal back,
/// has the handler stop its clock and stops the process; on `fg` it takes the screen again, has the
/// handler start its clock and redraws every cell.
public enum TerminalApp {
    /// Runs until the handler quits or an exit signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) arrives,
    /// then closes the session (through `endwin`).
    /// - Parameters:
    ///   - session: an open session; closed when this returns.
    ///   - frameInterval: how often the handler is asked for a frame when no input comes, unless
    ///     the handler's `preferredFrameInterval` says otherwise.
    ///   - handler: the application.
    /// - Returns: the process exit status: 0 on quit, 128 + the signal number on a signal.
    public static func run(session: TerminalSession, frameInterval: Duration,
                           handler: some TerminalHandler) -> Int32 {
        let clock = ContinuousClock()
        var interval: Duration { max(handler.preferredFrameInterval ?? frameInterval, .milliseconds(1)) }
        var nextFrame = clock.now
        var lastCanvas: Canvas?
        var repaintPending = false

        func drawFrame() {
            if let canvas = handler.frame(size: session.size) {
                session.draw(canvas)
                lastCanvas = canvas
                repaintPending = false
            } else if repaintPending, let canvas = lastCanvas {
                session.draw(canvas)
                repaintPending = false
            }
        }

        while true {
            if let signal = SignalTrap.pendingSignal {
                session.close()
                return 128 + signal
            }
            if SignalTrap.takeStopRequest() {
                suspend(session: session, handler: handler)
                repaintPending = true
                nextFrame = clock.now
                continue
            }
            if SignalTrap.takeContinued() {
                // Continued after a stop fleettop did not ask for (SIGSTOP): the screen may be stale.
                session.invalidate()
                repaintPending = true
                nextFrame = clock.now
                continue
            }
            let now = clock.now
            if now >= nextFrame {
                drawFrame()
                nextFrame = now + interval
                continue
            }
            // A shorter interval chosen since the last frame takes effect at once.
            nextFrame = min(nextFrame, now + interval)
            let event: InputEvent
            switch session.read(timeoutMilliseconds: milliseconds(until: nextFrame, from: now)) {
            case .event(let e):
                event = e
            case .ignored:
                continue
            case .nothing:
                // Input at its end answers at once: wait out the frame instead of spinning. An exit
                // signal skips the wait, and one that comes during it cuts it short.
                let left = milliseconds(until: nextFrame, from: clock.now)
                if left > 1, SignalTrap.pendingSignal == nil { usleep(useconds_t(left) * 1000) }
                continue
            }
            var action = handler.handle(event)
            if case .resize = event { repaintPending = true }
            while action != .quit, case let next = session.read(timeoutMilliseconds: 0), next != .nothing {
                guard case .event(let e) = next else { continue }
                if case .resize = e { repaintPending = true }
                let nextAction = handler.handle(e)
                if nextAction != .proceed { action = nextAction }
            }
            switch action {
            case .quit:
                session.close()
                return 0
            case .repaint:
                session.invalidate()
                repaintPending = true
            case .proceed:
                break
            }
            drawFrame()
        }
    }

    /// Ctrl-Z: the handler stops its clock, the terminal goes back to the shell, the process stops;
    /// when continued, the terminal is taken again and the handler's clock starts.
    static func suspend(session: TerminalSession, handler: some TerminalHandler) {
        handler.willSuspend()
        session.suspend()
        SignalTrap.stopProcess()
        session.resume()
        _ = SignalTrap.takeContinued()
        handler.didResume()
    }

    /// Whole milliseconds from `now` to `deadline`, rounded up so the wait never ends early.
    static func milliseconds(until deadline: ContinuousClock.Instant, from now: ContinuousClock.Instant) -> Int {
        let (seconds, attoseconds) = (deadline - now).components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 0 }
        let ms = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(max(0, ms))
    }
}
