/// What a campaign is, as every report, part and journal of it records it: the drill (by the name or
/// path given and a fingerprint of its content), the fleet's fingerprint, the seeds, the varied
/// axes and the threshold of the breaking point. Two parts merge only when their specs are equal.
public struct CampaignSpec: Sendable, Codable, Equatable {
    /// The drill as given on the command line (a built-in name or a path): what a replay names.
    public var drill: String
    /// The drill's `name:`.
    public var drillName: String
    /// Where the drill came from ("built-in: NAME" or a path).
    public var source: String
    /// The drill's `fleet:` (a preset or a fleet file).
    public var fleet: String
    /// FNV-1a 64 of the drill as `DrillYAMLWriter` writes it.
    public var drillFingerprint: String
    /// FNV-1a 64 of the fleet the runs build, every knob included.
    public var fleetFingerprint: String
    /// The seeds as written (`1-200`).
    public var seeds: String
    public var seedCount: Int
    public var vary: [Axis]
    /// The breaking point is the first value whose pass rate falls under this share.
    public var breakBelow: Double
    /// Runs in the whole campaign: seeds × every combination of varied values.
    public var runs: Int
    /// The drill's checks, in report order (steady state, then stop conditions).
    public var checks: [Check]
    /// The GNU build ID of the fleettop that planned the runs (`BuildIdentity`): two builds may
    /// model differently, so their parts do not merge and their journals do not resume each other.
    /// Nil where the executable has none (and in parts written before builds were recorded).
    public var build: String?

    /// One varied path and its values.
    public struct Axis: Sendable, Codable, Equatable {
        public var path: String
        /// The values as written after `=`.
        public var spec: String
        public var values: [Double]
        public var labels: [String]
    }

    /// A check of the drill, as the campaign report names it.
    public struct Check: Sendable, Codable, Equatable {
        public var role: DrillCheck.Role
        public var text: String
        public var metric: String
        public var unit: MetricUnit
        public var comparison: DrillCheck.Comparison
        public var threshold: Double
    }

    /// The spec of a campaign of `drill` (named `reference` on the command line) on `fleet`.
    public init(reference: String, drill: DrillFile, fleet: FleetSpec, seeds: SeedList, axes: [VaryAxis], breakBelow: Double) {
        self.drill = reference
        drillName = drill.name
        source = drill.source
        self.fleet = drill.fleet
        drillFingerprint = Self.fingerprint(DrillYAMLWriter.yaml(drill))
        fleetFingerprint = Self.fingerprint(String(reflecting: fleet))
        self.seeds = seeds.text
        seedCount = seeds.seeds.count
        vary = axes.map { Axis(path: $0.path.text, spec: $0.spec, values: $0.values, labels: $0.labels) }
        self.breakBelow = breakBelow
        runs = axes.reduce(seeds.seeds.count) { $0 * $1.values.count }
        checks = drill.steadyState.map { Check($0, role: .steadyState) } + drill.stopWhen.map { Check($0, role: .stopWhen) }
        build = BuildIdentity.current
    }

    /// Combinations of varied values (1 without `--vary`).
    public var pointCount: Int { vary.reduce(1) { $0 * $1.values.count } }

    /// The value index on each axis of point `p` (the first axis varies slowest).
    public func coordinates(ofPoint p: Int) -> [Int] {
        var rest = p
        var out = Array(repeating: 0, count: vary.count)
        for a in vary.indices.reversed() {
            out[a] = rest % vary[a].values.count
            rest /= vary[a].values.count
        }
        return out
    }

    /// "method[1].magnitude=60% duration=20m" for point `p` (empty without `--vary`).
    public func labels(ofPoint p: Int) -> [String] {
        zip(vary, coordinates(ofPoint: p)).map { "\($0.path)=\($0.labels[$1])" }
    }

    /// FNV-1a 64-bit hash of a text's UTF-8, as 16 hex digits.
    public static func fingerprint(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The first field in which two specs differ, for a refusal to merge or resume.
    public func firstDifference(from other: CampaignSpec) -> String? {
        let fields: [(String, String, String)] = [
            ("drill", drill, other.drill), ("drill name", drillName, other.drillName), ("source", source, other.source),
            ("drill content", drillFingerprint, other.drillFingerprint), ("fleet", fleet, other.fleet),
            ("fleet content", fleetFingerprint, other.fleetFingerprint), ("seeds", seeds, other.seeds),
            ("vary", vary.map { "\($0.path)=\($0.spec)" }.joined(separator: " "), other.vary.map { "\($0.path)=\($0.spec)" }.joined(separator: " ")),
            ("break-below", QuantityText.shortest(breakBelow), QuantityText.shortest(other.breakBelow)),
            ("fleettop build", build ?? "none recorded", other.build ?? "none recorded"),
        ]
        if let d = fields.first(where: { $0.1 != $0.2 }) { return "\(d.0): '\(d.1)' here, '\(d.2)' there" }
        return self == other ? nil : "checks or values"
    }
}

extension CampaignSpec.Check {
    init(_ c: DrillCheck, role: DrillCheck.Role) {
        self.init(role: role, text: c.text, metric: c.metric.text, unit: c.metric.unit, comparison: c.comparison, threshold: c.threshold)
    }

    /// True when larger values are worse (a steady-state "below" check, a stop condition "above").
    public var worseUp: Bool { (role == .steadyState) == (comparison == .below) }
}

extension CampaignSpec {
    /// Writes every key, `build` as JSON `null` when none was recorded, so the schema's keys are always present.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(drill, forKey: .drill); try c.encode(drillName, forKey: .drillName); try c.encode(source, forKey: .source)
        try c.encode(fleet, forKey: .fleet); try c.encode(drillFingerprint, forKey: .drillFingerprint)
        try c.encode(fleetFingerprint, forKey: .fleetFingerprint); try c.encode(seeds, forKey: .seeds); try c.encode(seedCount, forKey: .seedCount)
        try c.encode(vary, forKey: .vary); try c.encode(breakBelow, forKey: .breakBelow); try c.encode(runs, forKey: .runs)
        try c.encode(checks, forKey: .checks); try c.encode(build, forKey: .build)
    }
}
