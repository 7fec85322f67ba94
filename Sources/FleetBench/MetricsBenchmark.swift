import FleetMetrics
import Foundation

/// Measures the FleetMetrics kernels for `fleettop bench`: the machine's streaming-read bandwidth,
/// the fleet roll-up with the SIMD kernels and with the scalar reference in the same run, and the
/// latency histogram's record / merge / quantile costs. Inputs are deterministic random columns
/// in physical ranges. Every figure is the best of repeated runs, timed by default on the thread's
/// CPU clock (see `BenchTimer`): on a shared machine the least disturbed run describes the code.
public struct MetricsBenchmark: Sendable {
    /// Sizes and repetitions. The defaults are the issue's: 1,000,000 GPUs × 6 metrics.
    public struct Configuration: Sendable, Equatable {
        public var gpus = 1_000_000
        /// GPU columns rolled up (1...6 use the ranges below, more repeat them).
        public var metrics = 6
        /// GPUs per rack: 8 servers of 8 GPUs. A partial last rack takes the remainder.
        public var gpusPerRack = 64
        public var sites = 16
        public var hallsPerSite = 8
        /// Timed runs per figure (the best is reported).
        public var repetitions = 21
        /// Samples recorded per histogram timing run.
        public var histogramSamples = 1_000_000
        public var seed: UInt64 = 1
        /// What durations are measured with.
        public var clock: BenchTimer.Clock = .threadCPU

        public init() {}

        /// A configuration small enough for a quick look or a debug build.
        public static var quick: Configuration {
            var c = Configuration()
            c.gpus = 100_000
            c.repetitions = 5
            c.histogramSamples = 200_000
            return c
        }
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        precondition(configuration.gpus > 0 && configuration.metrics > 0 && configuration.gpusPerRack > 0,
                     "benchmark sizes must be positive")
        self.configuration = configuration
    }

    /// Runs every measurement (a few seconds at the defaults in a release build).
    public func run() -> MetricsBenchReport {
        let c = configuration
        let layout = Self.layout(c)
        let data = Self.columns(c)
        let bytes = c.gpus * (4 * c.metrics + 1)
        let timer = BenchTimer(repetitions: c.repetitions, clock: c.clock)

        var checksum = 0.0
        let stream = timer.measure { checksum += Self.streamRead(data.columns, data.up) }
        let readGBps = Double(bytes) / stream.min / 1e9

        let specs = (0..<c.metrics).map { RollupColumn(name: "m\($0)", threshold: Self.thresholds[$0 % 6]) }
        var simd = FleetRollup(layout: layout, columns: specs)
        var scalar = FleetRollup(layout: layout, columns: specs)
        let simdTime = timer.measure { simd.update(columns: data.columns, up: data.up, engine: .simd) }
        let scalarTime = timer.measure { scalar.update(columns: data.columns, up: data.up, engine: .scalar) }
        let agree = Self.agree(simd.fleet, scalar.fleet) && Self.agree(simd.sites, scalar.sites)
        let simdGBps = Double(bytes) / simdTime.min / 1e9

        let histogram = Self.histogramFigures(c, timer: timer, checksum: &checksum)
        precondition(checksum.isFinite, "benchmark checksum went non-finite")

        return MetricsBenchReport(
            clock: c.clock,
            stream: .init(bytes: bytes, readGBps: readGBps),
            aggregate: .init(gpus: c.gpus, metrics: c.metrics, simdMs: simdTime.min * 1e3,
                             scalarMs: scalarTime.min * 1e3, ratio: scalarTime.min / simdTime.min,
                             simdGBps: simdGBps, fractionOfStream: simdGBps / readGBps, enginesAgree: agree),
            histogram: histogram)
    }

    /// Per-metric ranges: power W, die °C, inlet °C, utilisation, queue, KV use (MODEL.md §6–7 ranges).
    static let ranges: [ClosedRange<Float>] = [75...700, 40...92, 18...35, 0...1, 0...64, 0...1]
    /// Thresholds counted: power near TDP, die slowdown 87 °C, ASHRAE 27 °C inlet, busy, queued, KV full.
    static let thresholds: [Float] = [650, 87, 27, 0.9, 32, 0.95]

    static func layout(_ c: Configuration) -> RollupLayout {
        let racks = (c.gpus + c.gpusPerRack - 1) / c.gpusPerRack
        let gpusPerRack = (0..<racks).map { r in Swift.min(c.gpusPerRack, c.gpus - r * c.gpusPerRack) }
        let halls = Swift.max(1, Swift.min(racks, c.sites * c.hallsPerSite))
        let racksPerHall = (0..<halls).map { h in racks * (h + 1) / halls - racks * h / halls }
        let sites = Swift.max(1, Swift.min(halls, c.sites))
        let hallsPerSite = (0..<sites).map { s in halls * (s + 1) / sites - halls * s / sites }
        return RollupLayout(gpusPerRack: gpusPerRack, racksPerHall: racksPerHall, hallsPerSite: hallsPerSite)
    }

    static func columns(_ c: Configuration) -> (columns: [[Float]], up: [UInt8]) {
        var rng = BenchRandom(seed: c.seed)
        let columns = (0..<c.metrics).map { m in
            (0..<c.gpus).map { _ in Float.random(in: ranges[m % ranges.count], using: &rng) }
        }
        let up = (0..<c.gpus).map { _ in UInt8(rng.next() % 100 < 97 ? 1 : 0) }
        return (columns, up)
    }

    /// Reads every byte once with the cheapest work per vector (a float add, a byte add).
    static func streamRead(_ columns: [[Float]], _ up: [UInt8]) -> Double {
        var total = 0.0
        for col in columns { total += col.withUnsafeBufferPointer { ColumnKernels.sum($0) } }
        total += Double(up.withUnsafeBufferPointer { ColumnKernels.count(up: $0) })
        return total
    }

    static func agree(_ a: RollupLevel, _ b: RollupLevel) -> Bool {
        guard a.gpusUp == b.gpusUp, a.maxima == b.maxima, a.countsAbove == b.countsAbove else { return false }
        return zip(a.sums, b.sums).allSatisfy { abs($0 - $1) <= 1e-5 * Swift.max(1, abs($1)) }
    }

    static func histogramFigures(_ c: Configuration, timer: BenchTimer,
                                 checksum: inout Double) -> MetricsBenchReport.Histogram {
        var rng = BenchRandom(seed: c.seed &+ 1)
        let lo = log(LatencyHistogram.minSeconds), hi = log(LatencyHistogram.maxSeconds)
        let samples = (0..<c.histogramSamples).map { _ in exp(Double.random(in: lo...hi, using: &rng)) }

        var h = LatencyHistogram()
        let record = timer.measure {
            h.reset()
            for x in samples { h.record(x) }
        }
        checksum += h.totalWeight

        let rounds = 1000
        var site = LatencyHistogram()
        let merge = timer.measure {
            for _ in 0..<rounds { site.merge(h) }
        }
        checksum += site.totalWeight

        var sink = 0.0
        let quantile = timer.measure {
            for k in 0..<rounds { sink += h.quantile(0.5 + Double(k) / Double(2 * rounds)) }
        }
        checksum += sink
        return .init(samples: c.histogramSamples, recordNs: record.min / Double(c.histogramSamples) * 1e9,
                     mergeUs: merge.min / Double(rounds) * 1e6, quantileUs: quantile.min / Double(rounds) * 1e6)
    }
}
