import Testing
@testable import FleetSim

/// The built-in drills run headless on a small copy of the demo fleet: the same three sites and
/// halls, an eighth of the racks, of the grid limits and of the demand, so per-GPU load, power
/// tightness and thermals match the demo fleet at an eighth of the cost (debug-build friendly).
@Suite("Built-in drills run headless")
struct DrillBuiltInRunTests {
    static let scale = 8.0

    static var smallDemo: FleetSpec {
        var spec = FleetSpec.demo
        spec.name = "demo/8"
        for s in spec.sites.indices {
            spec.sites[s].gridLimitKW /= scale
            for h in spec.sites[s].halls.indices {
                spec.sites[s].halls[h].racks = max(1, Int((Double(spec.sites[s].halls[h].racks) / scale).rounded()))
            }
        }
        for c in spec.classes.indices { spec.classes[c].ratePerSecond /= scale }
        return spec
    }

    /// The drill without the steps that name racks the small fleet does not have (a drill that
    /// names them is refused at load; on the demo fleet every step applies).
    static func fitted(_ drill: DrillFile) throws -> DrillFile {
        let engine = try FleetEngine(spec: smallDemo, seed: drill.seed)
        var d = drill
        d.method.removeAll { $0.command.fleetCommand.map { engine.validate($0) != nil } ?? false }
        return d
    }

    @Test(arguments: DrillCatalog.builtIn.map(\.name))
    func reachesItsIntendedVerdict(name: String) throws {
        let entry = try #require(DrillCatalog.entry(named: name))
        let report = try HeadlessDrill.run(try Self.fitted(entry.drill()), fleet: Self.smallDemo)
        #expect(report.verdict == entry.intendedVerdict, "\(DrillReportWriter.text(report))")
        switch entry.intendedVerdict {
        case .passed:
            #expect(report.exitStatus == 0)
        case .failed:
            #expect(report.exitStatus == 1)
            #expect(!report.failedChecks.isEmpty)
            #expect(DrillReportWriter.text(report).contains("verdict: did not hold: \(report.failedChecks[0].text)"))
        case .aborted:
            #expect(report.exitStatus == 1)
            #expect(report.abort != nil)
            #expect(report.steps.contains { !$0.applied })
            #expect(report.rollback.map(\.command) == ["repair all"])
        }
    }

    @Test func sameSeedSameReport() throws {
        var drill = try #require(DrillCatalog.entry(named: "metro-partition")).drill()
        drill.durationSeconds = 8 * 60
        let a = try HeadlessDrill.run(drill, fleet: Self.smallDemo)
        let b = try HeadlessDrill.run(drill, fleet: Self.smallDemo)
        #expect(a == b)
    }
}
