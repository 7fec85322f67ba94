import Foundation

/// Runs a `FleetEngine` on its own thread: paces it at ×1…×60 or as fast as possible, pauses and single-
/// steps, applies queued commands at tick boundaries (reporting each with its tick to `onCommandApplied`),
/// and publishes snapshots to `hub` every `snapshotInterval` wall seconds or on request — never every tick.
public final class SimRunner: @unchecked Sendable {
    public let hub = SnapshotHub()
    /// Called on the runner thread after each command is applied, with the tick it applied at.
    public let onCommandApplied: (@Sendable (UInt64, SimCommand) -> Void)?
    /// Called on the runner thread when a command is rejected (e.g. an unknown site), with the reason.
    public let onCommandRejected: (@Sendable (SimCommand, String) -> Void)?
    public let snapshotInterval: Double
    public let fleetName: String
    /// The drill, story or replay driving the run, if any (see `ScenarioObserver`).
    public let scenario: ScenarioObserver?

    private let engine: FleetEngine
    private let condition = NSCondition()
    private var queue: [SimCommand] = []
    private var stopping = false
    private var snapshotRequested = false
    private var thread: Thread?
    private var finished = false
    private var speed: SimSpeed
    private var paused: Bool
    private var nextObservation: UInt64?
    private var clockChanged = false
    private var lastTick: UInt64 = 0
    private var watchedRacks: Range<Int>?
    private var observationChanged = false
    private var exportGPULimit: Int?

    /// Builds the engine (throws if the fleet cannot be built) without starting the thread.
    public init(spec: FleetSpec, seed: UInt64, speed: SimSpeed = .times(1), paused: Bool = false,
                snapshotInterval: Double = 0.25,
                onCommandApplied: (@Sendable (UInt64, SimCommand) -> Void)? = nil,
                onCommandRejected: (@Sendable (SimCommand, String) -> Void)? = nil,
                scenario: ScenarioObserver? = nil) throws {
        engine = try FleetEngine(spec: spec, seed: seed)
        self.scenario = scenario
        nextObservation = scenario?.firstObservationTick
        fleetName = spec.name
        self.speed = speed
        self.paused = paused
        self.snapshotInterval = snapshotInterval
        self.onCommandApplied = onCommandApplied
        self.onCommandRejected = onCommandRejected
        hub.publish(engine.snapshot(clock: ClockState(speed: speed, paused: paused, achievedRealtimeFactor: 0)))
    }

    /// The fleet's structure (immutable), for checking a command against it before it is sent.
    public var topology: Topology { engine.topology }

    /// Asks for per-GPU figures of `racks` in every snapshot from now on (nil stops them); a fresh
    /// snapshot follows at once.
    public func watchGPUs(racks: Range<Int>?) {
        condition.lock()
        let changed = watchedRacks != racks
        watchedRacks = racks
        if changed { snapshotRequested = true }
        condition.broadcast()
        condition.unlock()
    }

    /// Asks for `Snapshot.export` columns (per-GPU up to `gpuLimit` GPUs) in every snapshot from
    /// now on, for a metrics endpoint (nil stops them).
    public func exportMetrics(gpuLimit: Int?) {
        condition.lock()
        exportGPULimit = gpuLimit
        snapshotRequested = true
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the runner its scenario's next observation tick changed (e.g. a replay was asked to seek),
    /// so it asks again instead of waiting for the tick it was given before.
    public func scenarioChanged() {
        condition.lock()
        observationChanged = true
        condition.broadcast()
        condition.unlock()
    }

    /// Wall seconds of measurement before the achieved rate is reported (0 = not known yet).
    static let rateWindowMinimum = 1.0

    /// Checks a command against the fleet without applying it (`FleetEngine.validate`); only
    /// before `start()`, while no thread owns the engine.
    public func validate(_ command: SimCommand) -> String? {
        engine.validate(command)
    }

    /// Starts the simulation thread.
    public func start() {
        condition.lock(); defer { condition.unlock() }
        guard thread == nil else { return }
        let t = Thread { [self] in run() }
        t.name = "fleettop.sim"
        thread = t
        t.start()
    }

    /// Stops the thread and waits for it to finish.
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while thread != nil && !finished { condition.wait() }
        condition.unlock()
    }

    /// Queues a command; it applies at the next tick boundary.
    public func send(_ command: SimCommand) {
        condition.lock()
        queue.append(command)
        condition.broadcast()
        condition.unlock()
    }

