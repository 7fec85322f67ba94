import Dispatch

/// Every request of the fleet, served iteration by iteration at every replica (MODEL §4): one
/// `SiteServing` per site. Sites are independent within a tick (requests are assigned to sites before
/// it), so large fleets run them on every core; the result does not depend on the thread count.
public struct ServingModel: Sendable {
    public let replicaCount: Int
    var sites: [SiteServing]
    let table: StepTimeTable
    /// Fleets at least this many replicas large run their sites in parallel.
    static let parallelReplicas = 2048

    public init(topology: Topology, spec: FleetSpec) {
        replicaCount = topology.replicaCount
        let table = StepTimeTable(knobs: spec.serving)
        self.table = table
        sites = (0..<topology.siteCount).map { s in
            let replicas = topology.siteReplicas[s]
            let capacity = replicas.map { r in
                let h = Int(topology.replicaHall[r])
                let sku = topology.hallSKU[h].constants
                let bytes = Double(topology.replicaTP[r]) * sku.hbmGB * spec.serving.memoryUtilization - spec.serving.weightsGB
                return max(0, bytes * 1e9 / spec.serving.kvBytesPerToken)
            }
            return SiteServing(site: s, replicas: replicas, hallReplicas: topology.siteHalls[s].map { topology.hallReplicas[$0] },
                               kvCapacity: capacity, knobs: spec.serving, table: table)
        }
    }

    /// A pointer that may cross into the worker threads: each thread touches only its own sites.
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
    }

    public func replica(_ r: Int, site s: Int) -> ReplicaView {
        let site = sites[s]
        let k = Int(site.slotOf[r - site.firstReplica])
        return ReplicaView(up: site.decodeSpeed[k] > 0, speed: site.decodeSpeed[k], pendingTokens: site.pendingTokens[k],
                           waiting: Int(site.waitCount[k]), admitted: site.admitted(k),
                           kvUsed: site.kvUsed[k], kvCapacity: site.kvCapacity[k])
    }

    /// Replica `r`'s prefill and decode speeds (relative to an unthrottled H100 replica; 0 when down).
    public func speeds(replica r: Int) -> (prefill: Double, decode: Double) {
        guard let s = sites.firstIndex(where: { r >= $0.firstReplica && r < $0.firstReplica + $0.slotOf.count }) else { return (0, 0) }
        let k = slot(r, site: s)
        return (sites[s].prefillSpeed[k], sites[s].decodeSpeed[k])
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
