import FleetMetrics

/// An immutable picture of the whole fleet at one tick, published by the runner to every subscriber.
/// The UI, drills, recorder and `fleettop snapshot` read only this, never live state.
public struct Snapshot: Sendable {
    /// Serving ticks (100 ms) since start.
    public var tick: UInt64
    /// Simulated seconds since start.
    public var simTime: Double
    public var seed: UInt64
    /// Preset name or fleet file name.
    public var fleetName: String
    public var clock: ClockState
    public var totals: FleetTotals
    /// Sites in topology order; each knows its halls' index range.
    public var sites: [SiteStats]
    /// Halls in topology order (contiguous per site); each knows its racks' index range.
    public var halls: [HallStats]
    /// Compact per-rack columns for the fleet map (contiguous per hall).
    public var racks: RackTable
    /// Per-class figures, indexed by `RequestClass.rawValue`.
    public var classes: [ClassStats]
    public var agentic: AgenticStats
    /// Failure events since start, background and injected, by kind.
    public var failures: FailureCounts
    public var activeFaults: [ActiveFault]
    public var activeSurges: [ActiveSurge]
    /// Recent events, oldest first, bounded (repeats merged by the runner).
    public var events: [SimEvent]
    /// Fleet-wide histories for sparklines (one sample per physics second).
    public var history: FleetHistory
    /// MODEL.md §9 checks that failed at this tick (empty when all hold).
    public var invariantViolations: [String]
    /// Per-GPU figures for the racks the dashboard's GPU table asked for (nil unless asked).
    public var gpuDetail: GPUDetail?
    /// The fleet's tag names (fleet-file `tags` / `rack_tags`), sorted, for `tag=` completion and checks.
    public var tags: [String]
    /// SLO standing, open alerts and what is down, judged by the simulation.
    public var status = FleetStatus()
    /// Columns for the Prometheus exposition (nil unless a metrics endpoint or export asked for them).
    public var export: ExportColumns?

    public init(tick: UInt64, simTime: Double, seed: UInt64, fleetName: String, clock: ClockState,
                totals: FleetTotals, sites: [SiteStats], halls: [HallStats], racks: RackTable,
                classes: [ClassStats], agentic: AgenticStats, failures: FailureCounts,
                activeFaults: [ActiveFault], activeSurges: [ActiveSurge], events: [SimEvent],
                history: FleetHistory, invariantViolations: [String], tags: [String] = []) {
        self.tick = tick; self.simTime = simTime; self.seed = seed; self.fleetName = fleetName
        self.clock = clock; self.totals = totals; self.sites = sites; self.halls = halls
        self.racks = racks; self.classes = classes; self.agentic = agentic; self.failures = failures
        self.activeFaults = activeFaults; self.activeSurges = activeSurges; self.events = events
        self.history = history; self.invariantViolations = invariantViolations; self.tags = tags
    }

    /// The figures of one class.
    public subscript(_ c: RequestClass) -> ClassStats { classes[c.rawValue] }
}

/// The simulation clock as the UI shows it.
public struct ClockState: Sendable, Equatable {
    public var speed: SimSpeed
    public var paused: Bool
    /// Measured simulated seconds per wall second over the last few seconds (0 while paused).
    public var achievedRealtimeFactor: Double
    public init(speed: SimSpeed, paused: Bool, achievedRealtimeFactor: Double) {
        self.speed = speed; self.paused = paused; self.achievedRealtimeFactor = achievedRealtimeFactor
    }
}

/// Whole-fleet totals. Power in kW, energy in kWh, money in US dollars.
public struct FleetTotals: Sendable, Equatable {
    public var sites = 0, halls = 0, racks = 0, gpus = 0
    public var gpusUp = 0
    /// GPUs slowed by temperature (either slowdown threshold).
    public var gpusThermalThrottled = 0
    /// GPUs whose power cap currently slows them (governor or power-cap fault).
    public var gpusPowerCapped = 0
    /// GPUs down after a thermal shutdown.
    public var gpusShutDown = 0
    public var itPowerKW = 0.0
    public var facilityPowerKW = 0.0
    public var gridLimitKW = 0.0
    public var energyKWh = 0.0
    public var costUSD = 0.0
    public var costPerHourUSD = 0.0
    /// Share of cost that is energy (the rest is GPU-hours).
    public var energyShareOfCost = 0.0
    public var usdPerMillionTokens = 0.0
    public var outputTokensPerSecond = 0.0
    public var requestsPerSecond = 0.0
    /// Completions meeting both TTFT and TPOT targets, over completions, last 60 s, all classes with SLOs.
    public var goodputRatio = 1.0
    /// Facility over IT power, fleet-wide.
    public var pue = 1.0
    public init() {}
}

