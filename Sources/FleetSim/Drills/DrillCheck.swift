/// A condition on one metric: a steady-state check ("chat.ttft.p99 below 2s" must hold) or a stop
/// condition ("gpus_down_ratio above 20%" aborts the method).
public struct DrillCheck: Sendable, Equatable {
    public enum Comparison: String, Sendable, Codable {
        case below, above
    }

    /// Where a check stands in a drill: a steady-state hypothesis that must hold, or a stop condition
    /// that cuts the method short when met. The raw value is the drill file's and the report's key.
    public enum Role: String, Sendable, Codable, CaseIterable {
        case steadyState = "steady_state", stopWhen = "stop_when"

        /// A breach is a steady-state check not met, or a stop condition met.
        public func isBreach(met: Bool) -> Bool { self == .steadyState ? !met : met }
    }

    public var metric: MetricPath
    public var comparison: Comparison
    /// The threshold in the metric's unit (seconds, ratio 0–1, kW, …).
    public var threshold: Double
    /// Steady-state only: also evaluate every physics second while the method runs.
    public var continuous: Bool
    /// Continuous evaluation tolerates a condition failing for up to this long in one stretch.
    public var toleranceSeconds: Double
    /// Line in the file it came from (0 for built-in construction).
    public var line: Int

    public init(metric: MetricPath, comparison: Comparison, threshold: Double, continuous: Bool = false,
                toleranceSeconds: Double = 0, line: Int = 0) {
        self.metric = metric; self.comparison = comparison; self.threshold = threshold
        self.continuous = continuous; self.toleranceSeconds = toleranceSeconds; self.line = line
    }

    /// True when the value is on the stated side of the threshold. A missing value never satisfies it.
    public func isMet(by value: Double?) -> Bool {
        guard let value, value.isFinite else { return false }
        switch comparison {
        case .below: return value < threshold
        case .above: return value > threshold
        }
    }

    /// "chat.ttft.p99 below 2 s".
    public var text: String { "\(metric.text) \(comparison.rawValue) \(metric.format(threshold))" }
}