    /// The engine's tick as of the runner's last pass (exact once `stop()` has returned).
    public var tick: UInt64 {
        condition.lock(); defer { condition.unlock() }
        return lastTick
    }

    /// Asks for a snapshot as soon as possible (e.g. after a key press), without waiting for the interval.
    public func requestSnapshot() {
        condition.lock()
        snapshotRequested = true
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        var lastPublish = Date()
        var lastWall = Date()
        var owed = 0.0
        var rateWindow: [(wall: Date, sim: Double)] = [(Date(), engine.simTime)]
        while true {
            condition.lock()
            let commands = queue
            queue.removeAll()
            let stop = stopping
            var requested = snapshotRequested
            snapshotRequested = false
            let rescheduled = observationChanged
            observationChanged = false
            condition.unlock()
            if rescheduled, let scenario {
                nextObservation = scenario.nextObservationTick(after: engine.tick).map { Swift.max($0, engine.tick + 1) }
            }
            if stop { break }
            clockChanged = false
            for c in commands { handle(c, requested: &requested) }
            // The achieved rate is measured afresh after a speed change or pause, not averaged across it.
            if clockChanged { rateWindow = [(Date(), engine.simTime)] }
            observeIfDue(requested: &requested)
            let now = Date()
            let wallDelta = now.timeIntervalSince(lastWall)
            lastWall = now
            var deadline = now.addingTimeInterval(snapshotInterval)
            if !paused {
                switch speed {
                case .max:
                    let until = now.addingTimeInterval(0.02)
                    repeat {
                        for _ in 0..<Int(SimClock.ticksPerPhysics) where stepOnce(requested: &requested) {}
                    } while Date() < until && !clockChanged && !hasPendingWork()
                    deadline = now
                case .times(let x):
                    owed = min(owed + wallDelta * x, max(1, x))
                    while owed >= SimClock.servingDt && !clockChanged && !hasPendingWork() {
                        guard stepOnce(requested: &requested) else { break }
                        owed -= SimClock.servingDt
                    }
                    deadline = now.addingTimeInterval(max(0.001, (SimClock.servingDt - owed) / max(x, 1e-6)))
                }
            }
            let after = Date()
            rateWindow.append((after, engine.simTime))
            while rateWindow.count > 2 && after.timeIntervalSince(rateWindow[0].wall) > 3 { rateWindow.removeFirst() }
            if requested || after.timeIntervalSince(lastPublish) >= snapshotInterval {
                let first = rateWindow[0]
                let wall = after.timeIntervalSince(first.wall)
                let factor = paused || wall < Self.rateWindowMinimum ? 0 : (engine.simTime - first.sim) / wall
                var snapshot = engine.snapshot(clock: ClockState(speed: speed, paused: paused, achievedRealtimeFactor: factor))
                condition.lock()
                let watched = watchedRacks, exportLimit = exportGPULimit
                condition.unlock()
                if let watched { snapshot.gpuDetail = engine.gpuDetail(racks: watched) }
                if let exportLimit { snapshot.export = engine.exportColumns(gpuLimit: exportLimit) }
                hub.publish(snapshot)
                lastPublish = after
            }
            let nextPublish = lastPublish.addingTimeInterval(snapshotInterval)
            let wake = min(deadline, nextPublish)
            condition.lock()
            lastTick = engine.tick
            if queue.isEmpty && !stopping && !snapshotRequested && !observationChanged && !clockChanged && wake > Date() {
                _ = condition.wait(until: wake)
            }
            condition.unlock()
        }
        condition.lock()
        lastTick = engine.tick
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func hasPendingWork() -> Bool {
        condition.lock(); defer { condition.unlock() }
        return !queue.isEmpty || stopping || snapshotRequested
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
        case .pause: paused = true; clockChanged = true
        case .resume: paused = false; clockChanged = true
        case .speed(let s): speed = s; clockChanged = true
        case .step:
            onCommandApplied?(at, command)
            requested = true
            for _ in 0..<Int(SimClock.ticksPerPhysics) { observeIfDue(requested: &requested); engine.step() }
            return
        case .fault, .surge, .repair:
            if case .rejected(let reason) = engine.apply(command) {
                onCommandRejected?(command, reason)
                requested = true
                return
            }
        }
        onCommandApplied?(at, command)
        requested = true
    }
}
