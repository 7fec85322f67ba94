import Foundation
import FleetMetrics

/// The synchronous simulation: owns the fleet state and steps it at fixed simulated time steps.
/// Used headless by drills and `fleettop snapshot`, and on its own thread by `SimRunner`.
/// Same spec, seed and commands at the same ticks → the same history.
public final class FleetEngine {
    public let spec: FleetSpec
    public let seed: UInt64
    public let topology: Topology
    /// Serving ticks (100 ms) since start.
    public private(set) var tick: UInt64 = 0
    /// Simulated seconds since start.
    public var simTime: Double { Double(tick) * SimClock.servingDt }

    var serving: ServingModel
    var recorder: LatencyRecorder
    var retries: RetryPool
    var demand: DemandModel
    var agentic: AgenticSessions
    var probes: ProbeSessions
    var router: Router
    var physics: PowerThermalModel
    var governor: PowerGovernor
    var faults: FaultManager
    var background: BackgroundFailures
    var events = EventLog()
    let rng: CounterRNG

    // Per class, cumulative.
    var arrived = [Double](repeating: 0, count: 4)
    var retried = [Double](repeating: 0, count: 4)
    var unroutableDropped = [Double](repeating: 0, count: 4)
    /// Arrivals buffered for the next tick (agentic calls issued and retries released).
    var pendingArrivals = [Double](repeating: 0, count: 4)
    var arrivalRate = [Double](repeating: 0, count: 4)
    /// Requests routed to each site over the last minute (for `traffic_share_60s`).
    var routedWindow: RoutedWindow
    var shape: ServingModel.ClassShape

    // Per site.
    var pue: [Double]
    var itKW: [Double]
    var facilityKW: [Double]
    var siteEnergyKWh: [Double]
    var siteRttMs: [Double]
    var replicaWasUp: [Bool]
    var siteMaxGPUW: [Double]
    var shedEventID: [Int?]
    var capEventID: [Int?]
    /// Per site: when the cap last stopped biting while its alert is open (for the hold-down).
    var capClearSince: [Double?]
    var hallThrottleEvent: [Int?]
    var hallShutdownEvent: [Int?]
    var hallTemperatureAlert: [Int?]
    /// Each hall's hottest die as the sensors report it, °C (updated once a second).
    var hallDieReported: [Float]
    var sloEvent: [Int?] = [nil, nil, nil, nil]

    // Fleet money and energy.
    var energyKWh = 0.0
    var costUSD = 0.0
    var costPerHour = 0.0
    var energyCostPerHour = 0.0
    var tokensThisSecond = 0.0
    var tokensPerSecond = 0.0

    var surges: [SurgeState] = []
    var nextSurgeID = 1
    var history: FleetHistory
    var sitePowerHistory: [Series]
    var hallDieHistory: [Series]
    var hallPowerHistory: [Series]

    /// Builds the fleet of `spec`. Throws when a trace file cannot be read.
    public init(spec: FleetSpec, seed: UInt64) throws {
        self.spec = spec
        self.seed = seed
        let topo = Topology(spec: spec)
        topology = topo
        rng = CounterRNG(seed: seed)
        serving = ServingModel(topology: topo, spec: spec)
        recorder = LatencyRecorder(halls: topo.hallCount)
        retries = RetryPool(timeoutTicks: Int((spec.serving.retryTimeoutSeconds / SimClock.servingDt).rounded()))
        demand = try DemandModel(spec: spec, seed: seed)
        agentic = AgenticSessions(knobs: spec.agentic, classSpec: spec[.agentic])
        probes = ProbeSessions(knobs: spec.agentic, seed: seed)
        router = Router(sites: topo.siteCount, knobs: spec.routing)
        physics = PowerThermalModel(topology: topo, spec: spec)
        governor = PowerGovernor(sites: topo.siteCount, margin: spec.power.governorMargin)
        faults = FaultManager(topology: topo, seed: seed, fleetName: spec.name)
        background = BackgroundFailures(knobs: spec.failures, seed: seed)
        let c = spec.classes
        shape = ServingModel.ClassShape(
            newTokens: (c[0].inputTokens, c[1].inputTokens, c[2].inputTokens, c[3].inputTokens),
            kvTokens: (c[0].inputTokens + c[0].outputTokens / 2, c[1].inputTokens + c[1].outputTokens / 2,
                       c[2].inputTokens + c[2].outputTokens / 2, c[3].inputTokens + c[3].outputTokens / 2),
            outputTokens: (max(1, c[0].outputTokens), max(1, c[1].outputTokens),
                           max(1, c[2].outputTokens), max(1, c[3].outputTokens)))
        let sites = topo.siteCount
        pue = spec.sites.map(\.basePUE)
        itKW = [Double](repeating: 0, count: sites)
        facilityKW = itKW; siteEnergyKWh = itKW; siteMaxGPUW = itKW
        siteRttMs = spec.sites.map(\.rttMs)
        replicaWasUp = [Bool](repeating: true, count: topo.replicaCount)
        shedEventID = [Int?](repeating: nil, count: sites)
        capEventID = shedEventID
        capClearSince = [Double?](repeating: nil, count: sites)
        routedWindow = RoutedWindow(sites: sites)
        hallThrottleEvent = [Int?](repeating: nil, count: topo.hallCount)
        hallShutdownEvent = hallThrottleEvent
        hallTemperatureAlert = hallThrottleEvent
        hallDieReported = physics.hallDieMax
        history = FleetHistory(capacity: SimClock.historyCapacity)
        sitePowerHistory = (0..<sites).map { _ in Series(capacity: SimClock.historyCapacity) }
        hallDieHistory = (0..<topo.hallCount).map { _ in Series(capacity: SimClock.historyCapacity) }
        hallPowerHistory = hallDieHistory
        updateReplicaSpeeds()
        routeNow()
    }

