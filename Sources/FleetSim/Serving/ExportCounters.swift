/// Whole-run serving counters in the shape vLLM's `/metrics` exposes them (per class): exact
/// cumulative histograms at vLLM's own bucket bounds for TTFT, TPOT and E2E, and prompt, generation
/// and request counters. Fed by `LatencyRecorder.record` with every completed request.
public struct ExportCounters: Sendable, Equatable {
    /// vLLM v1 `vllm:time_to_first_token_seconds` buckets (vllm/v1/metrics/loggers.py).
    public static let ttftBounds: [Double] = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0,
                                              2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0]
    /// vLLM v1 `vllm:time_per_output_token_seconds` buckets.
    public static let tpotBounds: [Double] = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0,
                                              2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0]
    /// vLLM v1 `vllm:e2e_request_latency_seconds` buckets.
    public static let e2eBounds: [Double] = [0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0,
                                             50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0]

    /// Per class (rawValue order).
    public var ttft = [BucketHistogram](repeating: BucketHistogram(bounds: ExportCounters.ttftBounds), count: 4)
    public var tpot = [BucketHistogram](repeating: BucketHistogram(bounds: ExportCounters.tpotBounds), count: 4)
    public var e2e = [BucketHistogram](repeating: BucketHistogram(bounds: ExportCounters.e2eBounds), count: 4)
    /// Prompt and generated tokens of completed requests, and completed requests (weighted), per class.
    public var promptTokens = SIMD4<Double>.zero
    public var generationTokens = SIMD4<Double>.zero
    public var succeeded = SIMD4<Double>.zero

    public init() {}

    /// Counts one completed request (`weight` requests of its class).
    public mutating func recordCompletion(_ d: Departure) {
        let c = Int(d.classIndex), w = Double(d.weight)
        ttft[c].record(d.ttft, weight: w)
        e2e[c].record(d.e2e, weight: w)
        if d.tpot.isFinite { tpot[c].record(d.tpot, weight: w) }
        promptTokens[c] += Double(d.prompt) * w
        generationTokens[c] += Double(d.output) * w
        succeeded[c] += w
    }
}

/// A cumulative histogram with fixed upper bounds (Prometheus `le` semantics: a value equal to a
/// bound counts in that bucket), its exact sum and weighted count.
public struct BucketHistogram: Sendable, Equatable {
    public let bounds: [Double]
    /// Weight per bucket, not cumulative; the last entry is the +Inf bucket.
    public private(set) var counts: [Double]
    public private(set) var sum = 0.0
    public private(set) var count = 0.0

    public init(bounds: [Double]) {
        self.bounds = bounds
        counts = [Double](repeating: 0, count: bounds.count + 1)
    }

    /// Records `value` standing for `weight` observations; non-finite values and weights ≤ 0 are ignored.
    public mutating func record(_ value: Double, weight: Double = 1) {
        guard value.isFinite, weight > 0 else { return }
        var lo = 0, hi = bounds.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if value <= bounds[mid] { hi = mid } else { lo = mid + 1 }
        }
        counts[lo] += weight
        sum += value * weight
        count += weight
    }

    /// Cumulative counts at each bound, then +Inf (equal to `count`).
    public var cumulative: [Double] {
        var running = 0.0
        return counts.map { running += $0; return running }
    }
}
