import Foundation

/// The 100-ms serving tick (MODEL §3–4): every arriving request is created with its own sizes, sent to a
/// site, and served request by request; departures are recorded, failures go to retry.
extension FleetEngine {
    func servingStep() {
        let t = simTime, dt = SimClock.servingDt, end = t + dt
        for s in 0..<siteArrivals.count { siteArrivals[s].removeAll(keepingCapacity: true) }
        let sites = topology.siteCount
        let simulated = (0..<sites).map { serving.simulatedShare(site: $0) }
        let agenticClass = RequestClass.agentic.rawValue
        for c in 0..<4 where c != agenticClass {
            if demand.replaysTrace(c) {
                var rows: [TraceReplay.Row] = []
                demand.traceRows(c, at: t, dt: dt, into: &rows)
                for (k, row) in rows.enumerated() {
                    let key = UInt64(c) << 40 | UInt64(k)
                    guard let s = pickSite(c, u: rng.uniform(.requestSite, key, tick)) else {
                        admitFresh(RequestRecord(arrival: row.at, enter: row.at, prompt: row.prompt, output: row.output,
                                                 classIndex: UInt8(c)), site: nil, key: key)
                        continue
                    }
                    // A sampled site simulates only its share; the others are stood for by their weight.
                    guard simulated[s] >= 1 || rng.uniform(.requestSite, key &+ 1 << 62, tick) < simulated[s] else { continue }
                    admitFresh(RequestRecord(arrival: row.at, enter: row.at, prompt: row.prompt, output: row.output,
                                             classIndex: UInt8(c), weight: Float(1 / simulated[s])), site: s, key: key)
                }
            } else {
                generatePoisson(c, at: t, dt: dt, simulated: simulated)
            }
        }
        generateAgentic(at: t, dt: dt, simulated: simulated)
        var released: [RequestRecord] = []
        retries.release(before: end, into: &released)
        for (k, r) in released.enumerated() {
            let key = UInt64(k) | 1 << 50
            if let s = pickSite(Int(r.classIndex), u: rng.uniform(.requestSite, key, tick)) {
                place(r, site: s, key: key)
            } else {
                dropBeforeSite(r, at: r.enter)
            }
        }
        for s in 0..<sites where siteArrivals[s].count > 1 {
            siteArrivals[s].sort { ($0.enter, $0.arrival) < ($1.enter, $1.arrival) }
        }
        serving.run(arrivals: siteArrivals, rttSeconds: siteRttMs.map { $0 / 1000 }, until: end)
        collectDepartures(at: end)
        agenticStep()
        let occupancy = serving.books.area + retriesArea(at: end)
        recorder.recordOccupancy(occupancy - lastOccupancy, seconds: dt)
        lastOccupancy = occupancy
    }

    /// ∫ retry-pool occupancy dt per class up to `t`.
    func retriesArea(at t: Double) -> SIMD4<Double> {
        retries.advance(to: t)
        return retries.area
    }

    /// The site a request of class `c` goes to, by the router's shares, from a uniform `u`; nil when
    /// no site takes the class.
    func pickSite(_ c: Int, u: Double) -> Int? {
        var total = 0.0
        for s in 0..<topology.siteCount { total += router.siteShare[s * 4 + c] }
        guard total > 0 else { return nil }
        var x = u * total
        var last: Int?
        for s in 0..<topology.siteCount where router.siteShare[s * 4 + c] > 0 {
            last = s
            x -= router.siteShare[s * 4 + c]
            if x < 0 { return s }
        }
        return last
    }

