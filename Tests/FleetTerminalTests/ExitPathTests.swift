import FleetDashboard
import Foundation
import Testing
@testable import FleetTerminal
#if canImport(Glibc)
import Glibc
#endif

/// The exit and crash paths, watched from outside: this test binary runs again as a child on a
/// pseudo-terminal, opens a real session, and then quits, is sent SIGTERM, or crashes.
@Suite struct ExitPathTests {
    static let modeVariable = "FLEETTOP_TERMINAL_CHILD"
    static let childMode = ProcessInfo.processInfo.environment[modeVariable]
    static let controllingTerminalVariable = "FLEETTOP_TERMINAL_CHILD_CTTY"

    /// A handler that shows a ready marker and then, in the crash modes, crashes while drawing.
    final class ChildHandler: TerminalHandler {
        let mode: String
        var frames = 0
        var resized: String?
        var suspends = 0
        var resumes = 0
        init(mode: String) { self.mode = mode }
        func willSuspend() { suspends += 1 }
        func didResume() { resumes += 1 }
        func handle(_ event: InputEvent) -> LoopAction {
            if case .resize(let columns, let rows) = event { resized = "RESIZED-TO-\(columns)x\(rows)" }
            return event == .key(.character("q")) ? .quit : .proceed
        }
        func frame(size: TerminalSize) -> Canvas? {
            frames += 1
            if frames == 3 && mode == "abort" { abort() }
            if frames == 3 && mode == "segv" { UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1 }
            if frames == 3 && mode == "exit" { exit(7) }
            var canvas = Canvas(width: size.columns, height: size.rows)
            canvas.text("CHILD-READY \(size.columns)x\(size.rows)", x: 0, y: 0, style: CellStyle(attributes: .bold))
            // On a row that was blank before, so the whole text goes out as one run.
            if let resized { canvas.text(resized, x: 0, y: 1, style: .plain) }
            if resumes > 0 { canvas.text("SUSPENDED-\(suspends)-RESUMED-\(resumes)", x: 0, y: 2, style: .plain) }
            return canvas
        }
    }

    /// The child's side: runs only inside the child process.
    @Test(.enabled(if: childMode != nil, "runs only as the child process of the exit-path tests"))
    func terminalChildProcess() throws {
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
        let mode = Self.childMode ?? ""
        // Take the pty as the controlling terminal, in a session of our own, so resizes signal us.
        if ProcessInfo.processInfo.environment[Self.controllingTerminalVariable] != nil, setsid() != -1 {
            _ = ioctl(0, UInt(TIOCSCTTY), 0)
        }
        let options = TerminalOptions(environment: ProcessInfo.processInfo.environment, locale: "C.UTF-8")
        let session = try TerminalSession.open(options: options)
        let status = TerminalApp.run(session: session, frameInterval: .milliseconds(20), handler: ChildHandler(mode: mode))
        exit(status)
    }

    private static let enterAlternate = Array("\u{1B}[?1049h".utf8)
    private static let leaveAlternate = Array("\u{1B}[?1049l".utf8)
    private static let pasteOn = Array("\u{1B}[?2004h".utf8)
    private static let pasteOff = Array("\u{1B}[?2004l".utf8)

    private static func startChild(mode: String, newSession: Bool = false, blockedSignals: [Int32] = [],
                                   ownProcessGroup: Bool = false) throws -> PTYChild {
        var env = ProcessInfo.processInfo.environment
        env[modeVariable] = mode
        env["TERM"] = "xterm-256color"
        env["SWIFT_BACKTRACE"] = "enable=no"
        env["NO_COLOR"] = nil
        env[controllingTerminalVariable] = newSession ? "1" : nil
        return try PTYChild(testFilter: "ExitPathTests/terminalChildProcess", environment: env,
                            blockedSignals: blockedSignals, ownProcessGroup: ownProcessGroup)
    }

    private static func expectRestored(_ child: PTYChild, sourceLocation: SourceLocation = #_sourceLocation) {
        let modes = child.terminalModes()
        #expect(modes.c_lflag & tcflag_t(ICANON) != 0, "canonical mode restored", sourceLocation: sourceLocation)
        #expect(modes.c_lflag & tcflag_t(ECHO) != 0, "echo restored", sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"),
          arguments: [SIGTERM, SIGINT, SIGHUP, SIGQUIT])
    func exitSignalRestoresTheTerminalAndExitsWith128PlusSignal(signal: Int32) throws {
        let child = try Self.startChild(mode: "term")
        try #require(child.waitForOutput("CHILD-READY", seconds: 60), "the child drew its first frame")
        #expect(child.terminalModes().c_lflag & tcflag_t(ECHO) == 0, "the session turned echo off")
        kill(child.pid, signal)
        #expect(child.wait(seconds: 20) == .exited(128 + signal))
        #expect(child.transcriptContains(Self.leaveAlternate, after: Self.enterAlternate))
        #expect(child.transcriptContains(Self.pasteOff, after: Self.pasteOn), "bracketed paste on, then off")
        Self.expectRestored(child)
    }

