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
    var recorder = LatencyRecorder()
    var retries = RetryPool()
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

    // Per class, cumulative, weighted requests.
    var arrived = [Double](repeating: 0, count: 4)
    var retried = [Double](repeating: 0, count: 4)
    /// Dropped before reaching a site: nowhere to route, or out of retries.
    var droppedBeforeSite = [Double](repeating: 0, count: 4)
    var arrivalRate = [Double](repeating: 0, count: 4)
    /// Weighted arrivals per class since the last physics second (for measured rates).
    var arrivalsThisSecond = SIMD4<Double>.zero
    /// Requests routed to each site over the last minute (for `traffic_share_60s`).
    var routedWindow: RoutedWindow
    /// Agentic calls issued by the cohorts and not yet materialised, per site (fractions carry over).
    var agenticCarry: [Double]
    /// Calls the cohorts issued last tick, to arrive this tick.
    var agenticIssued = 0.0
    /// Agentic cohort calls that completed or were dropped this tick (weighted).
    var agenticCompleted = 0.0
    var agenticDropped = 0.0
    /// Per site: cut off from its users by a partition (its requests stranded to retry).
    var sitePartitioned: [Bool]
    /// ∫ requests in system dt per class at the end of the last tick (sites + retry pool).
    var lastOccupancy = SIMD4<Double>.zero
    /// Reused per tick: arrivals per site, departures, requests to retry.
    var siteArrivals: [[RequestRecord]]
    var departures: [Departure] = []
    var bounced: [RequestRecord] = []
    /// When set, every departure is also kept here (for validation against a reference simulator).
    public var departureLog: [Departure]?

    // Per site.
    var pue: [Double]
    var itKW: [Double]
    var facilityKW: [Double]
    var siteRttMs: [Double]
    /// Each replica's prefill and decode busy shares over the last physics second.
    var lastBusy: (prefill: [Double], decode: [Double]) = ([], [])
    var siteMaxGPUW: [Double]
    /// Each hall's hottest die as the sensors report it, °C (updated once a second).
    var hallDieReported: [Float]
    /// Open events by what they are about, and the fleet's money, energy and tokens.
    var alerts: AlertBook
    /// Per class: its SLO standing, judged each facility step.
    var sloStatus = [SLOStatus](repeating: SLOStatus(), count: RequestClass.allCases.count)
    var cost: CostMeter

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
        demand = try DemandModel(spec: spec, seed: seed)
        agentic = AgenticSessions(knobs: spec.agentic, classSpec: spec[.agentic])
        probes = ProbeSessions(knobs: spec.agentic, seed: seed)
        router = Router(sites: topo.siteCount, knobs: spec.routing)
        physics = PowerThermalModel(topology: topo, spec: spec)
        governor = PowerGovernor(sites: topo.siteCount, margin: spec.power.governorMargin,
                                 confirmSteps: Int(spec.power.governorConfirmSeconds.rounded()))
        faults = FaultManager(topology: topo, seed: seed, fleetName: spec.name)
        background = BackgroundFailures(knobs: spec.failures, seed: seed)
        let sites = topo.siteCount
        pue = spec.sites.map(\.basePUE)
        itKW = [Double](repeating: 0, count: sites)
        facilityKW = itKW; siteMaxGPUW = itKW
        siteRttMs = spec.sites.map(\.rttMs)
        alerts = AlertBook(sites: sites, halls: topo.hallCount)
        cost = CostMeter(sites: sites)
        routedWindow = RoutedWindow(sites: sites)
        agenticCarry = [Double](repeating: 0, count: sites)
        sitePartitioned = [Bool](repeating: false, count: sites)
        siteArrivals = [[RequestRecord]](repeating: [], count: sites)
        hallDieReported = physics.hallDieMax
        history = FleetHistory(capacity: SimClock.historyCapacity)
        sitePowerHistory = (0..<sites).map { _ in Series(capacity: SimClock.historyCapacity) }
        hallDieHistory = (0..<topo.hallCount).map { _ in Series(capacity: SimClock.historyCapacity) }
        hallPowerHistory = hallDieHistory
        updateReplicaSpeeds()
        routeNow()
    }

    /// Outcome of a command: what it did in words, or why it was refused (an unknown site, a fault id
    /// not active…), as a diagnostic; the events panel and the command line derive their text from it.
    public enum CommandResult: Sendable, Equatable {
        case applied(String)
        case rejected(Diagnostic)
    }

    /// Applies a fleet command at the current tick boundary. (Clock commands belong to the runner.)
    @discardableResult
    public func apply(_ command: FleetCommand) -> CommandResult {
        let t = simTime
        do throws(Diagnostic) {
            switch command {
            case .fault(let f):
                try faults.inject(f, at: t, physics: &physics, events: &events)
                // A sensor fault changes readings only: speeds and routing stay exactly as they were.
                if f.kind == .sensor { faults.computeEffects(at: t) } else { afterFaultChange() }
                return .applied(events.events.last?.text ?? "fault")
            case .surge(let s):
                let id = nextSurgeID
                nextSurgeID += 1
                let subject = SimEvent.Subject.surge(id: id, classes: s.classes, factor: s.factor)
                let eid = events.open(.surge, subject, at: t, injected: true)
                surges.append(SurgeState(id: id, spec: s, start: t, end: s.durationSeconds.map { t + $0 }, eventID: eid))
                updateSurges()
                return .applied(subject.text)
            case .repair(let sel):
                try faults.repair(sel, at: t, physics: &physics, events: &events)
                if sel == nil {
                    for s in surges { events.close(s.eventID, at: t) }
                    surges.removeAll()
                    updateSurges()
                }
                afterFaultChange()
                return .applied("repair")
            }
        } catch {
            events.open(.command, .rejected(command, error), at: t, injected: true, ongoing: false)
            return .rejected(error)
        }
    }

    /// Checks a fleet command against this fleet without applying it (e.g. unknown site names).
    public func validate(_ command: FleetCommand) -> Diagnostic? {
        do {
            switch command {
            case .fault(let f): try faults.validate(f)
            case .repair(let sel?): _ = try TargetResolver(topology: topology).scope(sel, level: .gpu)
            case .surge, .repair(nil): break
            }
        } catch {
            return error
        }
        return nil
    }

    /// Replica slots simulated request by request (all replicas, unless halls are sampled).
    public var simulatedReplicaSlots: Int { serving.simulatedSlots }

    /// Requests inside the fleet's sites now (for `bench`'s memory figure).
    public var requestsHeld: Int { serving.requestsHeld }

    /// Requests waiting out a retry timeout now.
    public var retryCount: Int { retries.count }

    /// Advances by whole serving ticks covering `seconds` of simulated time.
    public func advance(seconds: Double) {
        guard seconds.isFinite, seconds > 0 else { return }
        let n = Int(min(seconds / SimClock.servingDt, 1e15).rounded())
        for _ in 0..<n { step() }
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
        demand.surge = factor.map { min($0, CommandLimits.maxSurgeFactor) }
        let chain = pow(min(max(1, factor[RequestClass.agentic.rawValue]), CommandLimits.maxSurgeFactor), spec.agentic.surgeChainExponent)
        agentic.setChainMultiplier(chain)
        probes.chainMultiplier = chain
    }

}

extension Double {
    /// Up to two decimals, trailing zeros dropped ("3", "1.5", "0.25").
    var formatted2: String {
        let r = (self * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
