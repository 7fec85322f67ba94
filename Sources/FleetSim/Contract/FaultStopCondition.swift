/// A fault's stop condition (MODEL §8, as AWS FIS stop conditions): once the metric is on the stated
/// side of the threshold, the fault is reverted as if repaired. Written `until=METRIC<VALUE` or
/// `until=METRIC>VALUE` in the command language, e.g. `until=fleet.gpus_up<900000`,
/// `until=sites.metro-edge.h1.die_c_max>90C`, `until=goodput<95%`. The metric is read from a
/// snapshot with the same `MetricPath` evaluation drill checks use.
public struct FaultStopCondition: Sendable, Hashable, Codable {
    public var metric: MetricPath
    /// `.below` for `<`, `.above` for `>`.
    public var comparison: DrillCheck.Comparison
    /// The threshold in the metric's unit (ratio 0–1, seconds, kW, °C, …).
    public var threshold: Double

    public init(metric: MetricPath, comparison: DrillCheck.Comparison, threshold: Double) {
        self.metric = metric; self.comparison = comparison; self.threshold = threshold
    }

    /// The operator written between metric and threshold.
    public var symbol: String { comparison == .below ? "<" : ">" }

    /// The condition as a drill check, whose `isMet` decides it.
    public var check: DrillCheck { DrillCheck(metric: metric, comparison: comparison, threshold: threshold) }

    /// True when the condition holds in a snapshot; a metric absent from it never trips.
    public func isMet(in snapshot: Snapshot) -> Bool { check.isMet(by: metric.value(in: snapshot)) }

    /// For people: "fleet.gpus_up < 900,000", "goodput < 95%".
    public var text: String { "\(metric.text) \(symbol) \(metric.format(threshold))" }

    private enum CodingKeys: String, CodingKey { case metric, comparison, threshold }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let text = try c.decode(String.self, forKey: .metric)
        do {
            metric = try MetricPath(text)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .metric, in: c, debugDescription: error.description)
        }
        comparison = try c.decode(DrillCheck.Comparison.self, forKey: .comparison)
        threshold = try c.decode(Double.self, forKey: .threshold)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(metric.text, forKey: .metric)
        try c.encode(comparison, forKey: .comparison)
        try c.encode(threshold, forKey: .threshold)
    }
}
