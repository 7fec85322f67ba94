/// What the serving tick produced per hall (× class where it matters), for latency sampling and counters.
public struct HallTickStats: Sendable {
    public let halls: Int
    public var arrivals: [Double], admitted: [Double], firstTokens: [Double], completed: [Double]
    public var dropped: [Double], waiting: [Double], prefilling: [Double], decoding: [Double]
    /// Per hall: decoding sequences, Σ batch·step and Σ batch·step² (for TPOT mean and spread).
    public var decodeWeight: [Double], decodeTime: [Double], decodeTime2: [Double]
    public var tokens: [Double], upReplicas: [Double]

    public init(halls: Int) {
        self.halls = halls
        let z4 = [Double](repeating: 0, count: halls * 4), z = [Double](repeating: 0, count: halls)
        arrivals = z4; admitted = z4; firstTokens = z4; completed = z4
        dropped = z4; waiting = z4; prefilling = z4; decoding = z4
        decodeWeight = z; decodeTime = z; decodeTime2 = z; tokens = z; upReplicas = z
    }

    public mutating func reset() {
        for i in 0..<(halls * 4) {
            arrivals[i] = 0; admitted[i] = 0; firstTokens[i] = 0; completed[i] = 0
            dropped[i] = 0; waiting[i] = 0; prefilling[i] = 0; decoding[i] = 0
        }
        for h in 0..<halls {
            decodeWeight[h] = 0; decodeTime[h] = 0; decodeTime2[h] = 0; tokens[h] = 0; upReplicas[h] = 0
        }
    }

    /// Raw pointers to every column, for the serving kernel.
    public struct Pointers {
        public var arrivals, admitted, firstTokens, completed, dropped, waiting, prefilling, decoding: UnsafeMutablePointer<Double>
        public var decodeWeight, decodeTime, decodeTime2, tokens, upReplicas: UnsafeMutablePointer<Double>
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
        try decodeTime.withUnsafeMutableBufferPointer { dt in
        try decodeTime2.withUnsafeMutableBufferPointer { dt2 in
        try tokens.withUnsafeMutableBufferPointer { tk in
        try upReplicas.withUnsafeMutableBufferPointer { up in
            try body(Pointers(arrivals: a.baseAddress!, admitted: ad.baseAddress!, firstTokens: f.baseAddress!,
                              completed: co.baseAddress!, dropped: dr.baseAddress!, waiting: w.baseAddress!,
                              prefilling: p.baseAddress!, decoding: d.baseAddress!,
                              decodeWeight: dw.baseAddress!, decodeTime: dt.baseAddress!,
                              decodeTime2: dt2.baseAddress!, tokens: tk.baseAddress!, upReplicas: up.baseAddress!))
        }}}}}}}}}}}}}
    }
}