    /// A resize and SIGTERM reach a child started with those signals blocked. (In this child the test
    /// runs off the main thread, and libdispatch parks the main thread with every signal open, so
    /// this checks delivery end to end; that the session's own unblocking matters for a program
    /// whose loop runs on the main thread was checked by hand in tmux.)
    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func signalsArriveEvenWhenTheLauncherBlockedThem() throws {
        let child = try Self.startChild(mode: "term", newSession: true,
                                        blockedSignals: [SIGTERM, SIGINT, SIGWINCH, SIGHUP, SIGQUIT])
        try #require(child.waitForOutput("CHILD-READY 80x24", seconds: 60), "the child drew its first frame")
        child.resize(columns: 100, rows: 30)
        #expect(child.waitForOutput("RESIZED-TO-100x30", seconds: 20), "the resize reached the handler")
        kill(child.pid, SIGTERM)
        #expect(child.wait(seconds: 20) == .exited(128 + SIGTERM))
        Self.expectRestored(child)
    }

    /// Ctrl-Z (SIGTSTP): the handler stops its clock, the terminal is given back (normal screen,
    /// paste and mouse off, the shell's modes) and the process stops; SIGCONT takes the screen again,
    /// starts the clock and redraws.
    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func stopSignalGivesTheTerminalBackAndContinueRedraws() throws {
        let child = try Self.startChild(mode: "term", ownProcessGroup: true)
        try #require(child.waitForOutput("CHILD-READY", seconds: 60), "the child drew its first frame")
        let before = child.transcript.count
        kill(child.pid, SIGTSTP)
        #expect(child.waitForState("T", seconds: 20), "the child stopped itself")
        let stopped = Array(child.transcript[before...])
        #expect(Self.find(Self.leaveAlternate, in: stopped) != nil, "left the alternate screen")
        #expect(Self.find(Self.pasteOff, in: stopped) != nil, "bracketed paste off")
        Self.expectRestored(child)
        kill(child.pid, SIGCONT)
        #expect(child.waitForOutput("SUSPENDED-1-RESUMED-1", seconds: 20), "the handler stopped and started its clock once, then drew")
        let resumed = Array(child.transcript[before...])
        let left = Self.find(Self.leaveAlternate, in: resumed) ?? .max
        #expect((Self.find(Self.enterAlternate, in: resumed, from: left) ?? -1) > left, "the alternate screen again")
        #expect(Self.find(Self.pasteOn, in: resumed, from: left) != nil, "bracketed paste on again")
        #expect(child.terminalModes().c_lflag & tcflag_t(ECHO) == 0, "program modes again")
        child.send("q")
        #expect(child.wait(seconds: 20) == .exited(0))
        Self.expectRestored(child)
    }

    /// Where `needle` first occurs in `bytes` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func quitKeyExitsWithZero() throws {
        let child = try Self.startChild(mode: "quit")
        try #require(child.waitForOutput("CHILD-READY", seconds: 60), "the child drew its first frame")
        child.send("q")
        #expect(child.wait(seconds: 20) == .exited(0))
        #expect(child.transcriptContains(Self.leaveAlternate, after: Self.enterAlternate))
        #expect(child.transcriptContains(Self.pasteOff, after: Self.pasteOn), "bracketed paste on, then off")
        Self.expectRestored(child)
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func exitWhileOpenRestoresTheTerminal() throws {
        let child = try Self.startChild(mode: "exit")
        #expect(child.wait(seconds: 60) == .exited(7))
        #expect(child.transcriptContains(Self.leaveAlternate, after: Self.enterAlternate))
        #expect(child.transcriptContains(Self.pasteOff, after: Self.pasteOn), "bracketed paste on, then off")
        Self.expectRestored(child)
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"),
          arguments: [("segv", SIGSEGV), ("abort", SIGABRT)])
    func crashWritesResetBytesAndProceeds(mode: String, signal: Int32) throws {
        let child = try Self.startChild(mode: mode)
        #expect(child.wait(seconds: 60) == .signaled(signal))
        #expect(child.transcriptContains(TerminalGuard.resetBytes, after: Self.enterAlternate))
        Self.expectRestored(child)
    }
}
