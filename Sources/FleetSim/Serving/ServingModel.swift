import Dispatch

/// Every request of the fleet, served iteration by iteration at every replica (MODEL §4): one
/// `SiteServing` per site. Sites are independent within a tick (requests are assigned to sites before
/// it), so large fleets run them on every core; the result does not depend on the thread count.
public struct ServingModel: Sendable {
    public let replicaCount: Int
    var sites: [SiteServing]
    /// Fleets at least this many replicas large run their sites in parallel.
    static let parallelReplicas = 2048

    public init(topology: Topology, spec: FleetSpec) {
        replicaCount = topology.replicaCount
        let table = StepTimeTable(knobs: spec.serving)
        sites = (0..<topology.siteCount).map { s in
            let replicas = topology.siteReplicas[s]
            let capacity = replicas.map { r in
                let h = Int(topology.replicaHall[r])
                let sku = topology.hallSKU[h].constants
                let bytes = Double(topology.replicaTP[r]) * sku.hbmGB * spec.serving.memoryUtilization - spec.serving.weightsGB
                return max(0, bytes * 1e9 / spec.serving.kvBytesPerToken)
            }
            return SiteServing(site: s, replicas: replicas, parts: Self.parts(topology: topology, site: s),
                               kvCapacity: capacity, knobs: spec.serving, groups: topology.servingGroups, table: table)
        }
    }

    /// Site `s`'s replicas in runs of one hall and one serving group, in order.
    static func parts(topology: Topology, site s: Int) -> [(replicas: Range<Int>, group: Int)] {
        var out: [(replicas: Range<Int>, group: Int)] = []
        for h in topology.siteHalls[s] {
            let hall = topology.hallReplicas[h]
            var start = hall.lowerBound
            for r in hall where r == hall.upperBound - 1 || topology.replicaGroup[r + 1] != topology.replicaGroup[r] {
                out.append((start..<(r + 1), Int(topology.replicaGroup[r])))
                start = r + 1
            }
        }
        return out
    }

    /// A pointer that may cross into the worker threads. `@unchecked Sendable`: a raw pointer is not
    /// Sendable, and each thread touches only its own sites' slots, so no two threads share memory.
    struct SiteBuffer: @unchecked Sendable {
        let base: UnsafeMutablePointer<SiteServing>
    }

    /// Runs every site to `end`: routes `arrivals[s]` (sorted by `enter`) at site `s` with round trip
    /// `rttSeconds[s]`, and completes the iterations that fall due.
    mutating func run(arrivals: [[RequestRecord]], rttSeconds: [Double], until end: Double) {
        let parallel = replicaCount >= Self.parallelReplicas && sites.count > 1
        sites.withUnsafeMutableBufferPointer { buffer in
            let box = SiteBuffer(base: buffer.baseAddress!)
            let body: @Sendable (Int) -> Void = { s in
                box.base[s].rtt = rttSeconds[s]
                box.base[s].run(arrivals[s], until: end)
            }
            if parallel {
                DispatchQueue.concurrentPerform(iterations: buffer.count, execute: body)
            } else {
                for s in 0..<buffer.count { body(s) }
            }
        }
    }

    /// Applies every replica's speeds (0 = down) at `t`.
    mutating func setSpeeds(prefill: [Double], decode: [Double], topology: Topology, at t: Double) {
        for s in 0..<sites.count {
            let range = topology.siteReplicas[s]
            sites[s].setSpeeds(prefill: prefill[range], decode: decode[range], at: t)
        }
    }

    /// Sends every request at site `s` to retry (the site was cut off from its users).
    mutating func strand(site s: Int, at t: Double) {
        for k in 0..<sites[s].slotCount { sites[s].flush(k, at: t) }
    }

    /// Takes the requests that left every site, and those that must retry, since the last call.
    mutating func drain(departures: inout [Departure], bounced: inout [RequestRecord]) -> Double {
        var tokens = 0.0
        for s in 0..<sites.count {
            departures.append(contentsOf: sites[s].departures)
            sites[s].departures.removeAll(keepingCapacity: true)
            bounced.append(contentsOf: sites[s].bounced)
            sites[s].bounced.removeAll(keepingCapacity: true)
            tokens += sites[s].outputTokens
            sites[s].outputTokens = 0
        }
        return tokens
    }

    /// The slot standing for global replica `r`.
    @inline(__always)
    func slot(_ r: Int, site s: Int) -> Int { Int(sites[s].slotOf[r - sites[s].firstReplica]) }

    /// Per replica: busy shares of the last `seconds` in prefill-bearing and decode-only iterations
    /// (a sampled replica takes its slot's), for power; then starts a new period.
    mutating func takeBusyShares(seconds: Double, topology: Topology) -> (prefill: [Double], decode: [Double]) {
        var pre = [Double](repeating: 0, count: replicaCount), dec = pre
        for s in 0..<sites.count {
            let site = sites[s]
            for r in topology.siteReplicas[s] {
                let k = Int(site.slotOf[r - site.firstReplica])
                pre[r] = min(1, site.prefillBusy[k] / seconds)
                dec[r] = min(1 - pre[r], site.decodeBusy[k] / seconds)
            }
            for k in 0..<site.slotCount { sites[s].prefillBusy[k] = 0; sites[s].decodeBusy[k] = 0 }
        }
        return (pre, dec)
    }

