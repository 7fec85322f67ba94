/// Everything that defines a fleet and its model: topology, demand and every calibration knob.
/// Presets build one; a fleet file can define or override any part of it.
public struct FleetSpec: Sendable, Equatable {
    /// Preset name or fleet file name, shown in the header.
    public var name: String
    public var sites: [SiteSpec]
    /// One per request class, in `RequestClass.rawValue` order.
    public var classes: [ClassSpec]
    public var serving = ServingKnobs()
    public var power = PowerKnobs()
    public var thermal = ThermalKnobs()
    public var failures = FailureKnobs()
    public var routing = RoutingKnobs()
    public var agentic = AgenticKnobs()
    /// Hour of the day (0..<24) at simulated time zero, for the diurnal curve.
    public var startHourOfDay = 14.0
    /// Whether arrival rates follow the diurnal curve (MODEL §3).
    public var diurnal = true

    public init(name: String, sites: [SiteSpec], classes: [ClassSpec]) {
        self.name = name; self.sites = sites; self.classes = classes
    }

    /// The spec of one class.
    public subscript(_ c: RequestClass) -> ClassSpec {
        get { classes[c.rawValue] }
        set { classes[c.rawValue] = newValue }
    }

    /// Total GPUs in the fleet.
    public var gpuCount: Int { sites.reduce(0) { $0 + $1.gpuCount } }
}

/// One site: its halls, distance from users, price of power and grid connection.
public struct SiteSpec: Sendable, Equatable {
    public var name: String
    /// Round-trip time from the users' region, in ms.
    public var rttMs: Double
    /// Energy price, US dollars per MWh.
    public var pricePerMWh: Double
    /// The grid connection's limit on facility power, in kW.
    public var gridLimitKW: Double
    /// Power usage effectiveness at 20 °C outside (MODEL §6: ≈1.1 hyperscale, ≈1.55 industry average).
    public var basePUE: Double
    /// Daily mean outside temperature, °C (PUE rises above 20 °C).
    public var outsideTempMeanC: Double
    public var halls: [HallSpec]
    /// Tags every hall, rack and GPU of the site carries (`tag=NAME` selects them), e.g. a utility feed.
    public var tags: [String]

    public init(name: String, rttMs: Double, pricePerMWh: Double, gridLimitKW: Double, basePUE: Double,
                outsideTempMeanC: Double = 20, halls: [HallSpec], tags: [String] = []) {
        self.name = name; self.rttMs = rttMs; self.pricePerMWh = pricePerMWh; self.gridLimitKW = gridLimitKW
        self.basePUE = basePUE; self.outsideTempMeanC = outsideTempMeanC; self.halls = halls; self.tags = tags
    }

    public var gpuCount: Int { halls.reduce(0) { $0 + $1.gpuCount } }
}

/// One hall: a cooling loop and PDU feeding identical racks.
public struct HallSpec: Sendable, Equatable {
    public var cooling: CoolingKind
    public var racks: Int
    /// 8-GPU servers per rack.
    public var serversPerRack: Int
    public var sku: GPUSKU
    /// GPUs per model replica (TP = 8 for a 70B FP16 model, MODEL §4).
    public var tensorParallel: Int
    /// Tags every rack of the hall carries, e.g. its cooling loop.
    public var tags: [String]
    /// Tags carried by a range of the hall's racks only, e.g. the racks one PDU feeds.
    public var rackTags: [RackTag]
    /// Racks dedicated to some classes with their own batch limits; racks in no pool serve the rest.
    public var pools: [ServingPool]

    public init(cooling: CoolingKind, racks: Int, serversPerRack: Int, sku: GPUSKU, tensorParallel: Int = 8,
                tags: [String] = [], rackTags: [RackTag] = [], pools: [ServingPool] = []) {
        self.cooling = cooling; self.racks = racks; self.serversPerRack = serversPerRack
        self.sku = sku; self.tensorParallel = tensorParallel; self.tags = tags; self.rackTags = rackTags
        self.pools = pools
    }

    /// The pool (index into `pools`) serving 1-based rack `n`, or nil.
    public func pool(ofRack n: Int) -> Int? {
        pools.firstIndex { $0.racks?.contains(n) ?? true }
    }

