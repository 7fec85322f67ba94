/// What a drill run found, in the shape of the JSON report `fleettop.drill-report/1`:
///
///     schema, name, description, source, fleet, seed, duration_s, ended_at_s, verdict ("passed" | "failed" | "aborted"),
///     exit_status (0 | 1), checks: [{role ("steady_state" | "stop_when"), metric, unit, comparison ("below" | "above"),
///       threshold, text, continuous, tolerance_s, held,
///       evaluations: [{phase ("before" | "during" | "end" | "stop"), at_s, value (null when absent), met}],
///       continuous_summary: {evaluations, failing, worst_value, longest_breach_s} (null unless continuous)}],
///     steps: [{at_s, command, applied (false when an abort skipped it)}],
///     abort: {at_s, condition, value} | null, rollback: [{at_s, command}],
///     timeline: [{start_s, end_s (null while ongoing), kind, text, repeats, injected}],
///     invariant_violations: [string] (model invariants broken during the run; any fails the drill),
///     alerts: [{alert, fired_at_s, after_first_fault_s, resolved_at_s, instances, expectation, held}]
///       (only with --alert-rules; null values when it never fired or no expectation applies)
///
/// Times are simulated seconds from the start of the drill; values are in the metric's unit.
public struct DrillReport: Sendable, Codable, Equatable {
    /// The JSON schema name and version.
    public static let schemaName = "fleettop.drill-report/1"

    public var schema = DrillReport.schemaName
    public var name: String
    public var description: String
    public var source: String
    public var fleet: String
    public var seed: UInt64
    public var durationS: Double
    /// Simulated time at which the run stopped (the duration, or a little after an abort's rollback).
    public var endedAtS: Double
    public var verdict: DrillVerdict
    public var exitStatus: Int32
    public var checks: [Check]
    public var steps: [Step]
    public var abort: Abort?
    public var rollback: [Step]
    public var timeline: [TimelineEntry]
    public var invariantViolations: [String] = []
    /// Alerting rules evaluated over the drill's series (`--alert-rules`); nil when none were given.
    public var alerts: [DrillAlertResult]?

    /// One check and every evaluation of it.
    public struct Check: Sendable, Codable, Equatable {
        public var role: DrillCheck.Role
        public var metric: String
        public var unit: MetricUnit
        public var comparison: DrillCheck.Comparison
        public var threshold: Double
        public var text: String
        public var continuous: Bool
        public var toleranceS: Double
        /// For steady-state checks: held at every evaluation. For stop conditions: never fired.
        public var held: Bool
        public var evaluations: [Evaluation]
        public var continuousSummary: ContinuousSummary?
    }

    /// The value of a check's metric at one moment and whether its condition was met.
    public struct Evaluation: Sendable, Codable, Equatable {
        public var phase: String
        public var atS: Double
        public var value: Double?
        public var met: Bool
    }

    /// A continuously evaluated check, summarised (one evaluation per simulated second).
    public struct ContinuousSummary: Sendable, Codable, Equatable {
        public var evaluations: Int
        public var failing: Int
        public var worstValue: Double?
        public var longestBreachS: Double
    }

    /// A command of the method or the rollback.
    public struct Step: Sendable, Codable, Equatable {
        public var atS: Double
        public var command: String
        public var applied: Bool
    }

    /// The stop condition that cut the method short.
    public struct Abort: Sendable, Codable, Equatable {
        public var atS: Double
        public var condition: String
        public var value: Double?
    }

    /// Something that happened: a fault, throttling, shedding, a breach, a step.
    public struct TimelineEntry: Sendable, Codable, Equatable {
        public var startS: Double
        public var endS: Double?
        public var kind: String
        public var text: String
        public var repeats: Int
        public var injected: Bool
    }

    /// The checks that did not hold (steady-state checks that failed, stop conditions that fired).
    public var failedChecks: [Check] { checks.filter { !$0.held } }

    /// Writes every key, absent values as JSON `null`, so the schema's keys are always present.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema); try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description); try c.encode(source, forKey: .source)
        try c.encode(fleet, forKey: .fleet); try c.encode(seed, forKey: .seed)
        try c.encode(durationS, forKey: .durationS); try c.encode(endedAtS, forKey: .endedAtS)
        try c.encode(verdict, forKey: .verdict); try c.encode(exitStatus, forKey: .exitStatus)
        try c.encode(checks, forKey: .checks); try c.encode(steps, forKey: .steps)
        try c.encode(abort, forKey: .abort); try c.encode(rollback, forKey: .rollback)
        try c.encode(timeline, forKey: .timeline); try c.encode(invariantViolations, forKey: .invariantViolations)
        try c.encodeIfPresent(alerts, forKey: .alerts)
    }
}

extension DrillReport.Check {
    /// Writes every key; `continuous_summary` is `null` for checks evaluated only before and at the end.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role, forKey: .role); try c.encode(metric, forKey: .metric); try c.encode(unit, forKey: .unit)
        try c.encode(comparison, forKey: .comparison); try c.encode(threshold, forKey: .threshold)
        try c.encode(text, forKey: .text); try c.encode(continuous, forKey: .continuous)
        try c.encode(toleranceS, forKey: .toleranceS); try c.encode(held, forKey: .held)
        try c.encode(evaluations, forKey: .evaluations); try c.encode(continuousSummary, forKey: .continuousSummary)
    }
}

extension DrillReport.Evaluation {
    /// Writes `value` as `null` when the metric was absent.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(phase, forKey: .phase); try c.encode(atS, forKey: .atS)
        try c.encode(value, forKey: .value); try c.encode(met, forKey: .met)
    }
}

extension DrillReport.ContinuousSummary {
    /// Writes `worst_value` as `null` when the metric was never present.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(evaluations, forKey: .evaluations); try c.encode(failing, forKey: .failing)
        try c.encode(worstValue, forKey: .worstValue); try c.encode(longestBreachS, forKey: .longestBreachS)
    }
}

extension DrillReport.Abort {
    /// Writes `value` as `null` when the metric was absent.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(atS, forKey: .atS); try c.encode(condition, forKey: .condition); try c.encode(value, forKey: .value)
    }
}

extension DrillReport.TimelineEntry {
    /// Writes `end_s` as `null` while the event is ongoing.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(startS, forKey: .startS); try c.encode(endS, forKey: .endS); try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text); try c.encode(repeats, forKey: .repeats); try c.encode(injected, forKey: .injected)
    }
}
