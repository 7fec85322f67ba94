import Foundation

/// Routing (MODEL §5), recomputed every simulated second. Globally, each class's demand splits across
/// sites ∝ free capacity · exp(−RTT/τ) · price factor (batch prefers cheap power) · (1 − network loss);
/// within a site, each request picks its replica (`SiteServing`).
public struct Router: Sendable {
    let knobs: RoutingKnobs
    /// Per site × class, share of the class's demand routed to the site (sums to 1 per class, or 0).
    public private(set) var siteShare: [Double]
    let siteCount: Int

    public init(sites: Int, knobs: RoutingKnobs) {
        self.knobs = knobs
        siteCount = sites
        siteShare = [Double](repeating: 0, count: sites * 4)
    }

    /// Recomputes the site shares from each replica's load: a class counts only the replicas whose
    /// serving group admits it, each against its group's batch and token budget. `rttMs`, `price`,
    /// `loss` and `batchBlocked` are per site.
    public mutating func route(topology: Topology, serving: ServingModel, prefillBusy: [Double],
                               rttMs: [Double], pricePerMWh: [Double], loss: [Double], batchBlocked: [Bool]) {
        let minPrice = pricePerMWh.min() ?? 1
        let groups = topology.servingGroups
        var raw = [Double](repeating: 0, count: siteCount * 4)
        var batchOpen = [Double](repeating: 0, count: siteCount)
        var classCapacity = [Double](repeating: 0, count: siteCount * 4)
        var free = [Double](repeating: 0, count: groups.count), capacity = free
        for s in 0..<siteCount {
            for g in 0..<groups.count { free[g] = 0; capacity[g] = 0 }
            for r in topology.siteReplicas[s] {
                let v = serving.replica(r, site: s)
                guard v.up else { continue }
                let active = Double(v.admitted), waiting = Double(v.waiting)
                let backlog = max(0, v.pendingTokens - active - waiting)
                // Pressure: the tightest of batch slots, KV cache and compute (the share of the last second
                // spent in prefill-bearing steps), plus the queue and the prefill backlog.
                let kvShare = v.kvCapacity > 0 ? v.kvUsed / v.kvCapacity : 1
                let compute = r < prefillBusy.count ? prefillBusy[r] : 0
                let pressure = max(active / Double(groups.maxBatch[v.group]), kvShare, compute) + waiting / knobs.queueScale
                    + backlog / (Double(groups.budget[v.group]) * knobs.backlogChunks * v.speed)
                let f = max(0, 1 - pressure)
                // The trickle weight of a full replica fades out as its queue grows past a batch.
                let trickle = knobs.minFreeShare * max(0, min(1, 2 - pressure))
                free[v.group] += v.speed * (f + trickle)
                capacity[v.group] += v.speed
            }
            let reach = max(0, 1 - loss[s])
            let distance = exp(-rttMs[s] / knobs.rttScaleMs)
            for c in 0..<4 {
                var healthy = 0.0
                for g in 0..<groups.count where groups.admits(g, c) {
                    healthy += free[g]
                    classCapacity[s * 4 + c] += capacity[g]
                }
                var w = healthy * reach * distance
                if c == RequestClass.batch.rawValue {
                    w = healthy * reach * pow(minPrice / max(1, pricePerMWh[s]), knobs.batchPriceExponent)
                    batchOpen[s] = w
                    if batchBlocked[s] { w = 0 }
                }
                raw[s * 4 + c] = w
            }
        }
        // When every site turns batch away, it still goes where it would have (the governor caps it there).
        let b = RequestClass.batch.rawValue
        if (0..<siteCount).allSatisfy({ raw[$0 * 4 + b] == 0 }) {
            for s in 0..<siteCount { raw[s * 4 + b] = batchOpen[s] }
        }
        // When every reachable site is full, demand queues where capacity is, nearest first.
        for c in 0..<4 where (0..<siteCount).allSatisfy({ raw[$0 * 4 + c] == 0 }) {
            for s in 0..<siteCount {
                raw[s * 4 + c] = classCapacity[s * 4 + c] * max(0, 1 - loss[s]) * exp(-rttMs[s] / knobs.rttScaleMs)
            }
        }
        for c in 0..<4 {
            var total = 0.0
            for s in 0..<siteCount { total += raw[s * 4 + c] }
            for s in 0..<siteCount {
                let fresh = total > 0 ? raw[s * 4 + c] / total : 0
                let i = s * 4 + c
                // Failed, partitioned or blocked sites drop to zero at once; others move smoothly.
                siteShare[i] = fresh == 0 ? 0 : knobs.smoothing * siteShare[i] + (1 - knobs.smoothing) * fresh
            }
            var sum = 0.0
            for s in 0..<siteCount { sum += siteShare[s * 4 + c] }
            for s in 0..<siteCount { siteShare[s * 4 + c] = sum > 0 ? siteShare[s * 4 + c] / sum : 0 }
        }
    }
}
