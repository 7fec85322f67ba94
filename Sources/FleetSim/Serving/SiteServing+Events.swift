/// The site's event loop: arrivals and iteration ends in time order, and routing each request to a
/// replica by the site's policy (MODEL §4).
extension SiteServing {
    /// Runs the site from its last event to `end`: routes `arrivals` (sorted by `enter`, all before `end`)
    /// at their instants, and completes and starts iterations as they fall due.
    mutating func run(_ arrivals: [RequestRecord], until end: Double) {
        var i = 0
        while true {
            let ta = i < arrivals.count ? arrivals[i].enter : .infinity
            if let top = heap.top, top.time <= ta, top.time < end {
                _ = heap.pop()
                let k = Int(top.slot)
                guard iterating[k], epoch[k] == top.epoch else { continue }
                completeIteration(k, at: top.time)
                startIteration(k, at: top.time)
            } else if ta < end {
                route(arrivals[i])
                i += 1
            } else {
                break
            }
        }
        books.advance(to: end)
    }

    /// The slot the policy picks now for a request of class `c`, or nil when none serving it is up.
    mutating func pickSlot(class c: Int) -> Int? {
        switch knobs.routing {
        case .jsqTokens, .leastLoaded:
            return routing.best(class: c)
        case .roundRobin:
            let speeds = decodeSpeed
            return routing.nextInTurn(class: c) { speeds[$0] > 0 }
        }
    }

    /// KV tokens request `id` needs to be admitted, under the reservation policy.
    @inline(__always)
    func kvNeed(_ id: Int32) -> Double {
        let i = Int(id)
        let base = Double(pool.toPrefill[i]) + Double(pool.cached[i])
        return fullReservation ? base + Double(pool.output[i] - pool.generated[i]) : base + 1
    }

    /// Routes one request arriving now.
    mutating func route(_ r: RequestRecord) {
        let t = r.enter
        books.advance(to: t)
        let c = Int(r.classIndex)
        guard let k = pickSlot(class: c) else {
            let w = Double(max(r.weight, 1))
            books.routed[c] += w
            books.retriedOut[c] += w
            var again = r
            again.weight = max(r.weight, 1)
            bounced.append(again)
            return
        }
        // A fresh request (weight 0) stands for one request on each replica of the slot's group.
        let weight = r.weight > 0 ? r.weight : Float(members[k].count)
        let w = Double(weight)
        books.routed[c] += w
        if Int(waitCount[k]) >= maxWaiting {
            drop(r, weight: weight, at: t)
            return
        }
        let id = pool.allocate(r, rtt: rtt, weight: weight)
        if kvNeed(id) > kvCapacity[k] {
            pool.release(id)
            drop(r, weight: weight, at: t)
            return
        }
        let i = Int(id)
        if waitTail[k] >= 0 { pool.next[Int(waitTail[k])] = id } else { waitHead[k] = id }
        waitTail[k] = id
        waitCount[k] += 1
        books.waiting[c] += w
        pendingTokens[k] += Double(pool.prompt[i]) + 1
        refreshRouting(k)
        if iterating[k] { cutBlock(k, at: t) } else { startIteration(k, at: t) }
    }

    /// A request refused at the door (queue full, or larger than a replica's whole KV cache).
    mutating func drop(_ r: RequestRecord, weight: Float, at t: Double) {
        books.dropped[Int(r.classIndex)] += Double(weight)
        departures.append(Departure(classIndex: r.classIndex, completed: false, weight: weight, site: site,
                                    probe: r.probe, ttft: .nan, tpot: .nan, e2e: .nan,
                                    timeInSystem: t - r.arrival, rtt: rtt, prompt: r.prompt, output: r.output, at: t))
    }

    /// Takes the head of slot `k`'s waiting list.
    @inline(__always)
    mutating func popWaiting(_ k: Int) -> Int32 {
        let id = waitHead[k]
        let n = pool.next[Int(id)]
        waitHead[k] = n
        if n < 0 { waitTail[k] = -1 }
        pool.next[Int(id)] = -1
        waitCount[k] -= 1
        return id
    }

    /// Puts request `id` back at the head of slot `k`'s waiting list (a preempted sequence).
    @inline(__always)
    mutating func pushWaitingFront(_ k: Int, _ id: Int32) {
        pool.next[Int(id)] = waitHead[k]
        waitHead[k] = id
        if waitTail[k] < 0 { waitTail[k] = id }
        waitCount[k] += 1
    }
}