/// Cooling technology of a hall.
public enum CoolingKind: String, Sendable, Codable, CaseIterable {
    case air, liquid
}

/// One site. Power in kW, temperatures in °C, RTT in ms.
public struct SiteStats: Sendable, Equatable {
    public var name: String
    /// Round-trip time from its users' region, including any network fault's added latency.
    public var rttMs: Double
    public var baseRttMs: Double
    public var halls: Range<Int>
    public var racks: Range<Int>
    public var gpus = 0, gpusUp = 0, gpusThermalThrottled = 0, gpusPowerCapped = 0, gpusShutDown = 0
    public var itPowerKW = 0.0
    public var facilityPowerKW = 0.0
    /// The grid connection's normal limit.
    public var gridLimitKW = 0.0
    /// The limit in force now (grid limit, lowered by a power-cap fault / demand response).
    public var activeCapKW = 0.0
    /// Per-GPU power cap the governor applies now, in watts; nil when it is not capping.
    public var governorCapW: Double?
    /// Racks shed by the governor past its floor.
    public var racksShed = 0
    public var pue = 1.0
    /// True hottest rack inlet and GPU die (physics).
    public var inletCMax = 0.0
    public var dieCMax = 0.0
    /// The same as the sensors report them (differ from the true values under a sensor fault).
    public var inletCMaxReported = 0.0
    public var dieCMaxReported = 0.0
    /// Mean busy share of up GPUs, 0...1.
    public var utilization = 0.0
    /// Requests waiting at this site.
    public var queueRequests = 0.0
    /// KV cache in use over capacity, 0...1.
    public var kvUse = 0.0
    /// Share of the fleet's routed demand this site serves now, 0...1 (the routing weights, which
    /// swing when a burst fills a site).
    public var trafficShare = 0.0
    /// Share of the requests routed over the last 60 simulated seconds that went to this site, 0...1.
    public var trafficShareLastMinute = 0.0
    public var pricePerMWh = 0.0
    public var costPerHourUSD = 0.0
    /// Share of traffic lost to a network fault, 0...1 (1 = partitioned).
    public var networkLoss = 0.0
    public var partitioned: Bool { networkLoss >= 1 }
    /// Facility power over the last minutes (kW, one sample per physics second).
    public var powerHistoryKW: Series

    public init(name: String, rttMs: Double, baseRttMs: Double, halls: Range<Int>, racks: Range<Int>,
                powerHistoryKW: Series) {
        self.name = name; self.rttMs = rttMs; self.baseRttMs = baseRttMs
        self.halls = halls; self.racks = racks; self.powerHistoryKW = powerHistoryKW
    }
}

/// One hall (a cooling loop and PDU). Power in kW, temperatures in °C.
public struct HallStats: Sendable, Equatable {
    public var site: Int
    /// 1-based number within its site ("h1").
    public var number: Int
    public var cooling: CoolingKind
    public var racks: Range<Int>
    public var gpus = 0, gpusUp = 0, gpusThermalThrottled = 0, gpusPowerCapped = 0, gpusShutDown = 0
    public var itPowerKW = 0.0
    /// True rack inlet mean and maximum and hottest GPU die (physics).
    public var inletCMean = 0.0
    public var inletCMax = 0.0
    public var dieCMax = 0.0
    /// The same as the sensors report them (differ from the true values under a sensor fault).
    public var inletCMeanReported = 0.0
    public var inletCMaxReported = 0.0
    public var dieCMaxReported = 0.0
    public var utilization = 0.0
    public var queueRequests = 0.0
    /// Share of this hall's cooling lost to a fault now, 0...1.
    public var coolingLoss = 0.0
    /// Hottest die over time as reported (°C, one sample per physics second).
    public var dieHistoryC: Series
    public var powerHistoryKW: Series

