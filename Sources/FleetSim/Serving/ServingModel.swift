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
    public internal(set) var kvCapacity: [Double]
    /// Seconds spent in prefill-bearing and decode-only steps since the last physics step.
    public internal(set) var prefillBusy: [Double]
    public internal(set) var decodeBusy: [Double]
    /// Last step time, seconds.
    public internal(set) var stepTime: [Double]

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

    public init(topology: Topology, spec: FleetSpec) {
        replicaCount = topology.replicaCount
        hallCount = topology.hallCount
        knobs = spec.serving
        table = StepTimeTable(maxBatch: Int(spec.serving.maxBatch), chunkTokens: spec.serving.prefillChunkTokens)
        let n4 = replicaCount * 4
        waiting = [Double](repeating: 0, count: n4)
        prefilling = waiting; prefillTokens = waiting; decoding = waiting
        share = [Double](repeating: 0, count: replicaCount)
        prefillSpeed = share; decodeSpeed = share; prefillBusy = share; decodeBusy = share; stepTime = share
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
    public mutating func tick(dt: Double, siteArrivals: [Double], shape: ClassShape, topology: Topology) {
        hallTick.reset()
        let budget = knobs.prefillChunkTokens
        let maxBatch = knobs.maxBatch
        let mixFactor = knobs.mixedStepFactor
        let maxWaiting = knobs.maxWaitingPerReplica
        let q = table.prefillQuantum
        let newTok = [shape.newTokens.0, shape.newTokens.1, shape.newTokens.2, shape.newTokens.3]
        let kvTok = [shape.kvTokens.0, shape.kvTokens.1, shape.kvTokens.2, shape.kvTokens.3]
        let outTok = [shape.outputTokens.0, shape.outputTokens.1, shape.outputTokens.2, shape.outputTokens.3]
        let decTable = table.decode, preTable = table.prefill
        let maxDecIndex = decTable.count - 1, maxPreIndex = preTable.count - 1
        waiting.withUnsafeMutableBufferPointer { W in
        prefilling.withUnsafeMutableBufferPointer { PF in
        prefillTokens.withUnsafeMutableBufferPointer { PT in
        decoding.withUnsafeMutableBufferPointer { D in
        hallTick.withPointers { H in
            for hall in 0..<hallCount {
                let site = Int(topology.hallSite[hall])
                let hb = hall * 4
                for r in topology.hallReplicas[hall] {
                    let sp = prefillSpeed[r], sd = decodeSpeed[r]
                    if sd <= 0 { continue }
                    let b = r * 4
                    let sh = share[r]
                    var free = maxBatch
                    var kvFree = kvCapacity[r]
                    for c in 0..<4 {
                        let a = siteArrivals[site * 4 + c] * sh
                        W[b + c] += a
                        H.arrivals[hb + c] += a
                        let held = PF[b + c] + D[b + c]
                        free -= held
                        kvFree -= held * kvTok[c]
                    }
                    var pTokens = 0.0, batch = 0.0
                    for c in 0..<4 {
                        let fitKV = max(0, kvFree) / kvTok[c]
                        let adm = max(0, min(W[b + c], min(max(0, free), fitKV)))
                        W[b + c] -= adm
                        PF[b + c] += adm
                        PT[b + c] += adm * newTok[c]
                        free -= adm
                        kvFree -= adm * kvTok[c]
                        H.admitted[hb + c] += adm
                        pTokens += PT[b + c]
                        batch += D[b + c]
                    }
                    let chunk = min(pTokens, budget)
                    let pIndex = min(maxPreIndex, Int((chunk / q).rounded(.up)))
                    let dIndex = min(maxDecIndex, Int(batch.rounded(.up)))
                    let pTime = preTable[pIndex] / sp
                    let dTime = decTable[dIndex] / sd
                    let mixed = chunk > 0 && batch > 0
                    let t = max(pTime, dTime) * (mixed ? mixFactor : 1)
                    stepTime[r] = t
                    let busy = chunk > 0 || batch > 0
                    let steps = busy ? dt / t : 0
                    let frac = pTokens > 0 ? min(1, steps * chunk / pTokens) : 0
                    // Prefill-bearing steps take the share of the tick their tokens need; decode the rest.
                    let prefillShare = chunk > 0 ? min(1, frac * pTokens / chunk * t / dt) : 0
                    prefillBusy[r] += dt * prefillShare
                    decodeBusy[r] += batch > 0 ? dt * (1 - prefillShare) : 0
                    var tokens = 0.0
                    for c in 0..<4 {
                        let first = PF[b + c] * frac
                        PF[b + c] -= first
                        PT[b + c] -= PT[b + c] * frac
                        let dec = D[b + c]
                        tokens += dec * steps
                        let done = dec * min(1, steps / outTok[c])
                        D[b + c] = dec - done + first
                        H.firstTokens[hb + c] += first
                        H.completed[hb + c] += done
                        let over = max(0, W[b + c] - maxWaiting)
                        W[b + c] -= over
                        H.dropped[hb + c] += over
                        H.waiting[hb + c] += W[b + c]
                        H.prefilling[hb + c] += PF[b + c]
                        H.decoding[hb + c] += D[b + c]
                    }
                    H.decodeWeight[hall] += batch
                    H.decodeTime[hall] += batch * t
                    H.decodeTime2[hall] += batch * t * t
                    H.tokens[hall] += tokens
                    H.upReplicas[hall] += 1
                }
            }
        }}}}}
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
    }

    /// Zeroes the per-replica busy seconds (after physics has read them).
    public mutating func resetBusy() {
        for r in 0..<replicaCount { prefillBusy[r] = 0; decodeBusy[r] = 0 }
    }

    /// Sets routing shares for a site's replicas.
    public mutating func setShare(replica r: Int, _ value: Double) { share[r] = value }
}
