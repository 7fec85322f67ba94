/// The fluid replica model of MODEL §4: per replica and class, waiting, prefilling and decoding request
/// counts, stepped every 100 ms over struct-of-arrays columns with no per-request objects.
/// Per-class columns are interleaved (`replica * 4 + class`) so one replica's state is one cache line.
public struct ServingModel: Sendable {
    public static let classes = 4
    public let replicaCount: Int
    public let hallCount: Int
    let table: StepTimeTable
    let knobs: ServingKnobs

    // Per replica × class.
    public internal(set) var waiting: [Double]
    public internal(set) var prefilling: [Double]
    public internal(set) var prefillTokens: [Double]
    public internal(set) var decoding: [Double]
    // Per replica.
    /// Share of its site's routed arrivals this replica takes (sums to 1 over a site's up replicas).
    public internal(set) var share: [Double]
    /// Speeds relative to an unthrottled H100 replica; 0 when the replica is down.
    public internal(set) var prefillSpeed: [Double]
    public internal(set) var decodeSpeed: [Double]
    /// 1 / speed (0 when down), so the hot path multiplies instead of dividing.
    var inversePrefillSpeed: [Double]
    var inverseDecodeSpeed: [Double]
    public internal(set) var kvCapacity: [Double]
    /// Seconds spent in prefill-bearing and decode-only steps since the last physics step.
    public internal(set) var prefillBusy: [Double]
    public internal(set) var decodeBusy: [Double]

    /// Per hall × class, this tick: the figures the latency recorder and counters need.
    public internal(set) var hallTick: HallTickStats

    /// Cumulative per site × class: routed in, first tokens, completed, dropped.
    public internal(set) var siteRouted: [Double]
    public internal(set) var siteCompleted: [Double]
    public internal(set) var siteDropped: [Double]
    /// Cumulative per site × class: requests that left the site to retry elsewhere.
    public internal(set) var siteRetriedOut: [Double]
    /// Output tokens per site since start.
    public internal(set) var siteTokens: [Double]
    /// Up-replica steps since start, and those that reused their neighbour's identical outcome.
    public internal(set) var replicaSteps = 0
    public internal(set) var reusedSteps = 0
    /// Whether identical neighbours reuse a step's outcome (exact either way; off measures the worst case).
    public var reusesIdenticalSteps = true

    public init(topology: Topology, spec: FleetSpec) {
        replicaCount = topology.replicaCount
        hallCount = topology.hallCount
        knobs = spec.serving
        table = StepTimeTable(maxBatch: Int(spec.serving.maxBatch), chunkTokens: spec.serving.prefillChunkTokens)
        let n4 = replicaCount * 4
        waiting = [Double](repeating: 0, count: n4)
        prefilling = waiting; prefillTokens = waiting; decoding = waiting
        share = [Double](repeating: 0, count: replicaCount)
        prefillSpeed = share; decodeSpeed = share; inversePrefillSpeed = share; inverseDecodeSpeed = share; prefillBusy = share; decodeBusy = share
        kvCapacity = (0..<replicaCount).map { r in
            let h = Int(topology.replicaHall[r])
            let sku = topology.hallSKU[h].constants
            let tp = Double(topology.replicaTP[r])
            let bytes = tp * sku.hbmGB * spec.serving.memoryUtilization - spec.serving.weightsGB
            return max(0, bytes * 1e9 / spec.serving.kvBytesPerToken)
        }
        hallTick = HallTickStats(halls: topology.hallCount)
        let s4 = topology.siteCount * 4
        siteRouted = [Double](repeating: 0, count: s4)
        siteCompleted = siteRouted; siteDropped = siteRouted; siteRetriedOut = siteRouted
        siteTokens = [Double](repeating: 0, count: topology.siteCount)
    }

    /// Per-class request shape for this tick: tokens prefilled per request, KV tokens held per sequence,
    /// mean output tokens.
    public struct ClassShape: Sendable {
        public var newTokens: (Double, Double, Double, Double)
        public var kvTokens: (Double, Double, Double, Double)
        public var outputTokens: (Double, Double, Double, Double)
    }