    /// Poisson arrivals of class `c` in the tick, drawn per site at the share each site simulates.
    func generatePoisson(_ c: Int, at t: Double, dt: Double, simulated: [Double]) {
        let mean = demand.rate(c, at: t) * dt
        guard mean > 0, mean.isFinite else { return }
        var anySite = false
        for s in 0..<topology.siteCount {
            let share = router.siteShare[s * 4 + c]
            guard share > 0 else { continue }
            anySite = true
            let entity = UInt64(c) << 32 | UInt64(s)
            let n = rng.poisson(min(1e7, mean * share * simulated[s]), .arrivals, entity, tick)
            for k in 0..<n {
                let key = entity << 24 | UInt64(k)
                let at = t + dt * rng.uniform(.requestTime, key, tick)
                let size = demand.sampleSize(c, rng.uniform(.requestPrompt, key, tick), rng.uniform(.requestOutput, key, tick))
                admitFresh(RequestRecord(arrival: at, enter: at, prompt: size.prompt, output: size.output,
                                         classIndex: UInt8(c), weight: Float(1 / simulated[s])), site: s, key: key)
            }
        }
        if !anySite {
            let n = rng.poisson(min(1e7, mean), .arrivals, UInt64(c) << 32 | 0xFFFF, tick)
            for k in 0..<n {
                let at = t + dt * rng.uniform(.requestTime, UInt64(c) << 32 | 0xFFFF << 8 | UInt64(k), tick)
                admitFresh(RequestRecord(arrival: at, enter: at, prompt: 1, output: 1, classIndex: UInt8(c)), site: nil, key: 0)
            }
        }
    }

    /// The agentic calls the cohorts issued last tick, and the probes' calls, as requests.
    func generateAgentic(at t: Double, dt: Double, simulated: [Double]) {
        let a = RequestClass.agentic.rawValue
        let issued = agenticIssued
        agenticIssued = 0
        let newTokens = max(1, agentic.newTokensPerCall), cached = max(0, agentic.cachedTokensPerCall)
        let baseInput = spec[.agentic].inputTokens
        var routed = false
        for s in 0..<topology.siteCount {
            let share = router.siteShare[s * 4 + a]
            guard share > 0 else { continue }
            routed = true
            agenticCarry[s] += issued * share * simulated[s]
            let n = Int(min(1e7, agenticCarry[s].rounded(.down)))
            agenticCarry[s] -= Double(n)
            for k in 0..<n {
                let key = UInt64(a) << 32 | UInt64(s) << 24 | UInt64(k)
                let at = t + dt * rng.uniform(.requestTime, key, tick)
                let size = demand.sampleSize(a, rng.uniform(.requestPrompt, key, tick), rng.uniform(.requestOutput, key, tick))
                let prompt = Int32(max(1, min(1e6, (Double(size.prompt) * newTokens / max(1, baseInput)).rounded())))
                admitFresh(RequestRecord(arrival: at, enter: at, prompt: prompt, output: size.output,
                                         cached: Int32(min(1e6, cached.rounded())), classIndex: UInt8(a),
                                         weight: Float(1 / simulated[s])), site: s, key: key)
            }
        }
        if !routed && issued > 0 {
            // Nowhere to go: every call issued is lost, and its task with it.
            agenticCarry[0] += issued
            let n = Int(min(1e7, agenticCarry[0].rounded(.down)))
            agenticCarry[0] -= Double(n)
            for _ in 0..<n {
                admitFresh(RequestRecord(arrival: t, enter: t, prompt: 1, output: 1, classIndex: UInt8(a)), site: nil, key: 0)
            }
        }
        let growth = spec.agentic.contextGrowthTokens
        for call in probes.tick(at: t, dt: dt, tick: tick, startRate: demand.rate(a, at: t)) {
            let key = UInt64(call.probe) << 20 | UInt64(call.index) | 1 << 60
            let size = demand.sampleSize(a, rng.uniform(.requestPrompt, key, tick), rng.uniform(.requestOutput, key, tick))
            let first = call.index == 0
            let prompt = first ? Double(size.prompt) : growth
            let cachedTokens = first ? 0 : baseInput + Double(call.index - 1) * growth
            let r = RequestRecord(arrival: call.at, enter: call.at, prompt: Int32(max(1, min(1e6, prompt))),
                                  output: size.output, cached: Int32(min(1e6, cachedTokens)), classIndex: UInt8(a),
                                  probe: call.probe, weight: 1)
            admitFresh(r, site: pickSite(a, u: rng.uniform(.requestSite, key, tick)), key: key)
        }
    }