    public init(site: Int, number: Int, cooling: CoolingKind, racks: Range<Int>,
                dieHistoryC: Series, powerHistoryKW: Series) {
        self.site = site; self.number = number; self.cooling = cooling; self.racks = racks
        self.dieHistoryC = dieHistoryC; self.powerHistoryKW = powerHistoryKW
    }
}

/// Why a rack is not at full service (s-tui style reason codes), as bits.
public struct RackFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// T: thermally throttled GPUs.
    public static let thermal = RackFlags(rawValue: 1 << 0)
    /// W: power cap biting.
    public static let powerCapped = RackFlags(rawValue: 1 << 1)
    /// Q: queue saturated (KV or batch full, requests waiting).
    public static let queueSaturated = RackFlags(rawValue: 1 << 2)
    /// F: failed (GPU, PDU, switch) — some or all GPUs down.
    public static let failed = RackFlags(rawValue: 1 << 3)
    /// N: network degraded or partitioned.
    public static let network = RackFlags(rawValue: 1 << 4)
    /// GPUs shut down after exceeding the shutdown temperature.
    public static let shutDown = RackFlags(rawValue: 1 << 5)
    /// Shed by the site power governor.
    public static let shed = RackFlags(rawValue: 1 << 6)
    /// A straggler replica slows this rack.
    public static let straggler = RackFlags(rawValue: 1 << 7)
}

/// Per-rack columns (struct of arrays, one entry per rack, racks of a hall contiguous).
public struct RackTable: Sendable, Equatable {
    public var hall: [Int32] = []
    public var gpus: [UInt16] = []
    public var gpusUp: [UInt16] = []
    public var gpusThermalThrottled: [UInt16] = []
    /// True inlet and hottest die (physics).
    public var inletC: [Float] = []
    public var dieCMax: [Float] = []
    /// Inlet and hottest die as the rack's sensors report them (what the dashboard shows).
    public var inletCReported: [Float] = []
    public var dieCMaxReported: [Float] = []
    public var itPowerKW: [Float] = []
    /// Mean busy share of up GPUs, 0...1.
    public var utilization: [Float] = []
    /// Requests waiting for this rack's replicas.
    public var queueRequests: [Float] = []
    public var flags: [RackFlags] = []
    public init() {}

    /// An empty table with room for `capacity` racks, so filling it never reallocates.
    public init(capacity: Int) {
        hall.reserveCapacity(capacity); gpus.reserveCapacity(capacity); gpusUp.reserveCapacity(capacity)
        gpusThermalThrottled.reserveCapacity(capacity); inletC.reserveCapacity(capacity); dieCMax.reserveCapacity(capacity)
        inletCReported.reserveCapacity(capacity); dieCMaxReported.reserveCapacity(capacity)
        itPowerKW.reserveCapacity(capacity); utilization.reserveCapacity(capacity)
        queueRequests.reserveCapacity(capacity); flags.reserveCapacity(capacity)
    }
    public var count: Int { hall.count }
}

/// Three percentiles of one latency, in seconds.
public struct Percentiles: Sendable, Equatable, Codable {
    public var p50: Double, p90: Double, p95: Double, p99: Double
    public init(p50: Double, p90: Double? = nil, p95: Double, p99: Double) {
        self.p50 = p50; self.p90 = p90 ?? (p50 + p95) / 2; self.p95 = p95; self.p99 = p99
    }
    public static let zero = Percentiles(p50: 0, p90: 0, p95: 0, p99: 0)
}

/// Latency percentiles over every request completed since the start of the run.
public struct RunLatency: Sendable, Equatable {
    public var ttft: Percentiles, tpot: Percentiles, e2e: Percentiles
    public init(ttft: Percentiles = .zero, tpot: Percentiles = .zero, e2e: Percentiles = .zero) {
        self.ttft = ttft; self.tpot = tpot; self.e2e = e2e
    }
}

