/// One site's replicas, served request by request (MODEL §4): each replica (a "slot") has a FIFO of
/// waiting requests, the requests it has admitted (prefilling, then decoding), its KV cache and an
/// iteration in flight; the site's events (arrivals, iteration ends) run in time order, so a request
/// is routed on the state at its arrival instant.
///
/// When a hall is sampled (`serving.sampled_replicas_per_hall`), a slot stands for a group of the
/// hall's replicas that behave identically: a request routed to it stands for one request on each of
/// them (its `weight`), so the books stay exact while only the sample is simulated. A replica whose
/// speed leaves its group's (a failure, a straggler, a throttled rack) is split off into a slot of its
/// own, taking one copy of each of the group's requests with it.
struct SiteServing: Sendable {
    let site: Int32
    let firstReplica: Int
    let knobs: ServingKnobs
    let table: StepTimeTable
    /// The fleet's serving groups: which classes each admits, its batch and token budget.
    let groups: ServingGroups
    let maxWaiting: Int
    let chunked: Bool
    let fullReservation: Bool
    /// The site's round trip now, s (set by the engine before each tick).
    var rtt = 0.0

    var pool = RequestPool()
    var books = ClassBooks()
    /// Requests that left since the engine last read them: completed or dropped.
    var departures: [Departure] = []
    /// Requests that must retry elsewhere (their replica went down, or no replica was up), `enter` =
    /// the time they left.
    var bounced: [RequestRecord] = []
    /// Output tokens produced since the engine last read them (weighted).
    var outputTokens = 0.0
    /// Sequences preempted for KV space since start (weighted).
    var preemptions = 0.0
    /// KV tokens held per class (weighted), kept at every event so a snapshot need not walk the requests.
    var kvByClass = SIMD4<Double>.zero

    // Per slot.
    /// Global replica ids the slot stands for (one, unless the hall is sampled).
    var members: [[Int32]] = []
    var prefillSpeed: [Double] = []
    var decodeSpeed: [Double] = []
    var kvCapacity: [Double] = []
    var kvUsed: [Double] = []
    /// Prompt tokens not yet prefilled plus one per request (splitwise-sim's pending tokens).
    var pendingTokens: [Double] = []
    var waitHead: [Int32] = []
    var waitTail: [Int32] = []
    var waitCount: [Int32] = []
    var prefilling: [[Int32]] = []
    var decoders: [[Int32]] = []
    /// Output tokens each decoder still has to produce (parallel to `decoders`).
    var left: [[Int32]] = []
    /// Σ weight of a slot's decoders (the tokens one of its decode steps produces), in all and per class.
    var decoderWeight: [Double] = []
    var decoderClassWeight: [SIMD4<Double>] = []
    /// Steps each decoder has waited (whole-prompt mode; bit 7 marks the iteration in flight).
    var stalls: [[UInt8]] = []
    var iterating: [Bool] = []
    /// When the iteration in flight started and ends. Identical decode-only iterations run as one block
    /// of `iterSteps` steps of `iterStep` seconds, cut short when a request arrives (MODEL §4).
    var iterStart: [Double] = []
    var iterEnd: [Double] = []
    var iterSteps: [Int32] = []
    var iterStep: [Double] = []
    var iterPrefill: [Bool] = []
    /// Decoders in the iteration in flight (chunked mode: the first n of `decoders`).
    var iterDecoders: [Int32] = []
    var epoch: [UInt32] = []
    /// Seconds of prefill-bearing and decode-only iterations since the physics step last read them.
    var prefillBusy: [Double] = []
    var decodeBusy: [Double] = []
    /// Serving group of each slot (its replicas' pool).
    var slotGroup: [UInt16] = []
    /// Slot of each of the site's replicas (index: global replica − `firstReplica`).
    var slotOf: [Int32]

    var routing = SlotRouting()
    var heap = IterationHeap()

