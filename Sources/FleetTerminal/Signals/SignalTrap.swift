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

/// The calling thread's signal mask before `install`, restored by `restore`.
nonisolated(unsafe) private var previousMask: sigset_t?

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

    /// The signals a terminal program must receive: the exit signals, resize (SIGWINCH) and
    /// suspend / resume (SIGTSTP, SIGCONT), which ncurses handles.
    static let deliveredSignals: [Int32] = exitSignals + [SIGWINCH, SIGTSTP, SIGCONT]

    /// Installs the flag-setting handlers (without SA_RESTART, so a blocking read is interrupted)
    /// and clears any earlier signal. Unblocks `deliveredSignals` in the calling thread: a process
    /// started from a thread that blocks signals (a test runner, a tmux server started by one)
    /// inherits that mask, and would then never see Ctrl-C, SIGTERM or a resize.
    /// Called from the session's thread while it opens.
    static func install() {
        caughtExitSignal.store(0, ordering: .relaxed)
        var unblock = sigset_t(), old = sigset_t()
        sigemptyset(&unblock)
        for signal in deliveredSignals + TerminalGuard.crashSignals { sigaddset(&unblock, signal) }
        if pthread_sigmask(SIG_UNBLOCK, &unblock, &old) == 0, previousMask == nil { previousMask = old }
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

    /// Puts back the actions and the signal mask that were in place before `install`. A caught
    /// signal stays pending.
    static func restore() {
        if var mask = previousMask {
            pthread_sigmask(SIG_SETMASK, &mask, nil)
            previousMask = nil
        }
        for (signal, action) in previousExitActions {
            var old = action
            sigaction(signal, &old, nil)
        }
        previousExitActions.removeAll()
    }
}
