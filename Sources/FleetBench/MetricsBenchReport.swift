import FleetMetrics
import Foundation

/// The FleetMetrics half of `fleettop bench` (schema `fleettop.bench/1`): plain values the command
/// prints as a table or JSON. Keys encode in snake_case as the schema names them.
public struct MetricsBenchReport: Sendable, Equatable, Codable {
    /// A plain streaming read of the same bytes the roll-up reads: the machine's limit.
    public struct Stream: Sendable, Equatable, Codable {
        public var bytes: Int
        public var readGBps: Double
        enum CodingKeys: String, CodingKey { case bytes, readGBps = "read_gbps" }
    }

    /// The fleet roll-up (GPU → rack → hall → site → fleet), SIMD kernels vs the scalar reference.
    public struct Aggregate: Sendable, Equatable, Codable {
        public var gpus: Int
        public var metrics: Int
        /// Best wall time of one roll-up of every metric, in milliseconds.
        public var simdMs: Double
        public var scalarMs: Double
        /// scalar / SIMD time.
        public var ratio: Double
        /// Bytes of the GPU columns and up mask over the SIMD time.
        public var simdGBps: Double
        /// `simdGBps` over the streaming read's bandwidth.
        public var fractionOfStream: Double
        /// True when both engines produced the same fleet figures (sums within Float rounding).
        public var enginesAgree: Bool
        enum CodingKeys: String, CodingKey {
            case gpus, metrics, simdMs = "simd_ms", scalarMs = "scalar_ms", ratio, simdGBps = "simd_gbps",
                 fractionOfStream = "fraction_of_stream", enginesAgree = "engines_agree"
        }
    }

    /// Latency histogram costs.
    public struct Histogram: Sendable, Equatable, Codable {
        /// Samples recorded per timed run.
        public var samples: Int
        /// Nanoseconds per recorded sample.
        public var recordNs: Double
        /// Microseconds to merge one histogram (one site's) into another.
        public var mergeUs: Double
        /// Microseconds for one quantile (a cumulative walk).
        public var quantileUs: Double
        enum CodingKeys: String, CodingKey {
            case samples, recordNs = "record_ns", mergeUs = "merge_us", quantileUs = "quantile_us"
        }
    }

    /// The clock behind every duration (`thread_cpu` or `wall`).
    public var clock: BenchTimer.Clock
    public var stream: Stream
    public var aggregate: Aggregate
    public var histogram: Histogram

    /// Table rows for a terminal: one line per figure, label then value with its unit.
    public var tableLines: [String] {
        func f(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
        return [
            "stream     read \(stream.bytes) B at \(f(stream.readGBps, 2)) GB/s",
            "aggregate  \(aggregate.gpus) GPUs × \(aggregate.metrics) metrics: SIMD \(f(aggregate.simdMs, 3)) ms, "
                + "scalar \(f(aggregate.scalarMs, 3)) ms, ×\(f(aggregate.ratio, 1)), \(f(aggregate.simdGBps, 2)) GB/s "
                + "= \(f(aggregate.fractionOfStream * 100, 0))% of stream"
                + (aggregate.enginesAgree ? "" : " (ENGINES DISAGREE)"),
            "histogram  record \(f(histogram.recordNs, 2)) ns/sample (\(histogram.samples) samples), "
                + "merge \(f(histogram.mergeUs, 3)) µs, quantile \(f(histogram.quantileUs, 3)) µs",
            "           best of repeated runs, \(clock == .threadCPU ? "thread CPU time" : "wall time")",
        ]
    }
}
