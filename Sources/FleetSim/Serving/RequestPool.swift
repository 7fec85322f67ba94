/// Every request inside one site, as a struct of arrays indexed by a slot id that is reused after the
/// request leaves (a free list): no object per request, about 70 bytes each, and memory that stays at
/// the high-water mark of requests in flight however long the run.
struct RequestPool: Sendable {
    var arrival: [Double] = []
    /// Time of the first token, or −1 before it.
    var firstToken: [Double] = []
    var rtt: [Float] = []
    var weight: [Float] = []
    var prompt: [Int32] = []
    var output: [Int32] = []
    var cached: [Int32] = []
    /// Tokens this attempt must prefill (the prompt, or prompt + generated after a preemption).
    var toPrefill: [Int32] = []
    var prefilled: [Int32] = []
    /// Output tokens produced before the current prefill (non-zero only after a preemption).
    var generated: [Int32] = []
    /// KV tokens this request holds at its replica.
    var kvHeld: [Int32] = []
    /// Prefill tokens planned in the iteration in flight.
    var planned: [Int32] = []
    /// Next request in its replica's waiting list, or −1.
    var next: [Int32] = []
    var probe: [Int32] = []
    var classIndex: [UInt8] = []
    var retries: [UInt8] = []
    private var free: [Int32] = []

    /// Requests held.
    private(set) var live = 0

    /// Takes a slot for `r` arriving with round trip `rtt` (s).
    mutating func allocate(_ r: RequestRecord, rtt: Double, weight w: Float) -> Int32 {
        live += 1
        if let id = free.popLast() {
            let i = Int(id)
            arrival[i] = r.arrival; firstToken[i] = -1; self.rtt[i] = Float(rtt); weight[i] = w
            prompt[i] = r.prompt; output[i] = r.output; cached[i] = r.cached
            toPrefill[i] = r.prompt; prefilled[i] = 0; generated[i] = 0; kvHeld[i] = 0; planned[i] = 0
            next[i] = -1; probe[i] = r.probe; classIndex[i] = r.classIndex; retries[i] = r.retries
            return id
        }
        arrival.append(r.arrival); firstToken.append(-1); self.rtt.append(Float(rtt)); weight.append(w)
        prompt.append(r.prompt); output.append(r.output); cached.append(r.cached)
        toPrefill.append(r.prompt); prefilled.append(0); generated.append(0); kvHeld.append(0); planned.append(0)
        next.append(-1); probe.append(r.probe); classIndex.append(r.classIndex); retries.append(r.retries)
        return Int32(arrival.count - 1)
    }

    /// Gives slot `id` back.
    mutating func release(_ id: Int32) {
        live -= 1
        free.append(id)
    }

    /// Copies request `id` into a new slot with weight `w` (a follower replica's copy of it).
    mutating func clone(_ id: Int32, weight w: Float) -> Int32 {
        let i = Int(id)
        let c = allocate(record(id, enter: arrival[i]), rtt: Double(rtt[i]), weight: w)
        let j = Int(c)
        firstToken[j] = firstToken[i]; toPrefill[j] = toPrefill[i]; prefilled[j] = prefilled[i]
        generated[j] = generated[i]; kvHeld[j] = kvHeld[i]; planned[j] = planned[i]
        return c
    }

    /// Request `id` as a record entering a router at `enter` (for a retry).
    func record(_ id: Int32, enter: Double) -> RequestRecord {
        let i = Int(id)
        return RequestRecord(arrival: arrival[i], enter: enter, prompt: prompt[i], output: output[i], cached: cached[i],
                             classIndex: classIndex[i], retries: retries[i], probe: probe[i], weight: weight[i])
    }
}
