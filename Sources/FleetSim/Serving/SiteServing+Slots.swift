/// Replica health and speed: slots going down flush their requests to retry; a replica whose speed
/// leaves its sampled group's is split off into a slot of its own.
extension SiteServing {
    /// Applies the speeds of every replica of the site (`prefill[r − firstReplica]`, 0 = down) at `t`.
    mutating func setSpeeds(prefill: ArraySlice<Double>, decode: ArraySlice<Double>, at t: Double) {
        let p0 = prefill.startIndex, d0 = decode.startIndex
        for k in 0..<members.count {
            let group = members[k]
            if group.count > 1 {
                // The group follows its first up member; members that differ leave it.
                let reference = group.first { decode[d0 + Int($0) - firstReplica] > 0 } ?? group[0]
                let rp = prefill[p0 + Int(reference) - firstReplica], rd = decode[d0 + Int(reference) - firstReplica]
                for g in group where g != reference {
                    let i = Int(g) - firstReplica
                    if prefill[p0 + i] != rp || decode[d0 + i] != rd {
                        let solo = detach(g, from: k, at: t)
                        setSlotSpeeds(solo, prefill: prefill[p0 + i], decode: decode[d0 + i], at: t)
                    }
                }
                setSlotSpeeds(k, prefill: rp, decode: rd, at: t)
            } else {
                let i = Int(group[0]) - firstReplica
                setSlotSpeeds(k, prefill: prefill[p0 + i], decode: decode[d0 + i], at: t)
            }
        }
    }

    mutating func setSlotSpeeds(_ k: Int, prefill: Double, decode: Double, at t: Double) {
        let wasUp = decodeSpeed[k] > 0
        let up = decode > 0 && prefill > 0
        prefillSpeed[k] = up ? prefill : 0
        decodeSpeed[k] = up ? decode : 0
        if wasUp && !up { flush(k, at: t) }
        if wasUp != up { routing.update(k, routingValue(k)) }
    }

    /// Sends every request of slot `k` to retry: its replica is down.
    mutating func flush(_ k: Int, at t: Double) {
        books.advance(to: t)
        var id = waitHead[k]
        while id >= 0 {
            let next = pool.next[Int(id)]
            leave(id, waiting: true, kv: 0, at: t)
            id = next
        }
        for id in prefilling[k] { leave(id, waiting: false, kv: Double(pool.kvHeld[Int(id)]), at: t) }
        for (j, id) in decoders[k].enumerated() { leave(id, waiting: false, kv: decoderKV(Int(id), left: left[k][j]), at: t) }
        decoderWeight[k] = 0
        decoderClassWeight[k] = .zero
        if pool.live == 0 { kvByClass = .zero }
        waitHead[k] = -1; waitTail[k] = -1; waitCount[k] = 0
        prefilling[k].removeAll(); decoders[k].removeAll(); left[k].removeAll(); stalls[k].removeAll()
        kvUsed[k] = 0; pendingTokens[k] = 0
        iterating[k] = false
        epoch[k] &+= 1
    }

    /// Request `id`, holding `kv` KV tokens, leaves the site at `t` to retry elsewhere.
    mutating func leave(_ id: Int32, waiting: Bool, kv: Double, at t: Double) {
        let i = Int(id)
        let w = Double(pool.weight[i]), c = Int(pool.classIndex[i])
        kvByClass[c] -= kv * w
        if waiting { books.waiting[c] -= w } else { books.inFlight[c] -= w }
        books.retriedOut[c] += w
        bounced.append(pool.record(id, enter: t))
        pool.release(id)
    }

    /// Moves replica `g` out of slot `k`'s group into a new slot holding one copy of each of the group's
    /// requests that stood for it (weight above 1); returns the new slot.
    mutating func detach(_ g: Int32, from k: Int, at t: Double) -> Int {
        members[k].removeAll { $0 == g }
        let s = addSlot(members: [g], group: Int(slotGroup[k]), kvCapacity: kvCapacity[k])
        prefillSpeed[s] = prefillSpeed[k]
        decodeSpeed[s] = decodeSpeed[k]
        slotOf[Int(g) - firstReplica] = Int32(s)
        books.advance(to: t)
        func split(_ id: Int32, left l: Int32? = nil) -> Int32? {
            let i = Int(id)
            guard pool.weight[i] > 1 else { return nil }
            pool.weight[i] -= 1
            let c = pool.clone(id, weight: 1)
            kvUsed[s] += l.map { decoderKV(Int(c), left: $0) } ?? Double(pool.kvHeld[Int(c)])
            pendingTokens[s] += Double(pool.toPrefill[Int(c)] - pool.prefilled[Int(c)]) + 1
            return c
        }
        var id = waitHead[k]
        while id >= 0 {
            if let c = split(id) {
                if waitTail[s] >= 0 { pool.next[Int(waitTail[s])] = c } else { waitHead[s] = c }
                waitTail[s] = c
                waitCount[s] += 1
            }
            id = pool.next[Int(id)]
        }
        for id in prefilling[k] { if let c = split(id) { prefilling[s].append(c) } }
        var inIteration: Int32 = 0
        for (j, id) in decoders[k].enumerated() {
            guard let c = split(id, left: left[k][j]) else { continue }
            decoderWeight[k] -= 1
            decoderWeight[s] += 1
            decoderClassWeight[k][Int(pool.classIndex[Int(c)])] -= 1
            decoderClassWeight[s][Int(pool.classIndex[Int(c)])] += 1
            decoders[s].append(c)
            left[s].append(left[k][j])
            stalls[s].append(stalls[k][j])
            if j < Int(iterDecoders[k]) { inIteration += 1 }
        }
        if iterating[k] {
            iterating[s] = true
            iterPrefill[s] = iterPrefill[k]
            iterDecoders[s] = inIteration
            iterEnd[s] = iterEnd[k]
            iterStart[s] = iterStart[k]
            iterSteps[s] = iterSteps[k]
            iterStep[s] = iterStep[k]
            heap.push(.init(time: iterEnd[k], slot: Int32(s), epoch: epoch[s]))
        }
        routing.update(s, routingValue(s))
        return s
    }
}