/// One request class. Counts are requests (fractional only where sampled halls weight them). Latency
/// percentiles cover the last 60 simulated seconds (`run`: the whole run); counters cover the whole run.
public struct ClassStats: Sendable, Equatable {
    public var requestClass: RequestClass
    public var slo: ServiceLevel
    public var arrived = 0.0, completed = 0.0, dropped = 0.0, waiting = 0.0, inFlight = 0.0, retried = 0.0
    /// Arrivals per second now (after diurnal curve and surges).
    public var arrivalRPS = 0.0
    public var throughputRPS = 0.0
    /// Requests leaving per second (completed or dropped), the λ of Little's law.
    public var departuresRPS = 0.0
    public var retriesPerSecond = 0.0
    /// Share of arrivals shed or dropped over the last 60 s.
    public var shedRatio = 0.0
    /// Completions meeting both SLOs over completions, last 60 s (1 when the class has no SLO).
    public var goodputRatio = 1.0
    /// Mean requests in the system (waiting + in flight) and mean time in system of those that left,
    /// for Little's law (L = departures/s × W).
    public var meanInSystem = 0.0
    public var meanTimeInSystemSeconds = 0.0
    /// KV cache held by this class's sequences over fleet KV capacity, 0...1.
    public var kvUse = 0.0
    public var ttft: Percentiles = .zero
    public var tpot: Percentiles = .zero
    public var e2e: Percentiles = .zero
    /// Merged last-60 s histograms behind the percentiles.
    public var ttftHistogram = LatencyHistogram()
    public var tpotHistogram = LatencyHistogram()
    public var e2eHistogram = LatencyHistogram()
    /// Percentiles over every request completed since the run started.
    public var run = RunLatency()
    /// Requests came and none was served over the last 60 s (some dropped, or 10 s with no completion):
    /// the class breaches its SLO however empty its latency histograms are.
    public var unserved = false

    /// Its standing against its targets, as the simulation judged it (with hysteresis).
    public var sloStatus = SLOStatus()
    public init(requestClass: RequestClass, slo: ServiceLevel) {
        self.requestClass = requestClass; self.slo = slo
    }
}

/// Whole agentic tasks (sessions of chained calls) and how the tail compounds.
public struct AgenticStats: Sendable, Equatable {
    public var tasksStarted = 0.0
    public var tasksCompleted = 0.0
    public var tasksInFlight = 0.0
    public var callsPerTaskMean = 0.0
    /// Whole-task latency from followed probe sessions, last 10 simulated minutes.
    public var taskE2E: Percentiles = .zero
    /// p99 of a single agent call (end to end), for comparison with the task p99.
    public var callP99Seconds = 0.0
    /// Share of task time spent on network round trips, fleet-wide and per site (site order).
    public var rttShareOfTaskTime = 0.0
    /// Round trips one whole task pays, mean seconds over the window's completed probes (calls × RTT).
    public var rttPerTaskSeconds = 0.0
    /// Probe tasks finished in the 10-min window behind `taskE2E`, and agent calls completed in the 60-s
    /// window behind `callP99Seconds` (0: the figure has nothing behind it).
    public var tasksInWindow = 0.0
    public var callsInWindow = 0.0
    public var rttShareBySite: [Double] = []
    /// Probe sessions currently followed individually.
    public var probesInFlight = 0
    /// A task started in the run's first minute is still running: tasks longer than the run so far
    /// cannot have finished, so `taskE2E` (above all its tail) reads low until they have.
    public var taskTailStillFilling = false
    public init() {}
}

/// Failure events since start, background and injected, by kind.
public struct FailureCounts: Sendable, Equatable, Codable {
    public var gpu = 0, rack = 0, cooling = 0, power = 0, network = 0, straggler = 0, sensor = 0
    public init() {}
}

/// A fault in force.
public struct ActiveFault: Sendable, Equatable, Identifiable {
    public var id: Int
    public var kind: FaultKind
    /// Human-readable target path, e.g. "metro-edge/h1/r07".
    public var target: String
    public var spec: FaultSpec?
    /// False for background failures.
    public var injected: Bool
    public var sinceSeconds: Double
    public var untilSeconds: Double?
    public init(id: Int, kind: FaultKind, target: String, spec: FaultSpec?, injected: Bool,
                sinceSeconds: Double, untilSeconds: Double?) {
        self.id = id; self.kind = kind; self.target = target; self.spec = spec
        self.injected = injected; self.sinceSeconds = sinceSeconds; self.untilSeconds = untilSeconds
    }
}

