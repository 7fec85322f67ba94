import Foundation
import Synchronization

/// What other threads hand the runner's loop, and what the loop tells them back, under a `Mutex`;
/// the loop drains it once a pass. Whoever puts something in signals `wakeup`.
final class RunnerInbox: Sendable {
    private let contents = Mutex(Contents())
    /// Wakes the runner's thread after something was put in.
    let wakeup = RunnerWakeup()

    /// Reads or changes the contents under the lock.
    func withLock<R: Sendable>(_ body: (inout Contents) -> R) -> R {
        contents.withLock { body(&$0) }
    }

    /// Changes the contents under the lock, then wakes the loop.
    func post(_ body: (inout Contents) -> Void) {
        contents.withLock { body(&$0) }
        wakeup.signal()
    }
}

extension RunnerInbox {
    /// The inbox's fields.
    struct Contents: Sendable {
        var queue: [SimCommand] = []
        var stopping = false
        var snapshotRequested = false
        var observationChanged = false
        var watchedRacks: Range<Int>?
        /// Export columns for a metrics endpoint, per-GPU up to this many GPUs (nil: none).
        var exportGPULimit: Int?
        /// The engine's tick as of the loop's last pass.
        var lastTick: UInt64 = 0
        /// Whether the loop has started (a thread, or a manual clock's first advance).
        var started = false

        /// What one pass takes out of the inbox.
        struct Mail: Sendable {
            var commands: [SimCommand]
            var stop: Bool
            var snapshotRequested: Bool
            var observationChanged: Bool
        }

        /// Takes the queued commands and the one-shot requests.
        mutating func take() -> Mail {
            defer {
                queue.removeAll()
                snapshotRequested = false
                observationChanged = false
            }
            return Mail(commands: queue, stop: stopping, snapshotRequested: snapshotRequested, observationChanged: observationChanged)
        }

        /// Whether something arrived that the loop should see before doing more work.
        var hasPendingWork: Bool { !queue.isEmpty || stopping || snapshotRequested }
    }
}

/// Wakes the runner's thread: `signal` from any thread, `wait` on the runner's. A signal sent while
/// the thread is busy is kept, so the next `wait` returns at once and nothing is missed.
final class RunnerWakeup: Sendable {
    private let condition = NSCondition()
    private let signalled = Atomic<Bool>(false)

    /// Wakes the waiting thread (or the next wait).
    func signal() {
        signalled.store(true, ordering: .releasing)
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for a signal, for at most `seconds` (nil: until signalled).
    func wait(seconds: Double?) {
        condition.lock()
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        while !signalled.load(ordering: .acquiring) {
            if let deadline {
                guard deadline > Date(), condition.wait(until: deadline) else { break }
            } else {
                condition.wait()
            }
        }
        signalled.store(false, ordering: .relaxed)
        condition.unlock()
    }
}
