import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The signal that asked the program to exit, 0 while none has.
private let caughtExitSignal = Atomic<Int32>(0)
/// A Ctrl-Z (SIGTSTP) not yet acted on.
private let caughtStop = Atomic<Bool>(false)
/// A SIGCONT not yet acted on (the terminal may have been used by another program meanwhile).
private let caughtContinue = Atomic<Bool>(false)

/// Only stores the signal number: nothing else is safe inside a signal handler.
private let exitSignalHandler: @convention(c) (Int32) -> Void = { signal in
    caughtExitSignal.store(signal, ordering: .relaxed)
}

/// Only sets a flag (a lock-free atomic store is async-signal-safe); the run loop does the work.
private let stopSignalHandler: @convention(c) (Int32) -> Void = { signal in
    if signal == SIGTSTP {
        caughtStop.store(true, ordering: .relaxed)
    } else {
        caughtContinue.store(true, ordering: .relaxed)
    }
}

/// What `install` replaced, restored by `restore`. No signal handler touches it: only the session's
/// thread, under the lock.
private struct Saved {
    /// The actions in place before `install`, by signal.
    var actions: [Int32: sigaction] = [:]
    /// The calling thread's signal mask before `install`.
    var mask: sigset_t?
}

private let saved = Mutex(Saved())

/// Catches the signals that ask fleettop to exit (SIGINT, SIGTERM, SIGHUP, SIGQUIT), to stop
/// (SIGTSTP, Ctrl-Z) and to continue (SIGCONT). The handlers only set a flag; the run loop sees it:
/// it leaves through `endwin` and exits with 128 + the signal, or puts the terminal back, stops the
/// process (`stopProcess`) and, once continued, takes the screen again and redraws.
public enum SignalTrap {
    /// The signals that end the program cleanly.
    public static let exitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Suspend (Ctrl-Z) and resume.
    static let stopSignals: [Int32] = [SIGTSTP, SIGCONT]

    /// The exit signal caught since `install`, if any.
    public static var pendingSignal: Int32? {
        let s = caughtExitSignal.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    /// The signals a terminal program must receive: the exit signals, resize (SIGWINCH, which
    /// ncurses handles) and suspend / resume.
    static let deliveredSignals: [Int32] = exitSignals + [SIGWINCH] + stopSignals

    /// Whether a Ctrl-Z came since the last call (and clears it).
    public static func takeStopRequest() -> Bool {
        caughtStop.exchange(false, ordering: .relaxed)
    }

    /// Whether a SIGCONT came since the last call (and clears it).
    public static func takeContinued() -> Bool {
        caughtContinue.exchange(false, ordering: .relaxed)
    }

    /// Installs the flag-setting handlers (without SA_RESTART, so a blocking read is interrupted)
    /// and clears any earlier signal. Unblocks `deliveredSignals` in the calling thread: a process
    /// started from a thread that blocks signals (a test runner, a tmux server started by one)
    /// inherits that mask, and would then never see Ctrl-C, SIGTERM or a resize.
    /// Called from the session's thread while it opens, before `newterm`.
    static func install() {
        caughtExitSignal.store(0, ordering: .relaxed)
        caughtStop.store(false, ordering: .relaxed)
        caughtContinue.store(false, ordering: .relaxed)
        saved.withLock { saved in
            var unblock = sigset_t(), old = sigset_t()
            sigemptyset(&unblock)
            for signal in deliveredSignals + TerminalGuard.crashSignals { sigaddset(&unblock, signal) }
            if pthread_sigmask(SIG_UNBLOCK, &unblock, &old) == 0, saved.mask == nil { saved.mask = old }
            for signal in exitSignals + stopSignals {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = stopSignals.contains(signal) ? stopSignalHandler : exitSignalHandler
                sigemptyset(&action.sa_mask)
                action.sa_flags = 0
                var old = sigaction()
                if sigaction(signal, &action, &old) == 0, saved.actions[signal] == nil {
                    saved.actions[signal] = old
                }
            }
        }
    }

    /// Stops the process as a Ctrl-Z would have (SIGTSTP with its default action) and returns when it
    /// is continued (`fg`), with fleettop's handler back in place. The caller has put the terminal back.
    static func stopProcess() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var ours = sigaction()
        sigaction(SIGTSTP, &action, &ours)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &ours, nil)
        caughtStop.store(false, ordering: .relaxed)
    }

    /// Puts back the actions and the signal mask that were in place before `install`. A caught
    /// signal stays pending.
    static func restore() {
        saved.withLock { saved in
            if var mask = saved.mask {
                pthread_sigmask(SIG_SETMASK, &mask, nil)
                saved.mask = nil
            }
            for (signal, action) in saved.actions {
                var old = action
                sigaction(signal, &old, nil)
            }
            saved.actions.removeAll()
        }
    }
}
