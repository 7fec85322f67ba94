import CNCursesW
import FleetDashboard
import Testing
@testable import FleetTerminal
#if canImport(Glibc)
import Glibc
#endif

/// Input read back through ncurses' own queue (`ungetch`, `unget_wch`, `ungetmouse`), and the run
/// loop; part of the serialized headless suite.
extension HeadlessSessionTests {
    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func readsKeysThroughNCurses() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == nil)
        _ = ungetch(KEY_UP)
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .key(.up))
        _ = ungetch(cnc_key_f(5))
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .key(.function(5)))
        _ = ungetch(KEY_BTAB)
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .key(.backTab))
        _ = unget_wch(0x4E16)
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .key(.character("世")))
        _ = ungetch(13)
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .key(.enter))
        _ = ungetch(12)
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .key(.control("l")))
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func readsMouseThroughNCurses() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        var click = MEVENT()
        click.x = 5
        click.y = 3
        click.bstate = cnc_button_pressed(1)
        _ = ungetmouse(&click)
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .mouse(MouseEvent(action: .press, button: .left, x: 5, y: 3)))
        var wheel = MEVENT()
        wheel.x = 1
        wheel.y = 2
        wheel.bstate = cnc_button_pressed(5)
        _ = ungetmouse(&wheel)
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .mouse(MouseEvent(action: .wheelDown, button: .none, x: 1, y: 2)))
    }

    /// A handler that records what the loop gives it and quits on `q`.
    final class ScriptedHandler: TerminalHandler {
        var events: [InputEvent] = []
        var frames = 0
        var suspends = 0
        var resumes = 0
        var preferredFrameInterval: Duration?
        var onFrame: (Int) -> Canvas?
        init(onFrame: @escaping (Int) -> Canvas?) { self.onFrame = onFrame }
        func handle(_ event: InputEvent) -> LoopAction {
            events.append(event)
            switch event {
            case .key(.character("q")): return .quit
            case .key(.control("l")): return .repaint
            default: return .proceed
            }
        }
        func frame(size: TerminalSize) -> Canvas? {
            frames += 1
            return onFrame(frames)
        }
        func willSuspend() { suspends += 1 }
        func didResume() { resumes += 1 }
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func runLoopQuitsWithStatusZero() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        var canvas = Canvas(width: 20, height: 2)
        canvas.text("frame", x: 0, y: 0, style: .plain)
        let handler = ScriptedHandler { n in n == 1 ? canvas : nil }
        _ = ungetch(Int32(UInt8(ascii: "q")))
        _ = ungetch(Int32(UInt8(ascii: "x")))
        let status = TerminalApp.run(session: t.session, frameInterval: .milliseconds(10), handler: handler)
        #expect(status == 0)
        #expect(!t.session.isOpen)
        #expect(handler.events == [.key(.character("x")), .key(.character("q"))])
        #expect(handler.frames >= 1)
    }

    // The next two run with a two-minute frame interval: if the loop waited it out, the test would
    // overrun its one-minute limit and fail.

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"), .timeLimit(.minutes(1)))
    func handlerChoosesTheFrameInterval() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        let handler = ScriptedHandler { n in
            if n == 3 { _ = ungetch(Int32(UInt8(ascii: "q"))) }
            return nil
        }
        handler.preferredFrameInterval = .milliseconds(1)
        let status = TerminalApp.run(session: t.session, frameInterval: .seconds(120), handler: handler)
        #expect(status == 0)
        #expect(handler.frames >= 3)
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"), .timeLimit(.minutes(1)))
    func unnamedKeysDoNotStallInput() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        let handler = ScriptedHandler { _ in nil }
        _ = ungetch(Int32(UInt8(ascii: "q")))
        _ = ungetch(KEY_SLEFT)
        let status = TerminalApp.run(session: t.session, frameInterval: .seconds(120), handler: handler)
        #expect(status == 0)
        #expect(handler.events == [.key(.character("q"))])
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func repaintRedrawsTheLastFrame() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        var canvas = Canvas(width: 20, height: 2)
        canvas.text("frame", x: 0, y: 0, style: .plain)
        var sawRepaint = false
        let handler = ScriptedHandler { _ in nil }
        handler.onFrame = { n in
            if n == 1 { _ = ungetch(12); return canvas }
            if !sawRepaint, handler.events.last == .key(.control("l")) {
                sawRepaint = true
                _ = ungetch(Int32(UInt8(ascii: "q")))
            }
            return nil
        }
        let status = TerminalApp.run(session: t.session, frameInterval: .milliseconds(10), handler: handler)
        #expect(status == 0)
        #expect(sawRepaint)
        #expect(t.session.lastDrawStats.cellsWritten == 40)
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func exitSignalEndsTheLoopWith128PlusSignal() throws {
        var before = sigaction()
        sigaction(SIGTERM, nil, &before)
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        let handler = ScriptedHandler { _ in Canvas(width: 4, height: 1) }
        // Process-directed, as from `kill` or the terminal: the test runs on a worker thread that
        // blocks signals, so another thread takes it.
        kill(getpid(), SIGTERM)
        for _ in 0..<500 where SignalTrap.pendingSignal == nil { usleep(10_000) }
        try #require(SignalTrap.pendingSignal == SIGTERM)
        let status = TerminalApp.run(session: t.session, frameInterval: .milliseconds(10), handler: handler)
        #expect(status == 128 + SIGTERM)
        #expect(!t.session.isOpen)
        #expect(!TerminalGuard.isArmed)
        var after = sigaction()
        sigaction(SIGTERM, nil, &after)
        #expect(unsafeBitCast(after.__sigaction_handler.sa_handler, to: Int.self)
                == unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self))
        // The terminal was left through endwin: the alternate screen was exited.
        #expect(t.transcript.contains("\u{1B}[?1049l"))
    }
}

/// A bracketed paste read through ncurses' queue, and an Escape alone; part of the serialized headless suite.
extension HeadlessSessionTests {
    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func readsABracketedPasteAsOneEvent() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        // ncurses hands back what was pushed last first.
        for v in "\u{1B}[200~hello quit q\u{1B}[201~x".unicodeScalars.reversed() { _ = unget_wch(wchar_t(v.value)) }
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .paste("hello quit q"))
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .key(.character("x")))
        _ = unget_wch(27)
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .key(.escape))
    }
}

/// SIGCONT without a Ctrl-Z of fleettop's (a SIGSTOP from outside, then `kill -CONT`): the screen
/// may have been drawn over meanwhile, so the next frame writes every cell; part of the serialized
/// headless suite.
extension HeadlessSessionTests {
    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"), .timeLimit(.minutes(1)))
    func continueSignalRedrawsEveryCell() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        var canvas = Canvas(width: 20, height: 2)
        canvas.text("frame", x: 0, y: 0, style: .plain)
        var continued = false
        let handler = ScriptedHandler { _ in nil }
        handler.onFrame = { n in
            if n == 1 { return canvas }
            if n == 2 {
                // The same frame again writes nothing; then SIGCONT, process-directed as from
                // `kill -CONT` (another thread may take it).
                kill(getpid(), SIGCONT)
                return canvas
            }
            if !continued, t.session.lastDrawStats.cellsWritten == 40 {
                continued = true
                _ = ungetch(Int32(UInt8(ascii: "q")))
            }
            return nil
        }
        let status = TerminalApp.run(session: t.session, frameInterval: .milliseconds(10), handler: handler)
        #expect(status == 0)
        #expect(continued, "the last frame was written again, every cell")
        #expect(handler.suspends == 0 && handler.resumes == 0, "not a Ctrl-Z: the handler's clock was not touched")
    }
}
