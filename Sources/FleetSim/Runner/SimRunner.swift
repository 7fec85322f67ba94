import Foundation
import Synchronization

/// Runs a `FleetEngine` on its own thread: paces it at ×1…×60 or as fast as possible, pauses and single-
/// steps, applies queued commands at tick boundaries (reporting each with its tick to `onCommandApplied`),
/// and publishes snapshots to `hub` every `snapshotInterval` clock seconds or on request — never every tick.
///
/// Two halves: a lock-guarded inbox (`RunnerInbox`) that any thread posts to, and the loop
/// (`SimLoop`) that owns the engine and runs on the runner's thread. On a `ManualRunnerClock` there
/// is no thread: `advanceTime(by:)` runs the loop's passes on the caller's thread, as swift-nio's
/// `EmbeddedEventLoop.advanceTime(by:)` does, so tests advance time instead of waiting for it.
public final class SimRunner: Sendable {
    public let hub = SnapshotHub()
    /// Called on the runner thread after each command is applied, with the tick it applied at.
    public let onCommandApplied: (@Sendable (UInt64, SimCommand) -> Void)?
    /// Called on the runner thread when a command is rejected (e.g. an unknown site), with the reason.
    public let onCommandRejected: (@Sendable (SimCommand, Diagnostic) -> Void)?
    public let snapshotInterval: Double
    public let fleetName: String
    /// The drill, story or replay driving the run, if any (see `ScenarioObserver`).
    public let scenario: ScenarioObserver?
    /// The fleet's structure (immutable), for checking a command against it before it is sent.
    public let topology: Topology
    /// The runner's clock: the one it was given, stopped by `suspendClock` and started by `resumeClock`.
    public let clock: SuspendableClock

    private let inbox = RunnerInbox()
    /// The loop and its engine. The runner's thread holds this lock for its whole run, so no other
    /// thread can reach the engine while it simulates; on a manual clock `advanceTime` holds it.
    private let loop: Mutex<SimLoop>
    /// Signalled once when the thread has finished (and again by each waiter, so every `stop` returns).
    private let finished = DispatchSemaphore(value: 0)

    /// Builds the engine (throws if the fleet cannot be built) without starting the thread.
    /// - Parameter clock: the time the runner paces itself by (`WallRunnerClock` by default; a
    ///   `ManualRunnerClock` for tests, driven by `advanceTime(by:)`).
    public init(spec: FleetSpec, seed: UInt64, speed: SimSpeed = .times(1), paused: Bool = false,
                snapshotInterval: Double = 0.25,
                onCommandApplied: (@Sendable (UInt64, SimCommand) -> Void)? = nil,
                onCommandRejected: (@Sendable (SimCommand, Diagnostic) -> Void)? = nil,
                scenario: ScenarioObserver? = nil,
                clock: any RunnerClock = WallRunnerClock()) throws {
        let engine = try FleetEngine(spec: spec, seed: seed)
        self.scenario = scenario
        fleetName = spec.name
        topology = engine.topology
        self.snapshotInterval = snapshotInterval
        self.onCommandApplied = onCommandApplied
        self.onCommandRejected = onCommandRejected
        self.clock = SuspendableClock(base: clock)
        hub.publish(engine.snapshot(clock: ClockState(speed: speed, paused: paused, achievedRealtimeFactor: 0)))
        loop = Mutex(SimLoop(engine: engine, inbox: inbox, hub: hub, clock: self.clock, scenario: scenario,
                             speed: speed, paused: paused, snapshotInterval: snapshotInterval,
                             onCommandApplied: onCommandApplied, onCommandRejected: onCommandRejected))
    }

    /// Asks for per-GPU figures of `racks` in every snapshot from now on (nil stops them); a fresh
    /// snapshot follows at once.
    public func watchGPUs(racks: Range<Int>?) {
        inbox.post { inbox in
            if inbox.watchedRacks != racks { inbox.snapshotRequested = true }
            inbox.watchedRacks = racks
        }
    }