    /// The site's replicas `replicas` in parts of one hall and one serving group each (`parts`), with
    /// their KV capacities in tokens (`kvCapacity[r − replicas.lowerBound]`). Every slot starts down;
    /// the engine sets the speeds.
    init(site: Int, replicas: Range<Int>, parts: [(replicas: Range<Int>, group: Int)], kvCapacity capacity: [Double],
         knobs: ServingKnobs, groups: ServingGroups, table: StepTimeTable) {
        self.site = Int32(site)
        firstReplica = replicas.lowerBound
        self.knobs = knobs
        self.groups = groups
        self.table = table
        maxWaiting = Int(min(1e9, max(0, knobs.maxWaitingPerReplica)))
        chunked = knobs.prefillMode == .chunked
        fullReservation = knobs.kvReservation == .full
        slotOf = [Int32](repeating: 0, count: replicas.count)
        for (hall, g) in parts {
            let n = hall.count
            let k = knobs.sampledReplicasPerHall > 0 ? min(n, knobs.sampledReplicasPerHall) : n
            let base = members.count
            for s in 0..<k {
                let group = stride(from: hall.lowerBound + s, to: hall.upperBound, by: k).map { Int32($0) }
                addSlot(members: group, group: g, kvCapacity: capacity[hall.lowerBound + s - replicas.lowerBound])
            }
            for (j, r) in hall.enumerated() { slotOf[r - firstReplica] = Int32(base + j % k) }
        }
    }

    var slotCount: Int { members.count }

    /// Appends an empty, down slot for replicas `group` of serving group `g`.
    @discardableResult
    mutating func addSlot(members group: [Int32], group g: Int, kvCapacity capacity: Double) -> Int {
        routing.add(slot: members.count, group: g, groups: groups)
        slotGroup.append(UInt16(g))
        members.append(group)
        prefillSpeed.append(0); decodeSpeed.append(0)
        kvCapacity.append(capacity); kvUsed.append(0); pendingTokens.append(0)
        waitHead.append(-1); waitTail.append(-1); waitCount.append(0)
        prefilling.append([]); decoders.append([]); left.append([]); stalls.append([]); decoderWeight.append(0); decoderClassWeight.append(.zero)
        iterating.append(false); iterStart.append(0); iterEnd.append(0); iterSteps.append(1); iterStep.append(0); iterPrefill.append(false); iterDecoders.append(0); epoch.append(0)
        prefillBusy.append(0); decodeBusy.append(0)
        return members.count - 1
    }

    /// Sequences slot `k` admits at once (its group's `max_batch`).
    @inline(__always)
    func maxBatch(_ k: Int) -> Int { groups.maxBatch[Int(slotGroup[k])] }

    /// Slot `k`'s iteration token budget (its group's `prefill_chunk_tokens`).
    @inline(__always)
    func budget(_ k: Int) -> Int { groups.budget[Int(slotGroup[k])] }

    /// Requests a slot has admitted (prefilling or decoding).
    @inline(__always)
    func admitted(_ k: Int) -> Int { prefilling[k].count + decoders[k].count }

    /// The routing policy's value for slot `k` (infinity when down).
    @inline(__always)
    func routingValue(_ k: Int) -> Double {
        guard decodeSpeed[k] > 0 else { return .infinity }
        switch knobs.routing {
        case .jsqTokens: return pendingTokens[k]
        case .leastLoaded: return Double(Int(waitCount[k]) + admitted(k))
        case .roundRobin: return 0
        }
    }

    @inline(__always)
    mutating func refreshRouting(_ k: Int) {
        guard knobs.routing != .roundRobin else { return }
        let v = routingValue(k)
        if routing.value(k) != v { routing.update(k, v) }
    }

    /// Up slots over the replicas they stand for: the share of the site's arrivals to simulate.
    var simulatedShare: Double {
        var slots = 0.0, replicas = 0.0
        for k in 0..<members.count where decodeSpeed[k] > 0 {
            slots += 1
            replicas += Double(members[k].count)
        }
        return replicas > 0 ? slots / replicas : 1
    }
}