    /// A new request enters the books and goes to `site` (nil: nowhere to route it, so it is dropped).
    func admitFresh(_ r: RequestRecord, site: Int?, key: UInt64) {
        let w = Double(r.weight)
        arrived[Int(r.classIndex)] += w
        arrivalsThisSecond[Int(r.classIndex)] += w
        recorder.recordArrivals(w, class: Int(r.classIndex))
        if let site { place(r, site: site, key: key) } else { dropBeforeSite(r, at: r.enter) }
    }

    /// Sends a request to `site`, unless the network loses it on the way (then it retries).
    func place(_ r: RequestRecord, site s: Int, key: UInt64) {
        let loss = faults.siteNetworkLoss[s]
        if loss > 0, loss >= 1 || rng.uniform(.requestSite, key ^ 0x5A5A_5A5A, tick) < loss {
            retry(r, at: r.enter)
            return
        }
        siteArrivals[s].append(r)
    }

    /// A request that failed at `t` waits out the retry timeout, or is dropped once out of retries.
    func retry(_ r: RequestRecord, at t: Double) {
        var again = r
        again.retries = r.retries &+ 1
        if Int(again.retries) > spec.serving.maxRetries {
            dropBeforeSite(again, at: t)
            return
        }
        let c = Int(r.classIndex), w = Double(max(r.weight, 1e-30))
        retried[c] += w
        recorder.recordRetries(w, class: c)
        retries.add(again, at: t, release: t + spec.serving.retryTimeoutSeconds)
    }

    func dropBeforeSite(_ r: RequestRecord, at t: Double) {
        let c = Int(r.classIndex)
        droppedBeforeSite[c] += Double(r.weight)
        let d = Departure(classIndex: r.classIndex, completed: false, weight: r.weight, site: -1, probe: r.probe,
                          ttft: .nan, tpot: .nan, e2e: .nan, timeInSystem: max(0, t - r.arrival), rtt: 0,
                          prompt: r.prompt, output: r.output, at: t)
        record(d)
    }

    /// Records a departure: latency, goodput, probes, agentic cohorts.
    func record(_ d: Departure) {
        recorder.record(d, slo: spec.classes[Int(d.classIndex)].slo)
        if d.probe >= 0 { probes.callEnded(d) }
        if d.probe < 0, d.classIndex == UInt8(RequestClass.agentic.rawValue) {
            if d.completed { agenticCompleted += Double(d.weight) } else { agenticDropped += Double(d.weight) }
        }
        departureLog?.append(d)
    }

    /// Takes what left the sites this tick; requests that must retry go to the retry pool.
    func collectDepartures(at end: Double) {
        departures.removeAll(keepingCapacity: true)
        bounced.removeAll(keepingCapacity: true)
        cost.tokensThisSecond += serving.drain(departures: &departures, bounced: &bounced)
        departures.sort { ($0.at, $0.site) < ($1.at, $1.site) }
        for d in departures { record(d) }
        for r in bounced { retry(r, at: r.enter) }
    }

    /// The agentic cohorts advance a tick on the calls that left serving; the calls they issue arrive
    /// next tick.
    func agenticStep() {
        let a = RequestClass.agentic.rawValue
        // Probes are started from the same task population; the cohorts start the rest.
        let rate = demand.rate(a, at: simTime)
        let cohortRate = max(0, rate - ProbeSessions.rate(of: rate, knobs: spec.agentic))
        let started = Double(rng.poisson(min(1e7, cohortRate * SimClock.servingDt), .arrivals, UInt64(a), tick)
                             + probes.takeOverflow())
        agenticIssued = agentic.tick(dt: SimClock.servingDt, started: started, completed: agenticCompleted, dropped: agenticDropped)
        agenticCompleted = 0
        agenticDropped = 0
    }
}
