/// A replica's iterations (MODEL §4): continuous batching, one token per running sequence per
/// iteration, prompts admitted first come first served within the token budget, chunked or whole;
/// KV reserved whole or grown per token with preemption of the newest sequence when full.
extension SiteServing {
    /// Starts slot `k`'s next iteration at `t` if it has work (and is up); otherwise it idles.
    mutating func startIteration(_ k: Int, at t: Double) {
        guard !iterating[k], decodeSpeed[k] > 0 else { return }
        if !fullReservation {
            while !decoders[k].isEmpty && kvUsed[k] + Double(decoders[k].count) > kvCapacity[k] {
                preemptNewest(k, at: t)
            }
        }
        // Incremental KV: room for every decoder's next token first; what is not used is given back.
        let reserved = fullReservation ? 0 : decoders[k].count
        kvUsed[k] += Double(reserved)
        var prefillTokens = 0, decoding = 0
        if chunked {
            decoding = decoders[k].count
            var room = budget(k) - decoding
            for id in prefilling[k] where room > 0 {
                let i = Int(id)
                let chunk = min(Int(pool.toPrefill[i] - pool.prefilled[i]), room)
                pool.planned[i] = Int32(chunk)
                prefillTokens += chunk
                room -= chunk
            }
            while room > 0, waitHead[k] >= 0, admitted(k) < maxBatch(k), let id = admitHead(k, at: t) {
                let i = Int(id)
                let chunk = min(Int(pool.toPrefill[i]), room)
                pool.planned[i] = Int32(chunk)
                prefillTokens += chunk
                room -= chunk
            }
            iterDecoders[k] = Int32(decoding)
        } else {
            (prefillTokens, decoding) = planWhole(k, at: t)
        }
        if !fullReservation { kvUsed[k] -= Double(reserved - decoding) }
        guard prefillTokens > 0 || decoding > 0 else { return }
        let duration = table.seconds(prefillTokens: prefillTokens, decoders: decoding,
                                     prefillSpeed: max(prefillSpeed[k], 1e-6), decodeSpeed: decodeSpeed[k])
        let steps = knobs.decodeBlocks && prefillTokens == 0 && decoding == decoders[k].count ? decodeBlock(k, decoding: decoding, step: duration, at: t) : 1
        if !fullReservation { kvUsed[k] += Double((steps - 1) * decoding) }
        iterating[k] = true
        iterStart[k] = t
        iterSteps[k] = Int32(steps)
        iterStep[k] = duration
        // Step ends added one at a time, as single iterations would be, so a block ends at the same instant.
        var end = t, busy = 0.0
        for _ in 0..<steps { end += duration; busy += duration }
        iterEnd[k] = end
        iterPrefill[k] = prefillTokens > 0
        if prefillTokens > 0 { prefillBusy[k] += duration } else { decodeBusy[k] += busy }
        heap.push(.init(time: iterEnd[k], slot: Int32(k), epoch: epoch[k]))
    }

    /// How many identical decode-only steps slot `k` can run as one block from `t`: until its first
    /// decoder finishes, while its KV cache has room for every step's tokens, and within the current
    /// physics second (speeds may change at the next). Nothing else can change the batch meanwhile: an
    /// arrival cuts the block (`cutBlock`), a failure flushes it.
    func decodeBlock(_ k: Int, decoding: Int, step: Double, at t: Double) -> Int {
        var lowest = Int32.max
        left[k].withUnsafeBufferPointer { L in for v in L { lowest = min(lowest, v) } }
        var n = Int(max(1, lowest))
        if !fullReservation {
            n = min(n, Int(max(0, (kvCapacity[k] - kvUsed[k]) / Double(decoding))) + 1)
        }
        // No step of a block ends past the next physics second, so busy time and tokens land in the
        // same second as they would one iteration at a time.
        let boundary = t.rounded(.down) + 1
        var fits = 0, end = t
        while fits < n {
            end += step
            guard end <= boundary else { break }
            fits += 1
        }
        return max(1, fits)
    }

    /// A request arrived at slot `k` during a decode block: the block ends with the step in flight at
    /// `t`, so the next iteration can take the new prompt.
    mutating func cutBlock(_ k: Int, at t: Double) {
        let n = Int(iterSteps[k])
        guard n > 1, iterStep[k] > 0 else { return }
        // The step in flight at `t`: the first whose end (added up as `startIteration` did) is not before it.
        var m = 0, reached = iterStart[k]
        while m < n && reached < t { reached += iterStep[k]; m += 1 }
        m = max(1, m)
        guard m < n else { return }
        iterSteps[k] = Int32(m)
        var end = iterStart[k], dropped = 0.0
        for _ in 0..<m { end += iterStep[k] }
        for _ in m..<n { dropped += iterStep[k] }
        iterEnd[k] = end
        decodeBusy[k] -= dropped
        if !fullReservation { kvUsed[k] -= Double((n - m) * decoders[k].count) }
        epoch[k] &+= 1
        heap.push(.init(time: iterEnd[k], slot: Int32(k), epoch: epoch[k]))
    }

