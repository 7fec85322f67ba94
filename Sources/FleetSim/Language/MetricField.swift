/// One named figure of some part of a snapshot (the fleet, a class, a site, a hall): the last word
/// of a metric path, its unit, a one-line meaning and how to read it.
public struct MetricField<Source>: Sendable {
    public let name: String
    public let unit: MetricUnit
    public let summary: String
    let read: @Sendable (Source) -> Double?

    init(_ name: String, _ unit: MetricUnit, _ summary: String, _ read: @escaping @Sendable (Source) -> Double?) {
        self.name = name; self.unit = unit; self.summary = summary; self.read = read
    }

    /// The three percentile fields `prefix.p50 / .p95 / .p99` of a latency; no value (nil) while the
    /// window holds no sample, so "nothing completed" never reads as a latency of zero.
    static func percentiles(_ prefix: String, _ what: String,
                            _ get: @escaping @Sendable (Source) -> Percentiles?) -> [MetricField<Source>] {
        [
            MetricField("\(prefix).p50", .seconds, "\(what), median") { get($0)?.p50 },
            MetricField("\(prefix).p95", .seconds, "\(what), 95th percentile") { get($0)?.p95 },
            MetricField("\(prefix).p99", .seconds, "\(what), 99th percentile") { get($0)?.p99 },
        ]
    }
}
