/// Runs drills headless, as fast as the CPU allows: builds the engine, feeds a `DrillSession` one
/// snapshot per simulated second (and at every step), applies what it returns, and hands back the
/// report. The CLI prints `DrillReportWriter` output and exits with `report.exitStatus`.
public enum DrillRunner {
    /// Runs a drill on an engine that is already built (fresh, at tick 0, for a reproducible run).
    /// Throws when the drill names sites or halls the fleet does not have.
    public static func run<E: DrillSimulation>(_ drill: DrillFile, on engine: inout E,
                                               progress: ((DrillProgress) -> Void)? = nil) throws(DrillFileError) -> DrillReport {
        var snapshot = engine.snapshot()
        try drill.validate(against: snapshot)
        var session = DrillSession(drill: drill)
        while true {
            for command in session.observe(snapshot) { engine.perform(command) }
            progress?(session.progress)
            if session.finished { break }
            engine.advance(toTick: session.nextObservationTick(after: engine.tick))
            snapshot = engine.snapshot()
        }
        return session.report()
    }
}