    /// splitwise-sim's whole-prompt batch: waiting prompts first, whole, while the iteration's tokens stay
    /// within the budget (the first always runs), then the decoders left out of the last iteration, then
    /// the rest while they fit; those left out wait a step. A decoder's mark: bit 7 in the iteration in
    /// flight, bit 6 left out of the last one, bits 0–5 how often it was left out (saturating).
    mutating func planWhole(_ k: Int, at t: Double) -> (prefill: Int, decoding: Int) {
        var tokens = 0, count = 0, prefillTokens = 0, decoding = 0
        let budget = budget(k), batch = maxBatch(k)
        func fits(_ n: Int) -> Bool { count == 0 || (tokens + n <= budget && count < batch) }
        func take(_ j: Int) {
            stalls[k][j] = (stalls[k][j] & 0x3F) | 0x80
            tokens += 1; count += 1; decoding += 1
        }
        let n = decoders[k].count
        while waitHead[k] >= 0, admitted(k) < batch {
            let head = Int(waitHead[k])
            let need = Int(pool.toPrefill[head])
            guard fits(need), let id = admitHead(k, at: t) else { break }
            pool.planned[Int(id)] = Int32(need)
            tokens += need; count += 1; prefillTokens += need
        }
        for pass in 0..<2 {
            for j in 0..<n where stalls[k][j] & 0x80 == 0 && (stalls[k][j] & 0x40 != 0) == (pass == 0) {
                if fits(1) { take(j) }
            }
        }
        for j in 0..<n where stalls[k][j] & 0x80 == 0 {
            let waited = stalls[k][j] & 0x3F
            stalls[k][j] = 0x40 | min(63, waited + 1)
        }
        return (prefillTokens, decoding)
    }

    /// Admits the head of slot `k`'s waiting list if its KV fits; returns it, or nil.
    mutating func admitHead(_ k: Int, at t: Double) -> Int32? {
        let head = waitHead[k]
        let need = kvNeed(head)
        guard kvUsed[k] + need <= kvCapacity[k] else { return nil }
        let id = popWaiting(k)
        let i = Int(id)
        kvUsed[k] += need - (fullReservation ? 0 : 1)
        pool.kvHeld[i] = Int32(need - (fullReservation ? 0 : 1))
        prefilling[k].append(id)
        books.advance(to: t)
        let w = Double(pool.weight[i]), c = Int(pool.classIndex[i])
        kvByClass[c] += Double(pool.kvHeld[i]) * w
        books.waiting[c] -= w
        books.inFlight[c] += w
        return id
    }

    /// Ends slot `k`'s iteration at `t`: each decoder in it gains a token, prompts gain their chunk, and
    /// requests whose prompt is done give their first token; finished requests leave.
    mutating func completeIteration(_ k: Int, at t: Double) {
        iterating[k] = false
        var produced = 0.0
        if !decoders[k].isEmpty { produced += decodeStep(k, at: t) }
        if iterPrefill[k] { produced += prefillStep(k, at: t) }
        outputTokens += produced
        refreshRouting(k)
    }

    /// The decoders of slot `k`'s iteration each produce a token; those done leave. Works on the slot's
    /// columns moved out of their arrays, so the hot loop is a plain pass over contiguous memory.
    /// Returns the tokens produced (weighted).
    mutating func decodeStep(_ k: Int, at t: Double) -> Double {
        var ids: [Int32] = [], lefts: [Int32] = [], marks: [UInt8] = []
        swap(&ids, &decoders[k]); swap(&lefts, &left[k]); swap(&marks, &stalls[k])
        defer { swap(&ids, &decoders[k]); swap(&lefts, &left[k]); swap(&marks, &stalls[k]) }
        let n = ids.count
        let steps = iterSteps[k], stepsD = Double(steps)
        var lowest = Int32.max, produced = 0.0
        if chunked {
            let inIteration = min(n, Int(iterDecoders[k]))
            lefts.withUnsafeMutableBufferPointer { L in
                for j in 0..<inIteration {
                    let v = L[j] &- steps
                    L[j] = v
                    lowest = min(lowest, v)
                }
            }
            if inIteration == n {
                produced = decoderWeight[k] * stepsD
                if !fullReservation { kvByClass += decoderClassWeight[k] * stepsD }
            } else {
                for id in ids[..<inIteration] {
                    let w = Double(pool.weight[Int(id)]) * stepsD
                    produced += w
                    if !fullReservation { kvByClass[Int(pool.classIndex[Int(id)])] += w }
                }
            }
        } else {
            for j in 0..<n where marks[j] & 0x80 != 0 {
                marks[j] &= 0x3F
                lefts[j] &-= steps
                lowest = min(lowest, lefts[j])
                let w = Double(pool.weight[Int(ids[j])]) * stepsD
                produced += w
                if !fullReservation { kvByClass[Int(pool.classIndex[Int(ids[j])])] += w }
            }
        }
        guard lowest <= 0 else { return produced }
        var write = 0
        for j in 0..<n {
            if lefts[j] <= 0 {
                let i = Int(ids[j])
                decoderWeight[k] -= Double(pool.weight[i])
                decoderClassWeight[k][Int(pool.classIndex[i])] -= Double(pool.weight[i])
                finish(ids[j], slot: k, kv: decoderKV(i, left: 0), at: t)
            } else {
                ids[write] = ids[j]; lefts[write] = lefts[j]; marks[write] = marks[j]
                write += 1
            }
        }
        ids.removeLast(n - write); lefts.removeLast(n - write); marks.removeLast(n - write)
        if ids.isEmpty { decoderWeight[k] = 0; decoderClassWeight[k] = .zero }
        return produced
    }