    /// Outcome of a command.
    public enum CommandResult: Sendable, Equatable {
        case applied(String)
        case rejected(String)
    }

    /// Applies a command at the current tick boundary. Clock commands (pause, speed…) belong to the
    /// runner and are accepted without effect here.
    @discardableResult
    public func apply(_ command: SimCommand) -> CommandResult {
        let t = simTime
        do {
            switch command {
            case .fault(let f):
                try faults.inject(f, at: t, physics: &physics, events: &events)
                // A sensor fault changes readings only: speeds and routing stay exactly as they were.
                if f.kind == .sensor { faults.computeEffects(at: t) } else { afterFaultChange() }
                return .applied(events.events.last?.text ?? "fault")
            case .surge(let s):
                let id = nextSurgeID
                nextSurgeID += 1
                let names = s.classes.count == 4 ? "all" : s.classes.map(\.name).joined(separator: ",")
                let eid = events.open(.surge, "surge \(names) ×\(s.factor.formatted2)", at: t, injected: true)
                surges.append(SurgeState(id: id, spec: s, start: t, end: s.durationSeconds.map { t + $0 }, eventID: eid))
                updateSurges()
                return .applied("surge \(names) ×\(s.factor.formatted2)")
            case .repair(let sel):
                try faults.repair(sel, at: t, physics: &physics, events: &events)
                if sel == nil {
                    for s in surges { events.close(s.eventID, at: t) }
                    surges.removeAll()
                    updateSurges()
                }
                afterFaultChange()
                return .applied("repair")
            case .pause, .resume, .step, .speed:
                return .applied("clock")
            }
        } catch {
            let message = "\(error)"
            events.open(.command, "rejected: \(message)", at: t, injected: true, ongoing: false)
            return .rejected(message)
        }
    }

    /// Checks a command against this fleet without applying it (e.g. unknown site names).
    public func validate(_ command: SimCommand) -> String? {
        switch command {
        case .fault(let f):
            do { try faults.validate(f) } catch { return "\(error)" }
        case .repair(let sel?):
            do { _ = try TargetResolver(topology: topology).scope(sel, level: .gpu) } catch { return "\(error)" }
        default: break
        }
        return nil
    }

    /// Whether a replica whose step inputs equal its neighbour's reuses that step's outcome: exact, and
    /// most of the serving work on a large healthy fleet. `bench` turns it off to time the worst case.
    public var reusesIdenticalReplicaSteps: Bool {
        get { serving.reusesIdenticalSteps }
        set { serving.reusesIdenticalSteps = newValue }
    }

    /// Share of replica steps since start that reused a neighbour's outcome.
    public var reusedReplicaStepShare: Double {
        serving.replicaSteps > 0 ? Double(serving.reusedSteps) / Double(serving.replicaSteps) : 0
    }

    /// Advances by whole serving ticks covering `seconds` of simulated time.
    public func advance(seconds: Double) {
        let n = Int((seconds / SimClock.servingDt).rounded())
        for _ in 0..<max(0, n) { step() }
    }

    /// Advances one serving tick (100 ms).
    public func step() {
        if tick % SimClock.ticksPerPhysics == 0 { physicsStep() }
        if tick % SimClock.ticksPerFacility == 0 { facilityStep() }
        servingStep()
        tick += 1
    }

