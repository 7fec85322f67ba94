/// Runs drills headless, as fast as the CPU allows: builds the engine, feeds a `DrillSession` one
/// snapshot per simulated second (and at every step), applies what it returns, and hands back the
/// report. The CLI prints `DrillReportWriter` output and exits with `report.exitStatus`.
public enum DrillRunner {
    /// Runs a drill on an engine that is already built (fresh, at tick 0, for a reproducible run).
    /// Throws when the drill names sites or halls the fleet does not have.
    public static func run<E: DrillSimulation>(_ drill: DrillFile, on engine: inout E,
                                               progress: ((DrillProgress) -> Void)? = nil) throws(Diagnostic) -> DrillReport {
        var snapshot = engine.currentSnapshot()
        try drill.validate(against: snapshot)
        var session = DrillSession(drill: drill)
        while true {
            for command in session.observe(snapshot) { engine.perform(command) }
            progress?(session.progress)
            if session.finished { break }
            engine.advance(toTick: session.nextObservationTick(after: engine.tick))
            snapshot = engine.currentSnapshot()
        }
        return session.report()
    }
}

extension DrillRunner {
    /// Runs a drill on a fresh `FleetEngine` built from `fleet` (the caller resolves the drill's
    /// `fleet` — a preset via `presetFleet(for:)`, or a fleet file) with the drill's seed, or
    /// `seed` when given (`fleettop drill --seed N`).
    public static func run(_ drill: DrillFile, fleet: FleetSpec, seed: UInt64? = nil,
                           progress: ((DrillProgress) -> Void)? = nil) throws(Diagnostic) -> DrillReport {
        var d = drill
        if let seed { d.seed = seed }
        var engine = try makeEngine(fleet: fleet, seed: d.seed, source: d.source)
        try d.validateCommands(engine.validate)
        return try run(d, on: &engine, progress: progress)
    }

    /// The preset a drill names in `fleet:`, or an error listing the presets (nil when the name
    /// looks like a path, which the caller loads as a fleet file).
    public static func presetFleet(for drill: DrillFile) throws(Diagnostic) -> FleetSpec? {
        if let spec = FleetSpec.preset(named: drill.fleet) { return spec }
        let looksLikePath = drill.fleet.contains("/") || drill.fleet.hasSuffix(".yaml") || drill.fleet.hasSuffix(".yml")
        if looksLikePath { return nil }
        throw Diagnostic(file: drill.source, line: nil, field: "fleet", message: "unknown fleet preset '\(drill.fleet)'",
                         expected: FleetSpec.presetNames + ["a fleet file path"])
    }

    /// A fresh engine, with engine construction errors reported against the drill.
    static func makeEngine(fleet: FleetSpec, seed: UInt64, source: String) throws(Diagnostic) -> FleetEngine {
        do {
            return try FleetEngine(spec: fleet, seed: seed)
        } catch {
            throw Diagnostic(file: source, line: nil, field: "fleet", message: "cannot build the fleet: \(error)")
        }
    }
}
