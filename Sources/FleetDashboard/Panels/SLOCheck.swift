import FleetSim

/// Which classes are beyond their p99 targets now, shared by the header and the latency panel.
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

    public init(_ s: Snapshot) {
        for c in s.classes {
            if c.unserved, c.slo.ttftSeconds != nil || c.slo.tpotSeconds != nil {
                judged = true
                breaches.append(Breach(requestClass: c.requestClass, metric: "unserved", p99Seconds: 0,
                                       targetSeconds: c.slo.ttftSeconds ?? c.slo.tpotSeconds ?? 0))
                continue
            }
            if let t = c.slo.ttftSeconds, c.ttftHistogram.totalWeight > 0 || c.ttft.p99 > 0 {
                judged = true
                if c.ttft.p99 > t { breaches.append(Breach(requestClass: c.requestClass, metric: "TTFT", p99Seconds: c.ttft.p99, targetSeconds: t)) }
            }
            if let t = c.slo.tpotSeconds, c.tpotHistogram.totalWeight > 0 || c.tpot.p99 > 0 {
                judged = true
                if c.tpot.p99 > t { breaches.append(Breach(requestClass: c.requestClass, metric: "TPOT", p99Seconds: c.tpot.p99, targetSeconds: t)) }
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
