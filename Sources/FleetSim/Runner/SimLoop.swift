import Synchronization

/// The runner's loop: owns the engine and everything only the simulating thread touches (speed,
/// pause, the owed time, the achieved-rate window, the scenario's next tick). Each `pass` drains the
/// inbox, applies commands at the tick boundary, steps as far as the clock allows, publishes when due,
/// and says when it wants to run again. One thread at a time: `SimRunner` keeps it inside a `Mutex`.
final class SimLoop {
    /// What a pass asks of its driver.
    enum Next: Equatable {
        /// Run again at this clock time, or when woken; nil: only when woken.
        case wait(until: Double?)
        /// The runner was stopped.
        case stop
    }

    /// Clock seconds a batch at maximum speed runs before the loop looks at its inbox again.
    static let maximumSpeedSlice = 0.02

    let engine: FleetEngine
    private let inbox: RunnerInbox
    private let hub: SnapshotHub
    private let clock: SuspendableClock
    private let scenario: ScenarioObserver?
    private let snapshotInterval: Double
    private let onCommandApplied: (@Sendable (UInt64, SimCommand) -> Void)?
    private let onCommandRejected: (@Sendable (SimCommand, Diagnostic) -> Void)?

    private var speed: SimSpeed
    private var paused: Bool
    private var nextObservation: UInt64?
    private var clockChanged = false
    private var lastPublish = 0.0
    private var lastWall = 0.0
    private var owed = 0.0
    private var rateWindow: [(wall: Double, sim: Double)] = []

    init(engine: FleetEngine, inbox: RunnerInbox, hub: SnapshotHub, clock: SuspendableClock,
         scenario: ScenarioObserver?, speed: SimSpeed, paused: Bool, snapshotInterval: Double,
         onCommandApplied: (@Sendable (UInt64, SimCommand) -> Void)?,
         onCommandRejected: (@Sendable (SimCommand, Diagnostic) -> Void)?) {
        self.engine = engine
        self.inbox = inbox
        self.hub = hub
        self.clock = clock
        self.scenario = scenario
        self.speed = speed
        self.paused = paused
        self.snapshotInterval = snapshotInterval
        self.onCommandApplied = onCommandApplied
        self.onCommandRejected = onCommandRejected
        nextObservation = scenario?.firstObservationTick
    }

    /// Starts the clocks of pacing and publishing at the clock's now; call once before the first pass.
    func begin() {
        let now = clock.now
        lastPublish = now
        lastWall = now
        rateWindow = [(now, engine.simTime)]
    }

    /// One turn of the loop.
    func pass() -> Next {
        if clock.isSuspended {
            return inbox.withLock { $0.stopping } ? .stop : .wait(until: nil)
        }
        let mail = inbox.withLock { $0.take() }
        if mail.observationChanged, let scenario {
            nextObservation = scenario.nextObservationTick(after: engine.tick).map { Swift.max($0, engine.tick + 1) }
        }
        if mail.stop { return .stop }
        var requested = mail.snapshotRequested
        clockChanged = false
        for c in mail.commands { handle(c, requested: &requested) }
        // The achieved rate is measured afresh after a speed change or pause, not averaged across it.
        if clockChanged { rateWindow = [(clock.now, engine.simTime)] }
        observeIfDue(requested: &requested)
        let now = clock.now
        let wallDelta = now - lastWall
        lastWall = now
        var deadline = now + snapshotInterval
        if !paused {
            switch speed {
            case .max:
                if let cost = clock.maximumSpeedBatchCost {
                    for _ in 0..<Int(SimClock.ticksPerPhysics) where stepOnce(requested: &requested) {}
                    deadline = now + cost
                } else {
                    let until = now + Self.maximumSpeedSlice
                    repeat {
                        for _ in 0..<Int(SimClock.ticksPerPhysics) where stepOnce(requested: &requested) {}
                    } while clock.now < until && !clockChanged && !hasPendingWork()
                    deadline = now
                }
            case .times(let x):
                owed = min(owed + wallDelta * x, max(1, x))
                while owed >= SimClock.servingDt && !clockChanged && !hasPendingWork() {
                    guard stepOnce(requested: &requested) else { break }
                    owed -= SimClock.servingDt
                }
                deadline = now + max(0.001, (SimClock.servingDt - owed) / max(x, 1e-6))
            }
        }
        let after = clock.now
        rateWindow.append((after, engine.simTime))
        while rateWindow.count > 2 && after - rateWindow[0].wall > 3 { rateWindow.removeFirst() }
        if requested || after - lastPublish >= snapshotInterval {
            publish(at: after)
        }
        let tick = engine.tick
        inbox.withLock { $0.lastTick = tick }
        if clockChanged { return .wait(until: after) }
        return .wait(until: min(deadline, lastPublish + snapshotInterval))
    }

    /// Marks the loop finished: the final tick is what `SimRunner.tick` reports from now on.
    func finish() {
        let tick = engine.tick
        inbox.withLock { $0.lastTick = tick }
    }

    private func publish(at now: Double) {
        let first = rateWindow[0]
        let wall = now - first.wall
        let factor = paused || wall < SimRunner.rateWindowMinimum ? 0 : (engine.simTime - first.sim) / wall
        var snapshot = engine.snapshot(clock: ClockState(speed: speed, paused: paused, achievedRealtimeFactor: factor))
        let (watched, exportLimit) = inbox.withLock { ($0.watchedRacks, $0.exportGPULimit) }
        if let watched { snapshot.gpuDetail = engine.gpuDetail(racks: watched) }
        if let exportLimit { snapshot.export = engine.exportColumns(gpuLimit: exportLimit) }
        hub.publish(snapshot)
        lastPublish = now
    }

    private func hasPendingWork() -> Bool {
        inbox.withLock { $0.hasPendingWork }
    }

    /// Lets the scenario see the current tick when it asked for it, and applies what it returns.
    private func observeIfDue(requested: inout Bool) {
        guard let scenario, let due = nextObservation, engine.tick >= due else { return }
        let now = engine.tick
        let snapshot = engine.snapshot(clock: ClockState(speed: speed, paused: paused, achievedRealtimeFactor: 0))
        for c in scenario.observe(snapshot) { handle(c, requested: &requested) }
        nextObservation = scenario.nextObservationTick(after: now).map { Swift.max($0, now + 1) }
    }

    /// One serving tick with the scenario consulted first; false when the scenario paused the run.
    private func stepOnce(requested: inout Bool) -> Bool {
        observeIfDue(requested: &requested)
        guard !paused else { return false }
        engine.step()
        return true
    }

    private func handle(_ command: SimCommand, requested: inout Bool) {
        let at = engine.tick
        switch command {
        case .clock(.pause): paused = true; clockChanged = true
        case .clock(.resume): paused = false; clockChanged = true
        case .clock(.speed(let s)): speed = s; clockChanged = true
        case .clock(.step):
            onCommandApplied?(at, command)
            requested = true
            for _ in 0..<Int(SimClock.ticksPerPhysics) { observeIfDue(requested: &requested); engine.step() }
            return
        case .fleet(let fleetCommand):
            if case .rejected(let reason) = engine.apply(fleetCommand) {
                onCommandRejected?(command, reason)
                requested = true
                return
            }
        }
        onCommandApplied?(at, command)
        requested = true
    }
}
