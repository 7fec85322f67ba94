/// What Prometheus's rule engine made of one alerting rule over a drill's series: when it first
/// fired, how long after the method's first fault, when it stopped, and the expectation it answers.
public struct DrillAlertResult: Sendable, Codable, Equatable {
    public var alert: String
    /// Simulated seconds at the first evaluation that found it firing; nil when it never fired.
    public var firedAtS: Double?
    /// `firedAtS` minus the method's first fault; nil when either is missing.
    public var afterFirstFaultS: Double?
    /// First evaluation after `firedAtS` that found it no longer firing; nil when it fired to the end.
    public var resolvedAtS: Double?
    /// The label sets firing at `firedAtS` (the first few).
    public var instances: [String]
    /// The drill's `alerts:` entry this answers ("… fires within 3m …"), if any.
    public var expectation: String?
    /// Whether the expectation held; nil without one.
    public var held: Bool?

    public init(alert: String, firedAtS: Double?, afterFirstFaultS: Double?, resolvedAtS: Double?, instances: [String],
                expectation: String? = nil, held: Bool? = nil) {
        self.alert = alert; self.firedAtS = firedAtS; self.afterFirstFaultS = afterFirstFaultS
        self.resolvedAtS = resolvedAtS; self.instances = instances; self.expectation = expectation; self.held = held
    }

    /// Writes every key, absent values as `null`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(alert, forKey: .alert); try c.encode(firedAtS, forKey: .firedAtS)
        try c.encode(afterFirstFaultS, forKey: .afterFirstFaultS); try c.encode(resolvedAtS, forKey: .resolvedAtS)
        try c.encode(instances, forKey: .instances); try c.encode(expectation, forKey: .expectation)
        try c.encode(held, forKey: .held)
    }

    /// Judges `expectation` against this result; `firstFaultS` is the method's first fault.
    public static func judge(_ e: DrillAlertExpectation, firedAtS: Double?, firstFaultS: Double?) -> Bool {
        if e.never { return firedAtS == nil }
        guard let fired = firedAtS, let fault = firstFaultS, let within = e.firesWithinSeconds else { return false }
        return fired >= fault && fired - fault <= within
    }
}

extension DrillReport {
    /// The report with the alert results added: an expectation that did not hold fails a drill that
    /// had passed (exit 1); an aborted drill stays aborted.
    public func adding(alerts: [DrillAlertResult]) -> DrillReport {
        var r = self
        r.alerts = alerts
        if verdict == .passed, alerts.contains(where: { $0.held == false }) {
            r.verdict = .failed
            r.exitStatus = DrillVerdict.failed.exitStatus.rawValue
        }
        return r
    }

    /// The alert expectations that did not hold, as text.
    public var failedAlerts: [String] { (alerts ?? []).filter { $0.held == false }.compactMap(\.expectation) }

    /// Simulated seconds of the method's first fault (or first injection when it has no fault).
    public var firstFaultS: Double? {
        steps.first { $0.applied && $0.command.hasPrefix("fault") }?.atS ?? steps.first { $0.applied }?.atS
    }
}
