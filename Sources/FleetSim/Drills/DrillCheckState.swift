/// The running record of one check during a drill: every discrete evaluation, and for checks
/// evaluated continuously, counts, the worst value and breach stretches.
struct DrillCheckState {
    let check: DrillCheck
    let role: DrillCheck.Role
    private(set) var evaluations: [DrillReport.Evaluation] = []
    private(set) var continuousCount = 0
    private(set) var continuousFailing = 0
    private(set) var worst: Double?
    private(set) var breachStart: Double?
    private(set) var longestBreach = 0.0
    /// Steady state: held so far. Stop condition: has not fired.
    private(set) var held = true

    init(check: DrillCheck, role: DrillCheck.Role) { self.check = check; self.role = role }

    /// A breach is a steady-state check not met, or a stop condition met.
    private func isBreach(_ met: Bool) -> Bool { role.isBreach(met: met) }

    private mutating func noteWorst(_ value: Double?) {
        guard let value, value.isFinite else { return }
        let failingUp = (role == .steadyState) == (check.comparison == .below)
        if let w = worst, failingUp ? value <= w : value >= w { return }
        worst = value
    }

    /// A discrete evaluation (before, end, stop); returns true when it breached.
    @discardableResult
    mutating func evaluate(phase: String, at t: Double, value: Double?) -> Bool {
        let met = check.isMet(by: value)
        evaluations.append(DrillReport.Evaluation(phase: phase, atS: t, value: value, met: met))
        noteWorst(value)
        if isBreach(met) { held = false }
        return isBreach(met)
    }

    /// A continuous evaluation; returns the breach start when the breach has now lasted the tolerance
    /// (the check fails, or the stop condition fires), and whether a breach started or ended here.
    mutating func evaluateContinuously(at t: Double, value: Double?) -> (tripped: Bool, started: Bool, ended: Bool) {
        continuousCount += 1
        noteWorst(value)
        let breach = isBreach(check.isMet(by: value))
        if !breach {
            let ended = breachStart != nil
            breachStart = nil
            return (false, false, ended)
        }
        continuousFailing += 1
        let started = breachStart == nil
        let start = breachStart ?? t
        breachStart = start
        longestBreach = max(longestBreach, t - start)
        let tripped = t - start >= check.toleranceSeconds
        if tripped { held = false }
        return (tripped, started, false)
    }

    /// The check as it appears in the report.
    var report: DrillReport.Check {
        let summary = continuousCount > 0
            ? DrillReport.ContinuousSummary(evaluations: continuousCount, failing: continuousFailing,
                                            worstValue: worst, longestBreachS: longestBreach)
            : nil
        return DrillReport.Check(role: role, metric: check.metric.text, unit: check.metric.unit,
                                 comparison: check.comparison, threshold: check.threshold, text: check.text,
                                 continuous: check.continuous || role == .stopWhen, toleranceS: check.toleranceSeconds,
                                 held: held, evaluations: evaluations, continuousSummary: summary)
    }
}
