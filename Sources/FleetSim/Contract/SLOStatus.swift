/// A class's standing against its p99 targets, judged by the simulation every facility step (5 s) with
/// hysteresis, so that a p99 hovering at its target does not flap: a target is breached once its p99
/// passes it, and clear again only once the p99 is back under `clearShare` of it. Nothing served while
/// requests came is a breach whatever the histograms hold.
public struct SLOStatus: Sendable, Equatable {
    /// The class has a target and something to judge it on (samples, or requests left unserved).
    public private(set) var judged = false
    public private(set) var unserved = false
    public private(set) var ttftBreached = false
    public private(set) var tpotBreached = false
    /// A breached target clears once its p99 is back under this share of it.
    public static let clearShare = 0.9

    public init() {}

    /// The targets missed now: "unserved", or "TTFT" and/or "TPOT"; empty when every target is met.
    public var breaches: [String] {
        if unserved { return ["unserved"] }
        return (ttftBreached ? ["TTFT"] : []) + (tpotBreached ? ["TPOT"] : [])
    }

    public var isBreached: Bool { !breaches.isEmpty }

    /// Judges `st` (its last-60-s percentiles and whether it was served) against its targets.
    public mutating func judge(_ st: ClassStats) {
        let ttftTarget = st.slo.ttftSeconds, tpotTarget = st.slo.tpotSeconds
        guard ttftTarget != nil || tpotTarget != nil else { self = SLOStatus(); return }
        unserved = st.unserved
        let ttftSamples = st.ttftHistogram.totalWeight > 0, tpotSamples = st.tpotHistogram.totalWeight > 0
        judged = unserved || (ttftTarget != nil && ttftSamples) || (tpotTarget != nil && tpotSamples)
        if unserved {
            ttftBreached = false; tpotBreached = false
            return
        }
        ttftBreached = Self.breached(p99: st.ttft.p99, target: ttftTarget, samples: ttftSamples, was: ttftBreached)
        tpotBreached = Self.breached(p99: st.tpot.p99, target: tpotTarget, samples: tpotSamples, was: tpotBreached)
    }

    static func breached(p99: Double, target: Double?, samples: Bool, was: Bool) -> Bool {
        guard let target, samples else { return false }
        return p99 > target || (was && p99 > target * clearShare)
    }
}