/// A demand surge in force.
public struct ActiveSurge: Sendable, Equatable, Identifiable {
    public var id: Int
    public var spec: SurgeSpec
    public var sinceSeconds: Double
    public var untilSeconds: Double?
    /// The multiplier in effect now (ramping).
    public var currentFactor: Double
    public init(id: Int, spec: SurgeSpec, sinceSeconds: Double, untilSeconds: Double?, currentFactor: Double) {
        self.id = id; self.spec = spec; self.sinceSeconds = sinceSeconds
        self.untilSeconds = untilSeconds; self.currentFactor = currentFactor
    }
}

/// What an event is about, for colour and filtering.
public enum EventKind: String, Sendable, Codable, CaseIterable {
    case fault, repair, surge, throttling, shutdown, shedding, sloBreach = "slo-breach", command, info
    /// An alert raised from readings (e.g. a die reading at the slowdown threshold), true or not.
    case alert
}

/// One line of the events panel: something that started (and maybe ended).
public struct SimEvent: Sendable, Equatable, Identifiable {
    public var id: Int
    public var kind: EventKind
    public var startSeconds: Double
    /// nil while ongoing.
    public var endSeconds: Double?
    /// What it is about; `text` is derived from it.
    public var subject: Subject
    /// Operator words, e.g. "cooling −60% metro-edge/h1".
    public var text: String { subject.text }
    /// How many times this same event repeated (merged), ≥ 1.
    public var repeats: Int
    /// True when an operator, drill or story caused it.
    public var injected: Bool
    /// The occurrences merged into this line before the current one, oldest first (the most recent
    /// `EventLog.earlierLimit` of them): a repeat keeps its history instead of replacing it.
    public var earlier: [Occurrence]

    /// One past occurrence of a repeated event.
    public struct Occurrence: Sendable, Equatable {
        public var startSeconds: Double
        public var endSeconds: Double
        public init(startSeconds: Double, endSeconds: Double) { self.startSeconds = startSeconds; self.endSeconds = endSeconds }
    }

    public init(id: Int, kind: EventKind, startSeconds: Double, endSeconds: Double?, subject: Subject,
                repeats: Int = 1, injected: Bool = false, earlier: [Occurrence] = []) {
        self.id = id; self.kind = kind; self.startSeconds = startSeconds; self.endSeconds = endSeconds
        self.subject = subject; self.repeats = repeats; self.injected = injected; self.earlier = earlier
    }
}

/// Fleet-wide series for sparklines, one sample per physics second.
public struct FleetHistory: Sendable, Equatable {
    public var facilityPowerKW: Series
    public var outputTokensPerSecond: Series
    public var goodputRatio: Series
    public var gpusUp: Series
    /// Hottest die reading fleet-wide, as reported.
    public var dieCMax: Series
    /// Per class (rawValue order): arrivals/s, queue (waiting requests), KV use 0...1, TTFT p99 s.
    public var arrivalRPS: [Series]
    public var queue: [Series]
    public var kvUse: [Series]
    public var ttftP99: [Series]
    /// Per class, TPOT p99 s. The latency series keep `latencyCapacity` samples (15 minutes), so
    /// the latency history view can show 1, 5 or 15 minutes whatever the other series keep.
    public var tpotP99: [Series]
    public var taskP99: Series
    /// Samples the per-class latency series keep: 15 minutes at one a second.
    public static let latencyCapacity = 900
    public init(capacity: Int) {
        facilityPowerKW = Series(capacity: capacity)
        outputTokensPerSecond = Series(capacity: capacity)
        goodputRatio = Series(capacity: capacity)
        gpusUp = Series(capacity: capacity)
        dieCMax = Series(capacity: capacity)
        arrivalRPS = RequestClass.allCases.map { _ in Series(capacity: capacity) }
        queue = RequestClass.allCases.map { _ in Series(capacity: capacity) }
        kvUse = RequestClass.allCases.map { _ in Series(capacity: capacity) }
        ttftP99 = RequestClass.allCases.map { _ in Series(capacity: max(capacity, Self.latencyCapacity)) }
        tpotP99 = RequestClass.allCases.map { _ in Series(capacity: max(capacity, Self.latencyCapacity)) }
        taskP99 = Series(capacity: capacity)
    }
}
