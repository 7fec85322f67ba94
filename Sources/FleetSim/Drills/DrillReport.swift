/// What a drill run found, in the shape of the JSON report `fleettop.drill-report/1`:
///
///     schema, name, description, source, fleet, seed, duration_s, ended_at_s, verdict ("passed" | "failed" | "aborted"),
///     exit_status (0 | 1), checks: [{role ("steady_state" | "stop_when"), metric, unit, comparison ("below" | "above"),
///       threshold, text, continuous, tolerance_s, held,
///       evaluations: [{phase ("before" | "during" | "end" | "stop"), at_s, value (null when absent), met}],
///       continuous_summary: {evaluations, failing, worst_value, longest_breach_s} (null unless continuous)}],
///     steps: [{at_s, command, applied (false when an abort skipped it)}],
///     abort: {at_s, condition, value} | null, rollback: [{at_s, command}],
///     timeline: [{start_s, end_s (null while ongoing), kind, text, repeats, injected}]
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

    /// One check and every evaluation of it.
    public struct Check: Sendable, Codable, Equatable {
        public var role: String
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
}
