/// What needs an operator's eye now, judged once by the simulation: the header, events, panels, drills
/// and the story read it and recompute nothing.
public struct FleetStatus: Sendable, Equatable {
    /// Per class (`RequestClass.rawValue` order): its SLO standing.
    public var slo: [SLOStatus] = Array(repeating: SLOStatus(), count: RequestClass.allCases.count)
    /// Open alerts: active faults, SLO breaches, power caps biting and racks shed, thermal throttling and
    /// shutdowns, alerts raised from readings, failed model checks.
    public var alerts: [FleetAlert] = []
    /// What is down, in words ("whole fleet down", "remote-campus cut off"); nil while every site serves.
    public var outage: String?

    public init() {}
}

/// One open alert.
public struct FleetAlert: Sendable, Equatable {
    /// What the alert is about, so a view can jump to it without reading the text.
    public enum Subject: Sendable, Equatable {
        case fault(id: Int)
        case slo(RequestClass, metric: String)
        case site(Int)
        case hall(Int)
        /// An alert raised from readings; the text names the place.
        case reading
        case invariant
    }

    /// The alert's family, as the alerts view's "kind" column shows it.
    public enum Kind: String, Sendable, CaseIterable {
        case fault, slo = "SLO", power, thermal, reading, invariant
    }

    public var subject: Subject
    public var kind: Kind
    /// "chat TTFT p99", "power cap biting at metro-edge (limit 1000 kW)".
    public var text: String
    /// "2.3 s vs target 2 s", "operator".
    public var detail: String
    /// When it started (nil: judged now, as an SLO or a model check).
    public var sinceSeconds: Double?
    /// Critical (red) rather than a warning.
    public var critical: Bool

    public init(subject: Subject, kind: Kind, text: String, detail: String, sinceSeconds: Double?, critical: Bool) {
        self.subject = subject; self.kind = kind; self.text = text; self.detail = detail
        self.sinceSeconds = sinceSeconds; self.critical = critical
    }
}