    /// One replica as the snapshot shows it: requests waiting and admitted, KV tokens used and capacity.
    public struct ReplicaView: Sendable {
        public var up: Bool
        /// Decode speed relative to an unthrottled H100 replica (0 when down).
        public var speed: Double
        /// Prompt tokens not yet prefilled plus one per request.
        public var pendingTokens: Double
        public var waiting: Int
        public var admitted: Int
        public var kvUsed: Double
        public var kvCapacity: Double
        /// Its serving group (0: no pool).
        public var group: Int
    }

    public func replica(_ r: Int, site s: Int) -> ReplicaView {
        // Reads through `sites[s]` field by field: binding the site struct would retain every column.
        let k = Int(sites[s].slotOf[r - sites[s].firstReplica])
        return ReplicaView(up: sites[s].decodeSpeed[k] > 0, speed: sites[s].decodeSpeed[k],
                           pendingTokens: sites[s].pendingTokens[k], waiting: Int(sites[s].waitCount[k]),
                           admitted: sites[s].prefilling[k].count + sites[s].decoders[k].count,
                           kvUsed: sites[s].kvUsed[k], kvCapacity: sites[s].kvCapacity[k],
                           group: Int(sites[s].slotGroup[k]))
    }

    /// Replica `r`'s prefill and decode speeds (relative to an unthrottled H100 replica; 0 when down).
    public func speeds(replica r: Int) -> (prefill: Double, decode: Double) {
        guard let s = sites.firstIndex(where: { r >= $0.firstReplica && r < $0.firstReplica + $0.slotOf.count }) else { return (0, 0) }
        let k = slot(r, site: s)
        return (sites[s].prefillSpeed[k], sites[s].decodeSpeed[k])
    }

    /// What the map and the site rows show of serving, per rack: requests waiting, Σ busy share and
    /// number of its up replicas, and whether a replica is saturated (queue behind a full batch or KV
    /// cache); per site: KV tokens used and capacity of its up replicas. One pass over every replica.
    public struct RackServing: Sendable {
        public var queue: [Double], busy: [Double], upReplicas: [Double], saturated: [Bool]
        public var siteKVUsed: [Double], siteKVCapacity: [Double]
    }

    public func rackServing(topology: Topology, busyPrefill: [Double], busyDecode: [Double]) -> RackServing {
        var out = RackServing(queue: [Double](repeating: 0, count: topology.rackCount),
                              busy: [Double](repeating: 0, count: topology.rackCount),
                              upReplicas: [Double](repeating: 0, count: topology.rackCount),
                              saturated: [Bool](repeating: false, count: topology.rackCount),
                              siteKVUsed: [Double](repeating: 0, count: sites.count),
                              siteKVCapacity: [Double](repeating: 0, count: sites.count))
        let haveBusy = busyPrefill.count == replicaCount && busyDecode.count == replicaCount
        for s in 0..<sites.count {
            let site = sites[s]
            let admitted = (0..<site.slotCount).map { site.prefilling[$0].count + site.decoders[$0].count }
            var kvUsed = 0.0, kvCap = 0.0
            for r in topology.siteRacks[s] {
                var queue = 0.0, busy = 0.0, up = 0.0, saturated = false
                for p in topology.rackReplicas[r] {
                    let k = Int(site.slotOf[p - site.firstReplica])
                    let waiting = Double(site.waitCount[k])
                    queue += waiting
                    guard site.decodeSpeed[k] > 0 else { continue }
                    let used = site.kvUsed[k], cap = site.kvCapacity[k]
                    kvUsed += used; kvCap += cap
                    if haveBusy { busy += min(1, busyPrefill[p] + busyDecode[p]) }
                    up += 1
                    if waiting > 1 && (admitted[k] >= site.maxBatch(k) - 1 || used >= cap * 0.95) { saturated = true }
                }
                out.queue[r] = queue; out.busy[r] = busy; out.upReplicas[r] = up; out.saturated[r] = saturated
            }
            out.siteKVUsed[s] = kvUsed; out.siteKVCapacity[s] = kvCap
        }
        return out
    }

    /// The fleet's books per class (sum of every site's).
    public var books: ClassBooks {
        var b = ClassBooks()
        for s in sites {
            b.routed += s.books.routed; b.completed += s.books.completed; b.dropped += s.books.dropped
            b.retriedOut += s.books.retriedOut; b.waiting += s.books.waiting; b.inFlight += s.books.inFlight
            b.area += s.books.area
            b.areaTime = max(b.areaTime, s.books.areaTime)
        }
        return b
    }

    /// KV tokens held per class across the fleet (weighted).
    public var kvByClass: SIMD4<Double> { sites.reduce(.zero) { $0 + $1.kvByClass } }

    /// KV capacity of every up replica (a slot counts once per replica it stands for), tokens.
    public var kvCapacityUp: Double {
        var total = 0.0
        for site in sites {
            for k in 0..<site.slotCount where site.decodeSpeed[k] > 0 { total += site.kvCapacity[k] * Double(site.members[k].count) }
        }
        return total
    }

    /// Site `s`'s books.
    public func books(site s: Int) -> ClassBooks { sites[s].books }

    /// Share of site `s`'s arrivals simulated request by request (1 unless its halls are sampled).
    func simulatedShare(site s: Int) -> Double { sites[s].simulatedShare }

    /// Replica slots simulated request by request, fleet-wide.
    public var simulatedSlots: Int { sites.reduce(0) { $0 + $1.slotCount } }

    /// Requests held in every site's pool.
    public var requestsHeld: Int { sites.reduce(0) { $0 + $1.pool.live } }

    /// Sequences preempted for KV space since start.
    public var preemptions: Double { sites.reduce(0) { $0 + $1.preemptions } }
}