    /// The prompts of slot `k`'s iteration gain their chunk; those done give their first token and
    /// start decoding (or leave, for a one-token output). Returns the tokens produced (weighted).
    mutating func prefillStep(_ k: Int, at t: Double) -> Double {
        var ids: [Int32] = []
        swap(&ids, &prefilling[k])
        defer { swap(&ids, &prefilling[k]) }
        var produced = 0.0
        var write = 0
        let m = ids.count
        for j in 0..<m {
            let id = ids[j]
            let i = Int(id)
            let chunk = pool.planned[i]
            var done = false
            if chunk > 0 {
                pool.planned[i] = 0
                pool.prefilled[i] += chunk
                pendingTokens[k] -= Double(chunk)
                if pool.prefilled[i] >= pool.toPrefill[i] {
                    done = true
                    if pool.firstToken[i] < 0 { pool.firstToken[i] = t }
                    pool.generated[i] += 1
                    produced += Double(pool.weight[i])
                    let remaining = pool.output[i] - pool.generated[i]
                    if remaining <= 0 {
                        finish(id, slot: k, kv: Double(pool.kvHeld[i]), at: t)
                    } else {
                        decoders[k].append(id)
                        left[k].append(remaining)
                        stalls[k].append(0)
                        decoderWeight[k] += Double(pool.weight[i])
                        decoderClassWeight[k][Int(pool.classIndex[i])] += Double(pool.weight[i])
                    }
                }
            }
            if !done {
                ids[write] = id
                write += 1
            }
        }
        if write < m { ids.removeLast(m - write) }
        return produced
    }

    /// KV tokens a decoder holds with `left` tokens still to produce: what it held when it joined, plus
    /// a token per step since when KV grows per token.
    @inline(__always)
    func decoderKV(_ i: Int, left l: Int32) -> Double {
        let held = Double(pool.kvHeld[i])
        return fullReservation ? held : held + Double(pool.output[i] - pool.generated[i] - l)
    }

    /// Request `id` produced its last token at `t`, freeing `kv` tokens.
    mutating func finish(_ id: Int32, slot k: Int, kv: Double, at t: Double) {
        let i = Int(id)
        let w = pool.weight[i], c = Int(pool.classIndex[i])
        books.advance(to: t)
        books.inFlight[c] -= Double(w)
        books.completed[c] += Double(w)
        kvUsed[k] -= kv
        kvByClass[c] -= kv * Double(w)
        pendingTokens[k] -= 1
        let rtt = Double(pool.rtt[i]), arrival = pool.arrival[i]
        let ttft = pool.firstToken[i] - arrival + rtt, e2e = t - arrival + rtt
        let out = pool.output[i]
        let tpot = out > 1 ? (e2e - ttft) / Double(out - 1) : .nan
        departures.append(Departure(classIndex: UInt8(c), completed: true, weight: w, site: site, probe: pool.probe[i],
                                    ttft: ttft, tpot: tpot, e2e: e2e, timeInSystem: t - arrival, rtt: rtt,
                                    prompt: pool.prompt[i], output: out, at: t))
        pool.release(id)
    }

    /// Frees the newest decoder's KV and puts it back at the head of the queue, to recompute its
    /// prompt and the tokens it had produced (vLLM's recompute preemption).
    mutating func preemptNewest(_ k: Int, at t: Double) {
        guard let id = decoders[k].popLast(), let l = left[k].popLast() else { return }
        _ = stalls[k].popLast()
        let i = Int(id)
        let kv = decoderKV(i, left: l)
        kvUsed[k] -= kv
        kvByClass[Int(pool.classIndex[i])] -= kv * Double(pool.weight[i])
        decoderWeight[k] -= Double(pool.weight[i])
        decoderClassWeight[k][Int(pool.classIndex[i])] -= Double(pool.weight[i])
        pool.kvHeld[i] = 0
        pool.generated[i] = pool.output[i] - l
        pool.toPrefill[i] = pool.prompt[i] + pool.generated[i]
        pool.prefilled[i] = 0
        pendingTokens[k] += Double(pool.toPrefill[i])
        books.advance(to: t)
        let w = Double(pool.weight[i]), c = Int(pool.classIndex[i])
        books.inFlight[c] -= w
        books.waiting[c] += w
        preemptions += w
        pushWaitingFront(k, id)
    }
}
