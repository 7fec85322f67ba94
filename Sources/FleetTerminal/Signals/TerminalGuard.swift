import CNCursesW
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Whether a session has the terminal in program mode, so the exit and crash paths must restore it.
private let terminalArmed = Atomic<Bool>(false)

/// What the crash handler needs, prepared before it can run: it may not allocate or lock.
private struct CrashRecord {
    var inputFD: Int32 = -1
    var outputFD: Int32 = -1
    var hasTermios = false
    var termios = Glibc.termios()
}

/// `nonisolated(unsafe)`: the crash handler reads it, and a signal handler can take no lock. It is
/// written only by `prepare`, on the session's thread while no session is armed; the crash handler
/// uses it only while one is.
nonisolated(unsafe) private let crashRecord: UnsafeMutablePointer<CrashRecord> = {
    let p = UnsafeMutablePointer<CrashRecord>.allocate(capacity: 1)
    p.initialize(to: CrashRecord())
    return p
}()

/// How many signal numbers there are (1…`signalCount` - 1): the C library's NSIG.
private let signalCount = Int(NSIG)

/// The action each crash signal had before ours (indexed by signal number), so the crash proceeds
/// as it would have: the default action, or the Swift runtime's backtracer where it is installed.
/// `nonisolated(unsafe)`: the crash handler reads it without a lock (none is async-signal-safe); it is
/// written by `prepare` under `installation`'s lock, before our handlers are in place.
nonisolated(unsafe) private let previousCrashActions: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: signalCount)
    p.initialize(repeating: sigaction(), count: signalCount)
    return p
}()

/// Leave bracketed paste, the mouse modes, keypad mode, attributes and alternate screen; show the cursor.
/// `nonisolated(unsafe)`: read by the crash handler, which may not allocate (a Swift array would);
/// never written after it is made.
nonisolated(unsafe) private let resetSequence: UnsafeMutableBufferPointer<UInt8> = {
    let bytes = Array("\u{1B}[?2004l\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l\u{1B}[?1l\u{1B}>\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)
    let p = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    _ = p.initialize(from: bytes)
    return p
}()

/// Async-signal-safe: `write`, `tcsetattr`, `sigaction` and `raise` only.
private let crashHandler: @convention(c) (Int32) -> Void = { signal in
    if terminalArmed.load(ordering: .relaxed) {
        let record = crashRecord
        _ = write(record.pointee.outputFD, resetSequence.baseAddress, resetSequence.count)
        if record.pointee.hasTermios {
            _ = withUnsafePointer(to: &record.pointee.termios) { tcsetattr(record.pointee.inputFD, TCSANOW, $0) }
        }
    }
    if signal > 0 && Int(signal) < signalCount { sigaction(signal, previousCrashActions + Int(signal), nil) }
    raise(signal)
}

private let exitHandler: @convention(c) () -> Void = {
    if terminalArmed.exchange(false, ordering: .relaxed), !isendwin() {
        TerminalGuard.writeBracketedPaste(false)
        endwin()
    }
}

private let installation = Mutex<(crash: Bool, exit: Bool)>((false, false))

/// Restores the terminal on the exits that skip the run loop: `exit()` (an `atexit` handler that
/// calls `endwin`) and crashes (SIGSEGV, SIGABRT, SIGILL, SIGTRAP, SIGBUS: a handler, installed
/// before the screen opens, writes the reset bytes, restores the saved termios and re-raises).
public enum TerminalGuard {
    /// The signals treated as crashes.
    public static let crashSignals: [Int32] = [SIGSEGV, SIGABRT, SIGILL, SIGTRAP, SIGBUS]

    /// The bytes the crash handler writes to put a terminal back in its normal state.
    public static var resetBytes: [UInt8] { Array(resetSequence) }

    /// Saves the terminal modes of `inputFD` (when it is a terminal) and installs the crash handlers
    /// and the `atexit` handler once. Call before `newterm`.
    static func prepare(inputFD: Int32, outputFD: Int32) {
        let record = crashRecord
        record.pointee.inputFD = inputFD
        record.pointee.outputFD = outputFD
        record.pointee.hasTermios = isatty(inputFD) == 1 && tcgetattr(inputFD, &record.pointee.termios) == 0
        _ = resetSequence
        installation.withLock { state in
            if !state.crash {
                for signal in crashSignals {
                    var action = sigaction()
                    action.__sigaction_handler.sa_handler = crashHandler
                    sigemptyset(&action.sa_mask)
                    action.sa_flags = 0
                    sigaction(signal, &action, previousCrashActions + Int(signal))
                }
                state.crash = true
            }
            if !state.exit {
                atexit(exitHandler)
                state.exit = true
            }
        }
    }

    /// The session is in program mode: exit and crash paths now restore the terminal.
    static func arm() { terminalArmed.store(true, ordering: .relaxed) }

    /// The session has left program mode itself.
    static func disarm() { terminalArmed.store(false, ordering: .relaxed) }

    /// Turns the terminal's bracketed paste mode on or off (`ESC [ ? 2004 h` / `l`): while on, the
    /// terminal wraps pasted text in `ESC [ 200 ~` … `ESC [ 201 ~`, so it is never read as keys.
    static func writeBracketedPaste(_ on: Bool) {
        let fd = crashRecord.pointee.outputFD
        guard fd >= 0 else { return }
        let bytes = Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Whether a session is open (armed).
    static var isArmed: Bool { terminalArmed.load(ordering: .relaxed) }
}
