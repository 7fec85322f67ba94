/// What the serving tick produced per hall (× class where it matters), for latency sampling and counters.
public struct HallTickStats: Sendable {
    public let halls: Int
    public var arrivals: [Double], admitted: [Double], firstTokens: [Double], completed: [Double]
    public var dropped: [Double], waiting: [Double], prefilling: [Double], decoding: [Double]
    /// Per hall: decoding sequences Σ batch; Σ batch·steps·m² with m a replica's mean step time this tick
    /// (between-replica spread); Σ batch·Σ step² over every step (whole per-step spread). With `tokens`
    /// (Σ batch·steps) they give the per-token step-time mean and its two variance parts (MODEL §4, TPOT).
    public var decodeWeight: [Double], replicaStepSquares: [Double], stepSquares: [Double]
    /// Per hall: output tokens this tick, replicas up.
    public var tokens: [Double], upReplicas: [Double]

    public init(halls: Int) {
        self.halls = halls
        let z4 = [Double](repeating: 0, count: halls * 4), z = [Double](repeating: 0, count: halls)
        arrivals = z4; admitted = z4; firstTokens = z4; completed = z4
        dropped = z4; waiting = z4; prefilling = z4; decoding = z4
        decodeWeight = z; replicaStepSquares = z; stepSquares = z; tokens = z; upReplicas = z
    }

    public mutating func reset() {
        for i in 0..<(halls * 4) {
            arrivals[i] = 0; admitted[i] = 0; firstTokens[i] = 0; completed[i] = 0
            dropped[i] = 0; waiting[i] = 0; prefilling[i] = 0; decoding[i] = 0
        }
        for h in 0..<halls {
            decodeWeight[h] = 0; replicaStepSquares[h] = 0; stepSquares[h] = 0; tokens[h] = 0; upReplicas[h] = 0
        }
    }

    /// Raw pointers to every column, for the serving kernel.
    public struct Pointers {
        public var arrivals, admitted, firstTokens, completed, dropped, waiting, prefilling, decoding: UnsafeMutablePointer<Double>
        public var decodeWeight, replicaStepSquares, stepSquares, tokens, upReplicas: UnsafeMutablePointer<Double>
    }

    /// Calls `body` with pointers to every column (valid only inside it).
    public mutating func withPointers<R>(_ body: (Pointers) throws -> R) rethrows -> R {
        try arrivals.withUnsafeMutableBufferPointer { a in
        try admitted.withUnsafeMutableBufferPointer { ad in
        try firstTokens.withUnsafeMutableBufferPointer { f in
        try completed.withUnsafeMutableBufferPointer { co in
        try dropped.withUnsafeMutableBufferPointer { dr in
        try waiting.withUnsafeMutableBufferPointer { w in
        try prefilling.withUnsafeMutableBufferPointer { p in
        try decoding.withUnsafeMutableBufferPointer { d in
        try decodeWeight.withUnsafeMutableBufferPointer { dw in
        try replicaStepSquares.withUnsafeMutableBufferPointer { dt in
        try stepSquares.withUnsafeMutableBufferPointer { dt2 in
        try tokens.withUnsafeMutableBufferPointer { tk in
        try upReplicas.withUnsafeMutableBufferPointer { up in
            try body(Pointers(arrivals: a.baseAddress!, admitted: ad.baseAddress!, firstTokens: f.baseAddress!,
                              completed: co.baseAddress!, dropped: dr.baseAddress!, waiting: w.baseAddress!,
                              prefilling: p.baseAddress!, decoding: d.baseAddress!,
                              decodeWeight: dw.baseAddress!, replicaStepSquares: dt.baseAddress!,
                              stepSquares: dt2.baseAddress!, tokens: tk.baseAddress!, upReplicas: up.baseAddress!))
        }}}}}}}}}}}}}
    }
}