    public var gpusPerRack: Int { serversPerRack * 8 }
    public var gpuCount: Int { racks * gpusPerRack }
}

/// How a class's requests arrive (MODEL §3).
public enum ArrivalProcess: Sendable, Equatable {
    case poisson
    /// Rate × Gamma(k = 1/cv², θ = cv²), redrawn every second (vLLM benchmark burstiness).
    case gammaModulated(cv: Double)
    /// Replay a trace of arrival times and token counts.
    case trace(TraceSpec)
}

/// A request trace to replay: a CSV of `TIMESTAMP,ContextTokens,GeneratedTokens` (Azure 2023 shape).
public struct TraceSpec: Sendable, Equatable {
    public var path: String
    /// Multiplies the trace's arrival rate.
    public var rateScale: Double
    /// Start over at the end of the trace.
    public var loop: Bool
    /// Simulated seconds after which the trace stops arriving (nil: never), to cut a trace to its start.
    public var durationSeconds: Double?
    public init(path: String, rateScale: Double = 1, loop: Bool = true, durationSeconds: Double? = nil) {
        self.path = path; self.rateScale = rateScale; self.loop = loop; self.durationSeconds = durationSeconds
    }
}

/// Demand and targets of one request class.
public struct ClassSpec: Sendable, Equatable {
    public var requestClass: RequestClass
    /// Mean arrivals per second fleet-wide over a day (for agentic: task starts per second).
    public var ratePerSecond: Double
    public var arrivals: ArrivalProcess
    public var inputTokens: Double
    public var outputTokens: Double
    public var slo: ServiceLevel

    public init(requestClass: RequestClass, ratePerSecond: Double, arrivals: ArrivalProcess,
                inputTokens: Double, outputTokens: Double, slo: ServiceLevel) {
        self.requestClass = requestClass; self.ratePerSecond = ratePerSecond; self.arrivals = arrivals
        self.inputTokens = inputTokens; self.outputTokens = outputTokens; self.slo = slo
    }
}

/// How a replica prefills prompts (MODEL §4).
public enum PrefillMode: String, Sendable, Equatable, CaseIterable {
    /// vLLM / Sarathi chunked prefill: decoders first, prompt chunks fill the rest of the token budget.
    case chunked
    /// splitwise-sim's baseline: prompts run whole, batched while the iteration stays within the budget;
    /// a longer prompt runs alone, and decoders that do not fit wait a step.
    case whole
}

/// How a site picks the replica for a request (MODEL §4).
public enum ReplicaRouting: String, Sendable, Equatable, CaseIterable {
    /// Fewest pending tokens (splitwise-sim's `token_jsq`).
    case jsqTokens = "jsq-tokens"
    /// Fewest requests waiting or running.
    case leastLoaded = "least-loaded"
    case roundRobin = "round-robin"
}

/// When a request's KV cache is reserved (MODEL §4).
public enum KVReservation: String, Sendable, Equatable, CaseIterable {
    /// Prompt and every output token reserved at admission (splitwise-sim).
    case full
    /// Grows a token per step; when full, the newest sequence is preempted and recomputed later (vLLM).
    case incremental
}

/// A step-time curve: milliseconds at increasing x (tokens or sequences), interpolated linearly and
/// extrapolated from the end segments, as splitwise-sim's performance database is.
public struct StepTimeCurve: Sendable, Equatable {
    public var x: [Double]
    public var ms: [Double]
    public init(_ points: [(Double, Double)]) { x = points.map(\.0); ms = points.map(\.1) }

    /// Milliseconds at `v`, never below 1 µs.
    public func milliseconds(at v: Double) -> Double {
        guard x.count > 1 else { return max(1e-3, ms.first ?? 1e-3) }
        var i = 1
        while i < x.count - 1 && v > x[i] { i += 1 }
        let x0 = x[i - 1], x1 = x[i], y0 = ms[i - 1], y1 = ms[i]
        let y = x1 > x0 ? y0 + (y1 - y0) * (v - x0) / (x1 - x0) : y1
        return max(1e-3, y)
    }

