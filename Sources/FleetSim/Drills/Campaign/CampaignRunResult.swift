/// One run of a campaign, summarised: its seed and point, the verdict, and for each check whether
/// it held and its worst value (the value furthest towards failing, over every evaluation).
/// Everything here follows from the spec and the run index, so reports built from results agree
/// byte for byte however the runs were scheduled.
public struct CampaignRunResult: Sendable, Codable, Equatable {
    /// The run's index in plan order.
    public var run: Int
    public var seed: UInt64
    /// The combination of varied values (an index into the report's points; 0 without `--vary`).
    public var point: Int
    public var verdict: DrillVerdict
    /// Simulated seconds at which the run ended.
    public var endedAtS: Double
    /// The checks in the spec's order.
    public var checks: [Check]
    /// Model invariants violated during the run.
    public var invariantViolations: Int

    /// One check in one run.
    public struct Check: Sendable, Codable, Equatable {
        public var held: Bool
        /// nil when the metric was never present.
        public var worst: Double?

        /// Writes `worst` as `null` when absent, so the key is always there.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(held, forKey: .held); try c.encode(worst, forKey: .worst)
        }
    }

    public init(run: Int, seed: UInt64, point: Int, verdict: DrillVerdict, endedAtS: Double, checks: [Check], invariantViolations: Int) {
        self.run = run; self.seed = seed; self.point = point; self.verdict = verdict
        self.endedAtS = endedAtS; self.checks = checks; self.invariantViolations = invariantViolations
    }

    /// The summary of a drill report for run `run` of a campaign.
    init(run: Int, point: Int, spec: CampaignSpec, report: DrillReport) {
        let checks = spec.checks.enumerated().map { i, c -> Check in
            guard i < report.checks.count else { return Check(held: true, worst: nil) }
            let r = report.checks[i]
            let values = r.evaluations.compactMap(\.value) + (r.continuousSummary?.worstValue.map { [$0] } ?? [])
            let finite = values.filter(\.isFinite)
            return Check(held: r.held, worst: c.worseUp ? finite.max() : finite.min())
        }
        self.init(run: run, seed: report.seed, point: point, verdict: report.verdict, endedAtS: report.endedAtS,
                  checks: checks, invariantViolations: report.invariantViolations.count)
    }
}

/// A finished run as a journal or a shard's part file keeps it: the result and how long it took.
/// The wall time is left out of reports (it differs from machine to machine) and only names the
/// slowest runs on the terminal.
public struct CampaignRunRecord: Sendable, Codable, Equatable {
    public var result: CampaignRunResult
    /// Wall-clock seconds the run took.
    public var wallS: Double

    public init(result: CampaignRunResult, wallS: Double) {
        self.result = result; self.wallS = wallS
    }
}