    /// One serving tick of `dt` seconds. `siteArrivals[site * 4 + c]` are the requests routed to each site.
    /// Each up replica runs `ReplicaStep`; a replica whose inputs equal the previous replica's bit for bit
    /// reuses that outcome, which is exact (the step is a pure function) and skips most of the work on a
    /// large, healthy fleet. `reusedSteps` counts the reuses.
    public mutating func tick(dt: Double, siteArrivals: [Double], shape: ClassShape, topology: Topology) {
        hallTick.reset()
        let counts = table.decode.withUnsafeBufferPointer { decTable in
        table.decodeRate.withUnsafeBufferPointer { decRate in
        table.prefill.withUnsafeBufferPointer { preTable in
        siteArrivals.withUnsafeBufferPointer { SA in
        share.withUnsafeBufferPointer { SH in
        decodeSpeed.withUnsafeBufferPointer { SD in
        inversePrefillSpeed.withUnsafeBufferPointer { ISP in
        inverseDecodeSpeed.withUnsafeBufferPointer { ISD in
        kvCapacity.withUnsafeBufferPointer { KV in
        prefillBusy.withUnsafeMutableBufferPointer { PB in
        decodeBusy.withUnsafeMutableBufferPointer { DB in
        waiting.withUnsafeMutableBytes { Wb in
        prefilling.withUnsafeMutableBytes { PFb in
        prefillTokens.withUnsafeMutableBytes { PTb in
        decoding.withUnsafeMutableBytes { Db in
        hallTick.withPointers { H in
            let kvTok = SIMD4(shape.kvTokens.0, shape.kvTokens.1, shape.kvTokens.2, shape.kvTokens.3)
            let step = ReplicaStep(
                dt: dt, invDt: 1 / dt, budget: knobs.prefillChunkTokens, invBudget: 1 / knobs.prefillChunkTokens,
                maxBatch: knobs.maxBatch, mixFactor: knobs.mixedStepFactor,
                maxWaiting: SIMD4(repeating: knobs.maxWaitingPerReplica), invQuantum: 1 / table.prefillQuantum,
                newTokens: SIMD4(shape.newTokens.0, shape.newTokens.1, shape.newTokens.2, shape.newTokens.3),
                kvTokens: kvTok, invKvTokens: 1 / kvTok,
                invOutputTokens: 1 / SIMD4(shape.outputTokens.0, shape.outputTokens.1, shape.outputTokens.2,
                                           shape.outputTokens.3),
                decodeTable: decTable, decodeRate: decRate, prefillTable: preTable)
            let columns = ServingColumns(
                siteArrivals: SA.baseAddress!, share: SH.baseAddress!, decodeSpeed: SD.baseAddress!,
                inversePrefillSpeed: ISP.baseAddress!, inverseDecodeSpeed: ISD.baseAddress!,
                kvCapacity: KV.baseAddress!, prefillBusy: PB.baseAddress!, decodeBusy: DB.baseAddress!,
                waiting: Wb.baseAddress!, prefilling: PFb.baseAddress!, prefillTokens: PTb.baseAddress!,
                decoding: Db.baseAddress!, hall: H)
            return step.stepHalls(columns, topology: topology, reuseTwins: reusesIdenticalSteps)
        }}}}}}}}}}}}}}}}
        reusedSteps += counts.reused
        replicaSteps += counts.stepped
        for hall in 0..<hallCount {
            let site = Int(topology.hallSite[hall])
            for c in 0..<4 {
                siteRouted[site * 4 + c] += hallTick.arrivals[hall * 4 + c]
                siteCompleted[site * 4 + c] += hallTick.completed[hall * 4 + c]
                siteDropped[site * 4 + c] += hallTick.dropped[hall * 4 + c]
            }
            siteTokens[site] += hallTick.tokens[hall]
        }
    }

    /// Empties a replica that went down; returns what it held per class (to retry after the timeout).
    public mutating func flush(replica r: Int) -> (Double, Double, Double, Double) {
        var out = [0.0, 0, 0, 0]
        for c in 0..<4 {
            let i = r * 4 + c
            out[c] = waiting[i] + prefilling[i] + decoding[i]
            waiting[i] = 0; prefilling[i] = 0; prefillTokens[i] = 0; decoding[i] = 0
        }
        return (out[0], out[1], out[2], out[3])
    }

    /// Counts requests a site flushed to retries as leaving it (per-site conservation).
    public mutating func recordRetriedOut(site: Int, class c: Int, amount: Double) {
        siteRetriedOut[site * 4 + c] += amount
    }

    /// Sets a replica's speeds (0 = down) and resets its busy counters for the next physics second.
    public mutating func setSpeeds(replica r: Int, prefill: Double, decode: Double) {
        prefillSpeed[r] = prefill; decodeSpeed[r] = decode
        inversePrefillSpeed[r] = prefill > 0 ? 1 / prefill : 0
        inverseDecodeSpeed[r] = decode > 0 ? 1 / decode : 0
    }

    /// Zeroes the per-replica busy seconds (after physics has read them).
    public mutating func resetBusy() {
        for r in 0..<replicaCount { prefillBusy[r] = 0; decodeBusy[r] = 0 }
    }

    /// Sets routing shares for a site's replicas.
    public mutating func setShare(replica r: Int, _ value: Double) { share[r] = value }
}