    func afterFaultChange() {
        faults.advance(to: simTime, physics: &physics, events: &events)
        updateReplicaSpeeds()
        routeNow()
    }

    func updateSurges() {
        let t = simTime
        var factor = [1.0, 1, 1, 1]
        for s in surges {
            let f = s.factor(at: t)
            for c in s.spec.classes { factor[c.rawValue] *= f }
        }
        demand.surge = factor
        let chain = pow(max(1, factor[RequestClass.agentic.rawValue]), spec.agentic.surgeChainExponent)
        agentic.setChainMultiplier(chain)
        probes.chainMultiplier = chain
    }

    func servingStep() {
        let t = simTime, dt = SimClock.servingDt
        let released = retries.release()
        var classArrivals = [0.0, 0, 0, 0]
        for c in 0..<4 {
            let fresh: Double
            if c == RequestClass.agentic.rawValue {
                fresh = pendingArrivals[c]
                pendingArrivals[c] = 0
            } else {
                fresh = demand.arrivals(c, at: t, dt: dt, tick: tick)
                arrived[c] += fresh
            }
            classArrivals[c] = fresh
        }
        classArrivals[0] += released.0; classArrivals[1] += released.1
        classArrivals[2] += released.2; classArrivals[3] += released.3
        var siteArrivals = [Double](repeating: 0, count: topology.siteCount * 4)
        for c in 0..<4 {
            var routed = 0.0
            for s in 0..<topology.siteCount {
                let a = classArrivals[c] * router.siteShare[s * 4 + c]
                let lost = a * faults.siteNetworkLoss[s]
                if lost > 0 {
                    retries.add(lost, class: c)
                    retried[c] += lost
                    recorder.recordRetries(lost, class: c)
                }
                siteArrivals[s * 4 + c] = a - lost
                routed += a
            }
            if routed < classArrivals[c] * (1 - 1e-12) { unroutableDropped[c] += classArrivals[c] - routed }
        }
        for c in 0..<4 { if let tt = demand.traceTokens[c] { setShape(c, input: tt.input, output: tt.output) } }
        let a = RequestClass.agentic.rawValue
        shape.newTokens.2 = agentic.newTokensPerCall
        shape.kvTokens.2 = agentic.contextTokensPerCall
        serving.tick(dt: dt, siteArrivals: siteArrivals, shape: shape, topology: topology)
        var doneA = 0.0, dropA = 0.0, tokens = 0.0
        for h in 0..<topology.hallCount {
            doneA += serving.hallTick.completed[h * 4 + a]
            dropA += serving.hallTick.dropped[h * 4 + a]
            tokens += serving.hallTick.tokens[h]
        }
        dropA += unroutableDropped[a] - lastUnroutableAgentic
        lastUnroutableAgentic = unroutableDropped[a]
        tokensThisSecond += tokens
        let started = Double(rng.poisson(demand.rate(a, at: t) * dt, .arrivals, UInt64(a), tick))
        let issued = agentic.tick(dt: dt, started: started, completed: doneA, dropped: dropA)
        pendingArrivals[a] += issued
        arrived[a] += issued
        recorder.record(tick: serving.hallTick, dt: dt, topology: topology,
                        rttSeconds: siteRttMs.map { $0 / 1000 }, shape: shape, slos: spec.classes.map(\.slo),
                        minStep: serving.table.decode[1], tpotJitter: spec.serving.tpotJitter,
                        retryPending: retries.pending)
        probes.tick(dt: dt, at: t, tick: tick, startRate: demand.rate(a, at: t), engine: self)
    }

    var lastUnroutableAgentic = 0.0
    var lastCallsIssued = 0.0

    func setShape(_ c: Int, input: Double, output: Double) {
        let kv = input + output / 2, out = max(1, output)
        switch c {
        case 0: shape.newTokens.0 = input; shape.kvTokens.0 = kv; shape.outputTokens.0 = out
        case 1: shape.newTokens.1 = input; shape.kvTokens.1 = kv; shape.outputTokens.1 = out
        case 2: shape.newTokens.2 = input; shape.kvTokens.2 = kv; shape.outputTokens.2 = out
        default: shape.newTokens.3 = input; shape.kvTokens.3 = kv; shape.outputTokens.3 = out
        }
    }
}

extension Double {
    /// Up to two decimals, trailing zeros dropped ("3", "1.5", "0.25").
    var formatted2: String {
        let r = (self * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