    /// Llama-2-70B FP16 on 8×H100 prefill, by tokens in the iteration: 56 ms at 512, 137 at 2,048,
    /// 379 at 4,096, 848 at 8,192 (MODEL §4, splitwise-sim's measured database).
    public static let defaultPrefill = StepTimeCurve([(1, 20), (512, 56), (2048, 137), (4096, 379), (8192, 848)])
    /// Decode by sequences in the batch: 30.5 ms at 1, 34 at 16, 39 at 32, 50 at 64 (MODEL §4); beyond
    /// 64 the 32→64 slope continues (*knob*: extrapolated).
    public static let defaultDecode = StepTimeCurve([(1, 30.5), (16, 34), (32, 39), (64, 50)])
}

/// Replica serving knobs (MODEL §4).
public struct ServingKnobs: Sendable, Equatable {
    /// The iteration's token budget (chunked prefill's chunk; whole prompts batch within it).
    public var prefillChunkTokens = 2048.0
    /// Most sequences admitted to a replica at once (vLLM `max_num_seqs`).
    public var maxBatch = 256.0
    public var prefillMode = PrefillMode.chunked
    public var routing = ReplicaRouting.jsqTokens
    public var kvReservation = KVReservation.incremental
    public var prefillStep = StepTimeCurve.defaultPrefill
    public var decodeStep = StepTimeCurve.defaultDecode
    /// KV bytes per token (70B FP16: 320 KiB).
    public var kvBytesPerToken = 327_680.0
    /// Model weights per replica in GB (70B FP16 ≈ 140 GB).
    public var weightsGB = 140.0
    /// Share of HBM the serving engine may use (vLLM `gpu_memory_utilization` default 0.9).
    public var memoryUtilization = 0.9
    /// Cost multiplier of a mixed prefill+decode step.
    public var mixedStepFactor = 1.1
    /// Seconds before requests of a failed replica retry elsewhere.
    public var retryTimeoutSeconds = 5.0
    /// Times a request is retried before it is dropped (*knob*).
    public var maxRetries = 3
    /// Waiting requests per replica beyond which arrivals are dropped (*knob*).
    public var maxWaitingPerReplica = 1024.0
    /// Replicas per hall simulated request by request; the others follow them (0 = every replica).
    public var sampledReplicasPerHall = 0
    /// Whether identical decode-only iterations run as one block (exact either way; tests turn it off
    /// to prove that).
    var decodeBlocks = true
    public init() {}
}

/// Power and cost knobs (MODEL §6).
public struct PowerKnobs: Sendable, Equatable {
    /// Server power besides its GPUs at idle, kW (MODEL §6: 2.8 kW per 8-GPU server).
    public var serverIdleOverheadKW = 2.8
    /// Server power besides its GPUs at full GPU load, kW (DGX-H100 10.2 kW at TDP − 8 × 700 W).
    public var serverFullOverheadKW = 4.6
    /// Exponent of the power-cap slowdown, speed = ((cap − idle)/(phase − idle))^k.
    public var capSlowdownExponent = 0.64
    /// PUE added per °C of outside temperature above 20 °C (*knob*).
    public var pueRisePerDegreeC = 0.01
    /// Daily outside temperature swing, ± °C (*knob*).
    public var outsideTempSwingC = 6.0
    /// GPU-hour rental price, US dollars (MODEL §6: $2–4).
    public var gpuHourUSD = 2.5
    /// The governor aims this far under the limit, as a share of it (*knob*).
    public var governorMargin = 0.02
    /// Seconds facility power must stay over the limit before the governor starts capping: a breaker
    /// rides through a short spike (*knob*).
    public var governorConfirmSeconds = 3.0
    /// A "power cap biting" event stays open until the cap has not bitten for this long, so one episode
    /// reads as one line of the events list (*knob*); the alert count follows the cap itself.
    public var capAlertHoldSeconds = 60.0
    public init() {}
}

