import Foundation
import Synchronization

/// Where `SimRunner` reads the time: seconds on a monotonic scale. The runner paces the simulation,
/// times its snapshots and measures the achieved rate against it, so a clock that tests move by hand
/// (`ManualRunnerClock`) makes every runner test exact and independent of the machine's load.
public protocol RunnerClock: AnyObject, Sendable {
    /// Seconds since an arbitrary start; never goes back.
    var now: Double { get }
    /// For a clock that only moves when told to: the seconds one batch of work at maximum speed
    /// costs (the runner runs one batch, then waits that long). Nil for a clock that moves by itself,
    /// where a batch runs for a fixed slice of real time.
    var maximumSpeedBatchCost: Double? { get }
}

/// Real time (the monotonic `ContinuousClock`), for the live dashboard.
public final class WallRunnerClock: RunnerClock {
    private let start = ContinuousClock.now

    public init() {}

    public var now: Double {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }

    public var maximumSpeedBatchCost: Double? { nil }
}

/// Time that moves only when a test says so, as swift-nio's `EmbeddedEventLoop`: a runner on this
/// clock has no thread; `SimRunner.advanceTime(by:)` runs its passes on the caller's thread.
public final class ManualRunnerClock: RunnerClock {
    /// Nanoseconds, so repeated advances add up exactly.
    private let nanoseconds = Mutex<Int64>(0)
    /// See `RunnerClock.maximumSpeedBatchCost`.
    public let maximumSpeedBatchCost: Double?

    /// A clock at 0; at maximum speed each batch (one physics step) costs `batchCost` seconds.
    public init(batchCost: Double = 0.001) {
        maximumSpeedBatchCost = batchCost
    }

    public var now: Double { Double(nanoseconds.withLock { $0 }) * 1e-9 }

    /// Moves the clock to `seconds` (never back).
    func set(to seconds: Double) {
        let target = Int64((seconds * 1e9).rounded())
        nanoseconds.withLock { $0 = max($0, target) }
    }
}

/// A clock that can be stopped: while suspended `now` stands still, and after `resume` it goes on
/// from where it stood, so the time spent suspended (a Ctrl-Z) never reaches the simulation.
public final class SuspendableClock: RunnerClock {
    /// The clock underneath.
    public let base: any RunnerClock
    /// When the suspension began (base time), and the base seconds lost to earlier suspensions.
    private let state = Mutex<(suspendedAt: Double?, lost: Double)>((nil, 0))

    public init(base: any RunnerClock) {
        self.base = base
    }

    public var now: Double {
        let (at, lost) = state.withLock { $0 }
        return (at ?? base.now) - lost
    }

    public var maximumSpeedBatchCost: Double? { base.maximumSpeedBatchCost }

    /// Whether the clock is stopped.
    public var isSuspended: Bool { state.withLock { $0.suspendedAt != nil } }

    /// Stops the clock (a second call does nothing).
    public func suspend() {
        let at = base.now
        state.withLock { if $0.suspendedAt == nil { $0.suspendedAt = at } }
    }

    /// Starts it again from where it stood.
    public func resume() {
        let at = base.now
        state.withLock { s in
            guard let since = s.suspendedAt else { return }
            s.lost += max(0, at - since)
            s.suspendedAt = nil
        }
    }

    /// The base-clock time at which this clock reads `seconds`; nil while suspended.
    func baseTime(reading seconds: Double) -> Double? {
        state.withLock { $0.suspendedAt == nil ? seconds + $0.lost : nil }
    }
}
