import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The signal that asked the program to exit, 0 while none has.
private let caughtExitSignal = Atomic<Int32>(0)

/// Only stores the signal number: nothing else is safe inside a signal handler.
private let exitSignalHandler: @convention(c) (Int32) -> Void = { signal in
    caughtExitSignal.store(signal, ordering: .relaxed)
}

/// The actions that were in place before `install`, restored by `restore`.
nonisolated(unsafe) private var previousExitActions: [Int32: sigaction] = [:]

/// Catches the signals that ask fleettop to exit (SIGINT, SIGTERM, SIGHUP, SIGQUIT). The handlers only
/// set a flag; the run loop sees it, leaves through `endwin` and exits with 128 + the signal.
public enum SignalTrap {
    /// The signals that end the program cleanly.
    public static let exitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// The exit signal caught since `install`, if any.
    public static var pendingSignal: Int32? {
        let s = caughtExitSignal.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    /// Installs the flag-setting handlers (without SA_RESTART, so a blocking read is interrupted)
    /// and clears any earlier signal. Called from the main thread while a session opens.
    static func install() {
        caughtExitSignal.store(0, ordering: .relaxed)
        for signal in exitSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = exitSignalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            if sigaction(signal, &action, &old) == 0, previousExitActions[signal] == nil {
                previousExitActions[signal] = old
            }
        }
    }

    /// Puts back the actions that were in place before `install`. A caught signal stays pending.
    static func restore() {
        for (signal, action) in previousExitActions {
            var old = action
            sigaction(signal, &old, nil)
        }
        previousExitActions.removeAll()
    }
}