/// Thermal knobs (MODEL §7).
public struct ThermalKnobs: Sendable, Equatable {
    public var airSupplyC = 20.0
    public var liquidSupplyC = 25.0
    /// Heat capacity of an air rack, kJ/K (MODEL §7: 50–60).
    public var airRackCapacityKJPerK = 55.0
    /// Heat capacity of a liquid rack loop, kJ/K (MODEL §7: ≈ 330).
    public var liquidRackCapacityKJPerK = 330.0
    /// Inlet rise over supply at a rack's full design power with full cooling, K (*knob*).
    public var designRiseK = 6.0
    /// Share of cooling that remains through conduction and building air when a loop is lost (*knob*).
    public var passiveCoolingShare = 0.05
    /// Die thermal resistance, K/W (MODEL §7: 0.065 air, 0.04 cold plate).
    public var airRthKPerW = 0.065
    public var liquidRthKPerW = 0.04
    /// Die time constant, s (MODEL §7).
    public var dieTauSeconds = 20.0
    /// H100 thresholds: software slowdown, hardware slowdown, shutdown, °C.
    public var slowdownC = 87.0
    public var hardSlowdownC = 89.0
    public var shutdownC = 92.0
    public var slowdownClock = 0.85
    public var hardSlowdownClock = 0.5
    /// A thermally shut-down GPU restarts once its rack inlet is back below this, °C (*knob*).
    public var restartInletC = 32.0
    /// Hysteresis below a threshold before a slowdown lifts, K (*knob*).
    public var hysteresisK = 2.0
    public init() {}
}

/// Background failure knobs (MODEL §8, Llama 3 rates).
public struct FailureKnobs: Sendable, Equatable {
    /// Unexpected interruptions per GPU-day (Llama 3: 4.7 × 10⁻⁴).
    public var perGPUDay = 4.7e-4
    public var enabled = true
    /// Shares of causes: faulty GPU, HBM, software, network, host, other (Llama 3 table).
    public var shareGPU = 0.30, shareHBM = 0.17, shareSoftware = 0.13
    public var shareNetwork = 0.08, shareHost = 0.08, shareOther = 0.24
    /// Median repair times, s: reboot ≈ 10 min, hardware hours (*knobs*), lognormal with sigma below.
    public var rebootMedianSeconds = 600.0
    public var hardwareMedianSeconds = 4 * 3600.0
    public var repairSigma = 0.8
    public init() {}
}

/// Routing knobs (MODEL §5).
public struct RoutingKnobs: Sendable, Equatable {
    /// RTT scale of the site preference exp(−RTT/τ), ms.
    public var rttScaleMs = 20.0
    /// How strongly batch prefers cheap power: weight × (min price / price)^k.
    public var batchPriceExponent = 2.0
    /// Share of free capacity kept as a floor so a full site keeps a trickle of weight.
    public var minFreeShare = 0.02
    /// Prefill backlog, in chunk budgets, at which a replica counts as full (*knob*).
    public var backlogChunks = 4.0
    /// Waiting requests per replica that count as one full replica of pressure (*knob*).
    public var queueScale = 32.0
    /// Smoothing of site weights between routing steps (0 = jump, 1 = never move).
    public var smoothing = 0.85
    public init() {}
}

/// Agentic session knobs (MODEL §3).
public struct AgenticKnobs: Sendable, Equatable {
    /// Calls per task: lognormal median and p90, capped (median ≈ 10, p90 ≈ 50, cap 150).
    public var callsMedian = 10.0
    public var callsP90 = 50.0
    public var callsCap = 150
    /// Context added per step, tokens (*knob*).
    public var contextGrowthTokens = 1500.0
    /// Tool step: lognormal, median 0.3 s, p99 ≈ 10 s, timeout 300 s.
    public var toolMedianSeconds = 0.3
    public var toolP99Seconds = 10.0
    public var toolTimeoutSeconds = 300.0
    /// Followed probe sessions per session (≈ 1 in 10,000), with a floor in probes per second: 2 a
    /// second put about 1,200 finished tasks in a 10-minute window, so its p99 rests on a dozen tasks
    /// rather than on the slowest one (*knob*).
    public var probeShare = 1e-4
    public var minProbesPerSecond = 2.0
    /// Most probes followed at once: room for the floor's tasks through a surge that lengthens them.
    public var maxProbes = 4096
    /// A surge of ×m lengthens chains by m^k (*knob*).
    public var surgeChainExponent = 0.5
    public init() {}
}
