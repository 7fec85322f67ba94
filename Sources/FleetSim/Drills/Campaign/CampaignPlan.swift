/// The ordered runs of a campaign: every combination of varied values (the first `--vary` varies
/// slowest), and within each, every seed in the order given. Run `r` is point `r / seeds` on seed
/// `seeds[r mod seeds]`; the order depends only on the spec, so every machine agrees on it.
public struct CampaignPlan: Sendable {
    public let spec: CampaignSpec
    public let seeds: [UInt64]
    /// The drill and fleet of every point, values applied and checked.
    let points: [(drill: DrillFile, fleet: FleetSpec)]

    /// The most runs one campaign may hold.
    public static let maxRuns = 10_000_000

    /// Plans a campaign and checks every combination of values against the drill and fleet, so a
    /// value the drill cannot take is refused before anything runs.
    public init(reference: String, drill: DrillFile, fleet: FleetSpec, seeds: SeedList, axes: [VaryAxis],
                breakBelow: Double) throws(CampaignError) {
        let spec = CampaignSpec(reference: reference, drill: drill, fleet: fleet, seeds: seeds, axes: axes, breakBelow: breakBelow)
        guard spec.runs <= Self.maxRuns else { throw CampaignError("the campaign has \(spec.runs) runs; at most \(Self.maxRuns)") }
        var points: [(DrillFile, FleetSpec)] = []
        for p in 0..<spec.pointCount {
            let coordinates = spec.coordinates(ofPoint: p)
            points.append(try Self.applying(axes.indices.map { (axes[$0].path, axes[$0].values[coordinates[$0]], axes[$0].labels[coordinates[$0]]) },
                                            to: drill, fleet: fleet))
        }
        self.spec = spec
        self.seeds = seeds.seeds
        self.points = points
    }

    /// The drill and fleet with paths set to values (`--set`, and each point of a sweep). Steps are
    /// put back in time order afterwards, and none may fall after the drill's duration.
    public static func applying(_ settings: [(VaryPath, Double, String)], to drill: DrillFile,
                                fleet: FleetSpec) throws(CampaignError) -> (drill: DrillFile, fleet: FleetSpec) {
        var d = drill
        var f = fleet
        d.method = VaryPath.fileOrder(drill.method)
        for (path, value, label) in settings { try path.apply(value, label: label, to: &d, fleet: &f) }
        let named = settings.map { "\($0.0.text)=\($0.2)" }.joined(separator: " ")
        if let late = d.method.indices.first(where: { d.method[$0].atSeconds > d.durationSeconds }) {
            throw CampaignError("\(named): method[\(late + 1)] at \(QuantityText.formatDuration(d.method[late].atSeconds)) falls after the drill's duration of \(QuantityText.formatDuration(d.durationSeconds))")
        }
        d.method = d.method.enumerated().sorted { ($0.element.atSeconds, $0.offset) < ($1.element.atSeconds, $1.offset) }.map(\.element)
        return (d, f)
    }

    /// Checks every point's drill against the fleet it runs on (sites, halls, racks, tags and each
    /// command), building one engine, so a campaign fails at once rather than at its first run.
    public func validate() throws(Diagnostic) {
        guard let first = points.first else { return }
        let engine = try DrillRunner.makeEngine(fleet: first.fleet, seed: first.drill.seed, source: first.drill.source)
        let snapshot = engine.currentSnapshot()
        for point in points {
            try point.drill.validate(against: snapshot)
            try point.drill.validateCommands(engine.validate)
        }
    }

    /// Runs in the whole campaign.
    public var count: Int { spec.runs }

    /// The seed of run `r`.
    public func seed(ofRun r: Int) -> UInt64 { seeds[r % seeds.count] }

    /// The point (combination of varied values) of run `r`.
    public func point(ofRun r: Int) -> Int { r / seeds.count }

    /// The runs of one shard, or all, in plan order.
    public func runs(in shard: CampaignShard?) -> [Int] {
        guard let shard else { return Array(0..<count) }
        return Array(stride(from: shard.index - 1, to: count, by: shard.count))
    }

    /// Runs run `r` on a fresh engine and summarises it.
    public func execute(run r: Int) throws(Diagnostic) -> CampaignRunResult {
        let point = points[point(ofRun: r)]
        let report = try DrillRunner.run(point.drill, fleet: point.fleet, seed: seed(ofRun: r))
        return CampaignRunResult(run: r, point: self.point(ofRun: r), spec: spec, report: report)
    }
}
