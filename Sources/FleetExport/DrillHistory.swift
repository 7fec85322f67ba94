import FleetSim

/// A drill's series at a fixed step: the exposition's layout (taken at the first sample) and one row
/// of values per sample, with the sample's simulated time.
public struct DrillHistory: Sendable {
    /// Families and their series, as a scrape at the first sample laid them out.
    public var families: [MetricFamily] = []
    /// Simulated seconds of each sample.
    public var times: [Double] = []
    /// Row-major: sample i holds `values[i * seriesCount ..< (i + 1) * seriesCount]`.
    public var values: [Double] = []
    public var seriesCount = 0
    /// Simulated seconds between samples.
    public let stepSeconds: Double

    public init(stepSeconds: Double) { self.stepSeconds = stepSeconds }

    /// Adds the sample of `s` (whose `export` columns are filled).
    public mutating func append(_ s: Snapshot) {
        if times.isEmpty {
            let set = FleetExposition.metricSet(s)
            families = set.families
            seriesCount = set.seriesCount
            values.reserveCapacity(seriesCount * 64)
            values += set.values
        } else {
            let row = FleetExposition.values(s, capacity: seriesCount)
            precondition(row.count == seriesCount, "the fleet's series changed during the drill")
            values += row
        }
        times.append(s.simTime)
    }

    /// Value of series `k` at sample `i`.
    public func value(series k: Int, sample i: Int) -> Double { values[i * seriesCount + k] }

    /// The first series index of each family, and one past the last.
    public var familyOffsets: [Int] {
        var out = [0]
        for f in families { out.append(out[out.count - 1] + f.series.count) }
        return out
    }
}

/// The engine as a drill drives it, taking a history sample at every step boundary it passes.
public struct RecordingSimulation: DrillSimulation {
    public let engine: FleetEngine
    public let gpuLimit: Int
    public private(set) var history: DrillHistory
    private let stepTicks: UInt64

    /// Wraps a fresh engine (at tick 0) and takes the first sample.
    public init(engine: FleetEngine, stepSeconds: Double, gpuLimit: Int) {
        self.engine = engine
        self.gpuLimit = gpuLimit
        history = DrillHistory(stepSeconds: stepSeconds)
        stepTicks = max(1, UInt64((stepSeconds * SimClock.ticksPerSecond).rounded()))
        sample()
    }

    public var tick: UInt64 { engine.tick }

    public mutating func perform(_ command: SimCommand) { engine.perform(command) }

    public mutating func advance(seconds: Double) {
        let target = engine.tick + UInt64((seconds * SimClock.ticksPerSecond).rounded())
        while engine.tick < target {
            let next = min(target, (engine.tick / stepTicks + 1) * stepTicks)
            engine.advance(seconds: Double(next - engine.tick) / SimClock.ticksPerSecond)
            if engine.tick % stepTicks == 0 { sample() }
        }
    }

    public func currentSnapshot() -> Snapshot { engine.currentSnapshot() }

    private mutating func sample() {
        var s = engine.currentSnapshot()
        s.export = engine.exportColumns(gpuLimit: gpuLimit)
        history.append(s)
    }
}

extension DrillRunner {
    /// Runs a drill as `run(_:fleet:seed:progress:)` does, keeping its series every `stepSeconds`
    /// simulated seconds (GPU by GPU up to `gpuLimit` GPUs).
    public static func runRecording(_ drill: DrillFile, fleet: FleetSpec, seed: UInt64? = nil, stepSeconds: Double,
                                    gpuLimit: Int, progress: ((DrillProgress) -> Void)? = nil) throws(Diagnostic) -> (DrillReport, DrillHistory) {
        var d = drill
        if let seed { d.seed = seed }
        let engine: FleetEngine
        do {
            engine = try FleetEngine(spec: fleet, seed: d.seed)
        } catch {
            throw Diagnostic(file: d.source, line: nil, field: "fleet", message: "cannot build the fleet: \(error)")
        }
        try d.validateCommands(engine.validate)
        var sim = RecordingSimulation(engine: engine, stepSeconds: stepSeconds, gpuLimit: gpuLimit)
        let report = try run(d, on: &sim, progress: progress)
        return (report, sim.history)
    }
}
