/// One check of a live drill as the dashboard shows it: its text, where it stands, and its value at
/// the last observation ("✔ chat.ttft.p99 below 2 s · 0.84 s").
public struct ScenarioCheck: Sendable, Equatable {
    /// Where a check stands.
    public enum State: String, Sendable, Equatable {
        /// Not evaluated yet (the method has not started).
        case pending
        /// Held at every evaluation so far (a stop condition: has not fired).
        case passing
        /// Still holding, but its condition is not met right now (inside its tolerance window).
        case breaching
        /// Failed once (a stop condition: fired); stays failed.
        case failed
    }

    public var text: String
    /// True for a stop condition, false for a steady-state check.
    public var isStopCondition: Bool
    public var state: State
    /// The metric's value at the last observation, with its unit ("–" when absent).
    public var value: String

    /// A check line as shown.
    public init(text: String, isStopCondition: Bool, state: State, value: String) {
        self.text = text; self.isStopCondition = isStopCondition; self.state = state; self.value = value
    }

    /// The checks of a drill session as they stand, with values from the snapshot just observed.
    public static func lines(_ reports: [DrillReport.Check], checks: [DrillCheck], snapshot: Snapshot) -> [ScenarioCheck] {
        zip(reports, checks).map { report, check in
            let evaluated = !report.evaluations.isEmpty || (report.continuousSummary?.evaluations ?? 0) > 0
            let raw = check.metric.value(in: snapshot)
            let breachingNow = report.role.isBreach(met: check.isMet(by: raw))
            let state: State = !report.held ? .failed : (!evaluated ? .pending : (breachingNow ? .breaching : .passing))
            let value = raw.map(check.metric.format) ?? "–"
            return ScenarioCheck(text: report.text, isStopCondition: report.role == .stopWhen, state: state, value: value)
        }
    }
}
