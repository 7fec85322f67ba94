/// What a campaign found, in the shape of the JSON report `fleettop.drill-campaign/1` (README,
/// "Drill campaigns"): the pass rate with its 95% Wilson interval, each check's worst-value
/// distribution across runs with the runs that failed it and the worst one, the pass rate at each
/// varied value with the breaking point, and every run. Built only from the spec and the runs in
/// plan order, so a merged, resumed or parallel campaign gives the same report as a plain one.
public struct CampaignReport: Sendable, Codable, Equatable {
    /// The JSON schema name and version.
    public static let schemaName = "fleettop.drill-campaign/1"

    public var schema = CampaignReport.schemaName
    public var campaign: CampaignSpec
    public var passed: Int
    public var failed: Int
    public var aborted: Int
    public var passRate: WilsonInterval
    public var checks: [CheckSummary]
    /// Every combination of varied values (one point without `--vary`).
    public var points: [Point]
    /// Per varied path: the pass rate at each value (over the other paths' values) and the breaking point.
    public var sweep: [Axis]
    public var runs: [CampaignRunResult]

    /// One check across the campaign's runs.
    public struct CheckSummary: Sendable, Codable, Equatable {
        public var role: DrillCheck.Role
        public var text: String
        public var unit: MetricUnit
        /// Runs in which the metric had a value.
        public var runsWithValue: Int
        /// Percentiles of the per-run worst values (linear interpolation between order statistics).
        public var p5: Double?
        public var p50: Double?
        public var p95: Double?
        /// Runs (indices into `runs`) in which the check did not hold (or, for a stop condition, fired).
        public var failedRuns: [Int]
        /// The run with the worst value (the lowest index among equals), and that value.
        public var worstRun: Int?
        public var worstValue: Double?
    }

    /// One combination of varied values.
    public struct Point: Sendable, Codable, Equatable {
        public var values: [Double]
        public var labels: [String]
        public var pass: WilsonInterval
        public var failed: Int
        public var aborted: Int
    }

    /// One varied path.
    public struct Axis: Sendable, Codable, Equatable {
        public var path: String
        public var rows: [Row]
        /// The first value whose pass rate is under `break_below`; null when none is.
        public var breakingPoint: Row?
    }

    /// The pass rate at one value of a path, and each check's worst values there.
    public struct Row: Sendable, Codable, Equatable {
        public var value: Double
        public var label: String
        public var pass: WilsonInterval
        /// Per check, in the spec's order: where the check stood at this value, so a sweep shows how
        /// a metric moves toward its threshold, not only when runs start to fail.
        public var checks: [RowCheck]
    }

    /// One check's per-run worst values at one value of a varied path.
    public struct RowCheck: Sendable, Codable, Equatable {
        /// Percentiles of the per-run worst values at this value (as `CheckSummary`); nil without values.
        public var p5: Double?
        public var p50: Double?
        public var p95: Double?
        /// Runs at this value in which the check did not hold (or, for a stop condition, fired).
        public var failed: Int
    }

    /// The report of `spec` from its runs (in any order; every run of the plan once).
    public init(spec: CampaignSpec, runs unordered: [CampaignRunResult]) {
        let runs = unordered.sorted { $0.run < $1.run }
        campaign = spec
        self.runs = runs
        passed = runs.filter { $0.verdict == .passed }.count
        failed = runs.filter { $0.verdict == .failed }.count
        aborted = runs.filter { $0.verdict == .aborted }.count
        passRate = WilsonInterval(successes: passed, trials: runs.count)
        checks = spec.checks.indices.map { Self.summary(of: $0, spec: spec, runs: runs) }
        points = (0..<spec.pointCount).map { p in
            let here = runs.filter { $0.point == p }
            let coordinates = spec.coordinates(ofPoint: p)
            return Point(values: zip(spec.vary, coordinates).map { $0.values[$1] }, labels: zip(spec.vary, coordinates).map { $0.labels[$1] },
                         pass: WilsonInterval(successes: here.filter { $0.verdict == .passed }.count, trials: here.count),
                         failed: here.filter { $0.verdict == .failed }.count, aborted: here.filter { $0.verdict == .aborted }.count)
        }
        sweep = spec.vary.indices.map { a in
            let axis = spec.vary[a]
            let rows = axis.values.indices.map { v in
                let here = runs.filter { spec.coordinates(ofPoint: $0.point)[a] == v }
                return Row(value: axis.values[v], label: axis.labels[v],
                           pass: WilsonInterval(successes: here.filter { $0.verdict == .passed }.count, trials: here.count),
                           checks: spec.checks.indices.map { Self.rowCheck(of: $0, runs: here) })
            }
            return Axis(path: axis.path, rows: rows, breakingPoint: rows.first { $0.pass.trials > 0 && $0.pass.rate < spec.breakBelow })
        }
    }

    private static func summary(of c: Int, spec: CampaignSpec, runs: [CampaignRunResult]) -> CheckSummary {
        let check = spec.checks[c]
        let valued = runs.compactMap { r in r.checks[c].worst.map { (run: r.run, value: $0) } }
        let sorted = valued.map(\.value).sorted()
        let worst = valued.min { a, b in
            a.value == b.value ? a.run < b.run : (check.worseUp ? a.value > b.value : a.value < b.value)
        }
        return CheckSummary(role: check.role, text: check.text, unit: check.unit, runsWithValue: valued.count,
                            p5: percentile(sorted, 0.05), p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95),
                            failedRuns: runs.filter { !$0.checks[c].held }.map(\.run),
                            worstRun: worst?.run, worstValue: worst?.value)
    }

    private static func rowCheck(of c: Int, runs: [CampaignRunResult]) -> RowCheck {
        let sorted = runs.compactMap { $0.checks[c].worst }.sorted()
        return RowCheck(p5: percentile(sorted, 0.05), p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95),
                        failed: runs.filter { !$0.checks[c].held }.count)
    }

    /// The `p` quantile of sorted values, interpolating linearly between order statistics
    /// (Hyndman and Fan's type 7, as NumPy's default); nil without values.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    /// Writes every key, absent values as JSON `null`, so the schema's keys are always present.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema); try c.encode(campaign, forKey: .campaign)
        try c.encode(passed, forKey: .passed); try c.encode(failed, forKey: .failed); try c.encode(aborted, forKey: .aborted)
        try c.encode(passRate, forKey: .passRate); try c.encode(checks, forKey: .checks)
        try c.encode(points, forKey: .points); try c.encode(sweep, forKey: .sweep); try c.encode(runs, forKey: .runs)
    }
}

extension CampaignReport.CheckSummary {
    /// Writes percentiles and the worst run as `null` when no run had a value.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role, forKey: .role); try c.encode(text, forKey: .text); try c.encode(unit, forKey: .unit)
        try c.encode(runsWithValue, forKey: .runsWithValue)
        try c.encode(p5, forKey: .p5); try c.encode(p50, forKey: .p50); try c.encode(p95, forKey: .p95)
        try c.encode(failedRuns, forKey: .failedRuns); try c.encode(worstRun, forKey: .worstRun); try c.encode(worstValue, forKey: .worstValue)
    }
}

extension CampaignReport.Axis {
    /// Writes `breaking_point` as `null` when no value breaks.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path); try c.encode(rows, forKey: .rows); try c.encode(breakingPoint, forKey: .breakingPoint)
    }
}

extension CampaignReport.RowCheck {
    /// Writes percentiles as `null` when no run at the value had one.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(p5, forKey: .p5); try c.encode(p50, forKey: .p50); try c.encode(p95, forKey: .p95)
        try c.encode(failed, forKey: .failed)
    }
}