    /// Asks for `Snapshot.export` columns (per-GPU up to `gpuLimit` GPUs) in every snapshot from
    /// now on, for a metrics endpoint (nil stops them).
    public func exportMetrics(gpuLimit: Int?) {
        inbox.post { inbox in
            inbox.exportGPULimit = gpuLimit
            inbox.snapshotRequested = true
        }
    }

    /// Tells the runner its scenario's next observation tick changed (e.g. a replay was asked to seek),
    /// so it asks again instead of waiting for the tick it was given before.
    public func scenarioChanged() {
        inbox.post { $0.observationChanged = true }
    }

    /// Wall seconds of measurement before the achieved rate is reported (0 = not known yet).
    static let rateWindowMinimum = 1.0

    /// Checks a command against the fleet without applying it (`FleetEngine.validate`); only
    /// before `start()`, while no thread owns the engine.
    public func validate(_ command: FleetCommand) -> Diagnostic? {
        loop.withLock { $0.engine.validate(command) }
    }

    /// Starts the simulation thread (on a manual clock: starts the loop, which `advanceTime` drives).
    public func start() {
        guard inbox.withLock({ inbox in
            defer { inbox.started = true }
            return !inbox.started
        }) else { return }
        if clock.base is ManualRunnerClock {
            loop.withLock { $0.begin() }
            return
        }
        let thread = Thread { [self] in run() }
        thread.name = "fleettop.sim"
        thread.start()
    }

    /// Stops the thread and waits for it to finish.
    public func stop() {
        let (started, wasStopping) = inbox.withLock { inbox in
            defer { inbox.stopping = true }
            return (inbox.started, inbox.stopping)
        }
        inbox.wakeup.signal()
        if clock.base is ManualRunnerClock {
            if started && !wasStopping { loop.withLock { $0.finish() } }
            return
        }
        guard started else { return }
        finished.wait()
        finished.signal()
    }

    /// Queues a command; it applies at the next tick boundary.
    public func send(_ command: SimCommand) {
        inbox.post { $0.queue.append(command) }
    }

    /// The engine's tick as of the runner's last pass (exact once `stop()` has returned).
    public var tick: UInt64 {
        inbox.withLock { $0.lastTick }
    }

    /// Asks for a snapshot as soon as possible (e.g. after a key press), without waiting for the interval.
    public func requestSnapshot() {
        inbox.post { $0.snapshotRequested = true }
    }

    /// Stops the simulation clock (the terminal is suspended with Ctrl-Z): no tick runs and no time is
    /// owed until `resumeClock`, so the run goes on from the same simulated time without a jump.
    public func suspendClock() {
        clock.suspend()
        inbox.wakeup.signal()
    }

    /// Starts the clock again after `suspendClock`.
    public func resumeClock() {
        clock.resume()
        inbox.wakeup.signal()
    }

    /// On a `ManualRunnerClock`: moves the clock `seconds` on, running on the calling thread every pass
    /// that falls due on the way (commands, steps, scenario observations, snapshots), as the thread
    /// would have. `advanceTime(by: 0)` runs what is due now. Starts the loop if `start()` was not called.
    public func advanceTime(by seconds: Double) {
        guard let manual = clock.base as? ManualRunnerClock else {
            preconditionFailure("advanceTime(by:) needs a runner on a ManualRunnerClock")
        }
        start()
        let target = manual.now + max(0, seconds)
        loop.withLock { loop in
            while true {
                guard case .wait(let until) = loop.pass() else {
                    loop.finish()
                    return
                }
                guard let until, let due = clock.baseTime(reading: until), due <= target else {
                    manual.set(to: target)
                    return
                }
                // A deadline that rounds to now (a float sum a hair short) moves the clock one
                // nanosecond on, so the pass that was due runs and time keeps moving.
                manual.set(to: due > manual.now ? due : manual.now + 1e-9)
            }
        }
    }

    private func run() {
        loop.withLock { loop in
            loop.begin()
            while case .wait(let until) = loop.pass() {
                inbox.wakeup.wait(seconds: until.map { $0 - clock.now })
            }
            loop.finish()
        }
        finished.signal()
    }
}
