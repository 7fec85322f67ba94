/// One replica's serving tick (MODEL §4) as a pure function of its state and its inputs, so the serving
/// loop can reuse the outcome for the next replica when that replica's inputs are bit-for-bit the same.
/// Healthy replicas of a hall share speeds, KV capacity and (through join-shortest-queue routing) state,
/// so at fleet scale most replicas repeat their neighbour's step exactly.
struct ReplicaStep {
    /// Everything a replica's step reads: its four per-class state vectors and its per-replica inputs.
    struct Input {
        var waiting, prefilling, prefillTokens, decoding: SIMD4<Double>
        var share, inversePrefillSpeed, inverseDecodeSpeed, decodeSpeed, kvCapacity: Double

        /// All zeros: a placeholder before the first replica of a hall.
        static let zero = Input(waiting: .zero, prefilling: .zero, prefillTokens: .zero, decoding: .zero,
                                share: 0, inversePrefillSpeed: 0, inverseDecodeSpeed: 0, decodeSpeed: 0,
                                kvCapacity: 0)

        /// Bitwise equality: a signed zero or a NaN must not be mistaken for its twin.
        @inline(__always)
        func isTwin(of b: Input) -> Bool {
            func bits(_ v: SIMD4<Double>) -> SIMD4<UInt64> { unsafeBitCast(v, to: SIMD4<UInt64>.self) }
            return share.bitPattern == b.share.bitPattern
                && bits(waiting) == bits(b.waiting) && bits(decoding) == bits(b.decoding)
                && bits(prefilling) == bits(b.prefilling) && bits(prefillTokens) == bits(b.prefillTokens)
                && inverseDecodeSpeed.bitPattern == b.inverseDecodeSpeed.bitPattern
                && inversePrefillSpeed.bitPattern == b.inversePrefillSpeed.bitPattern
                && decodeSpeed.bitPattern == b.decodeSpeed.bitPattern
                && kvCapacity.bitPattern == b.kvCapacity.bitPattern
        }
    }

    /// The new state and what the step contributes to its hall's tallies.
    struct Outcome {
        var waiting = SIMD4<Double>.zero, prefilling = SIMD4<Double>.zero
        var prefillTokens = SIMD4<Double>.zero, decoding = SIMD4<Double>.zero
        var arrived = SIMD4<Double>.zero, admitted = SIMD4<Double>.zero, firstTokens = SIMD4<Double>.zero
        var completed = SIMD4<Double>.zero, dropped = SIMD4<Double>.zero
        /// Seconds of this tick in prefill-bearing and in decode-only steps.
        var prefillBusy = 0.0, decodeBusy = 0.0
        /// Sequences decoding (Σ batch), output tokens (batch · steps), and the two step-time
        /// moments the TPOT spread needs (see `HallTickStats`).
        var batch = 0.0, tokens = 0.0, replicaStepSquares = 0.0, stepSquares = 0.0
    }

    let dt: Double
    let invDt: Double
    let budget: Double
    let invBudget: Double
    let maxBatch: Double
    let mixFactor: Double
    let maxWaiting: SIMD4<Double>
    let invQuantum: Double
    let newTokens: SIMD4<Double>
    let kvTokens: SIMD4<Double>
    let invKvTokens: SIMD4<Double>
    let invOutputTokens: SIMD4<Double>
    let decodeTable: UnsafeBufferPointer<Double>
    let decodeRate: UnsafeBufferPointer<Double>
    let prefillTable: UnsafeBufferPointer<Double>

    /// Advances one up replica by `dt`, given the site's arrivals per class this tick, writing the
    /// outcome in place (large structs returned by value cost a copy per replica). Transparent because
    /// the optimiser declined `@inline(__always)` in the hall loop, and the call cost a third of a step.
    @_transparent
    func run(_ s: Input, siteArrivals: SIMD4<Double>, into out: inout Outcome) {
        let zero = SIMD4<Double>(repeating: 0), one = SIMD4<Double>(repeating: 1)
        let arr = siteArrivals * s.share
        var w = s.waiting + arr
        var pf = s.prefilling, pt = s.prefillTokens, d = s.decoding
        let held = pf + d
        var free = maxBatch - held.sum()
        var kvFree = s.kvCapacity - (held * kvTokens).sum()
        // Admission in class priority order: each class takes what fits of slots and KV.
        let a0 = max(0, min(w.x, min(max(0, free), max(0, kvFree) * invKvTokens.x)))
        free -= a0; kvFree -= a0 * kvTokens.x
        let a1 = max(0, min(w.y, min(max(0, free), max(0, kvFree) * invKvTokens.y)))
        free -= a1; kvFree -= a1 * kvTokens.y
        let a2 = max(0, min(w.z, min(max(0, free), max(0, kvFree) * invKvTokens.z)))
        free -= a2; kvFree -= a2 * kvTokens.z
        let a3 = max(0, min(w.w, min(max(0, free), max(0, kvFree) * invKvTokens.w)))
        let adm = SIMD4(a0, a1, a2, a3)
        w -= adm
        pf += adm
        pt += adm * newTokens
        let pTokens = pt.sum()
        let batch = d.sum()
        let chunk = min(pTokens, budget)
        let pIndex = Int(min(Double(prefillTable.count - 1), chunk * invQuantum + 0.999999))
        let dIndex = Int(min(Double(decodeTable.count - 1), batch + 0.999999))
        let pTime = prefillTable[pIndex] * s.inversePrefillSpeed
        let dTime = decodeTable[dIndex] * s.inverseDecodeSpeed
        // A prefill-bearing step carries a chunk (and the decode batch, ×mix when both).
        let tMix = max(pTime, dTime) * (chunk > 0 && batch > 0 ? mixFactor : 1)
        // Prefill-bearing steps the backlog needs (one partial step when it fits the budget),
        // the share of the tick they take, and the share of the backlog they cover.
        let need = pTokens > 0 ? max(1, pTokens * invBudget) : 0
        let prefillTime = need * tMix
        let prefillShare = min(1, prefillTime * invDt)
        let frac = prefillTime > dt ? dt / prefillTime : (prefillTime > 0 ? 1 : 0)
        let pSteps = need * frac
        // The rest of the tick runs decode-only steps.
        let dSteps = batch > 0 ? (1 - prefillShare) * dt * decodeRate[dIndex] * s.decodeSpeed : 0
        let steps = pSteps + dSteps
        let first = pf * frac
        pf -= first
        pt -= pt * frac
        let hazard = steps * invOutputTokens
        let done = d * hazard.replacing(with: one, where: hazard .> one)
        d = d - done + first
        let excess = w - maxWaiting
        let over = excess.replacing(with: zero, where: excess .< zero)
        w -= over
        out.waiting = w; out.prefilling = pf; out.prefillTokens = pt; out.decoding = d
        out.arrived = arr; out.admitted = adm; out.firstTokens = first; out.completed = done; out.dropped = over
        out.prefillBusy = dt * prefillShare
        out.decodeBusy = 0; out.batch = 0; out.tokens = 0; out.replicaStepSquares = 0; out.stepSquares = 0
        if batch > 0 {
            out.decodeBusy = dt * (1 - prefillShare)
            out.batch = batch
            out.tokens = batch * steps
            out.replicaStepSquares = batch * dt * dt / steps
            out.stepSquares = batch * (pSteps * tMix * tMix + dSteps * dTime * dTime)
        }
    }
}
