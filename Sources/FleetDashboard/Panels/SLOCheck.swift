import FleetSim

/// Which classes are beyond their p99 targets now, as the simulation judged them, for the header and
/// the latency panel.
public struct SLOCheck: Sendable, Equatable {
    /// One breached target: "code TTFT".
    public struct Breach: Sendable, Equatable {
        public var requestClass: RequestClass
        public var metric: String
        public var p99Seconds: Double
        public var targetSeconds: Double
    }

    public var breaches: [Breach] = []
    /// True when at least one class with a target has latency samples (otherwise there is nothing to judge).
    public var judged = false

    /// The breaches the simulation judged (`ClassStats.sloStatus`); nothing is recomputed here.
    public init(_ s: Snapshot) {
        for c in s.classes {
            let status = c.sloStatus
            if status.judged { judged = true }
            for metric in status.breaches {
                let (p99, target): (Double, Double) = switch metric {
                case "TTFT": (c.ttft.p99, c.slo.ttftSeconds ?? 0)
                case "TPOT": (c.tpot.p99, c.slo.tpotSeconds ?? 0)
                default: (0, c.slo.ttftSeconds ?? c.slo.tpotSeconds ?? 0)
                }
                breaches.append(Breach(requestClass: c.requestClass, metric: metric, p99Seconds: p99, targetSeconds: target))
            }
        }
    }

    /// Share of the target used by a p99 (1 = exactly at target); colours latency figures by margin.
    public static func margin(p99: Double, target: Double?) -> Double? {
        guard let target, target > 0 else { return nil }
        return p99 / target
    }

    /// The theme role for a margin: comfortably under, close (≥ 80% of target), or over.
    public static func role(forMargin m: Double?) -> ThemeColor {
        guard let m else { return .mainForeground }
        if m > 1 { return .critical }
        if m >= 0.8 { return .warning }
        return .ok
    }
}
