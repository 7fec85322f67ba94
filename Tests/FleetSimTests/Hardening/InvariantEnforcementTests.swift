import Testing
@testable import FleetSim

/// Issue 13: a model invariant violated during a drill fails it (exit 1) and the report names it.
@Suite("Invariants enforce")
struct InvariantEnforcementTests {
    /// The engine, with one invariant reported broken from 5 s on.
    struct BrokenBooks: DrillSimulation {
        var engine: FleetEngine
        var tick: UInt64 { engine.tick }
        mutating func perform(_ command: SimCommand) { engine.perform(command) }
        mutating func advance(seconds: Double) { engine.advance(seconds: seconds) }
        func currentSnapshot() -> Snapshot {
            var s = engine.currentSnapshot()
            if s.simTime >= 5 { s.invariantViolations = ["conservation chat: arrived 10 ≠ 9"] }
            return s
        }
    }

    @Test func violatedInvariantFailsTheDrill() throws {
        let drill = try DrillFile.parse(yaml: "name: books\nfleet: tiny\nduration: 10s\n", file: "books.yaml")
        var sim = BrokenBooks(engine: try FleetEngine(spec: SimTestSupport.quietTiny(), seed: 7))
        let report = try HeadlessDrill.run(drill, on: &sim)
        #expect(report.verdict == .failed && report.exitStatus == 1)
        #expect(report.invariantViolations.first?.contains("conservation chat") == true)
        #expect(DrillReportWriter.text(report).contains("model invariants violated"))
        #expect(DrillReportWriter.json(report).contains("invariant_violations"))
    }

    @Test func healthyDrillHasNone() throws {
        let drill = try DrillFile.parse(yaml: "name: calm\nfleet: tiny\nduration: 10s\n", file: "calm.yaml")
        let report = try HeadlessDrill.run(drill, fleet: SimTestSupport.quietTiny())
        #expect(report.invariantViolations.isEmpty && report.verdict == .passed)
    }
}
