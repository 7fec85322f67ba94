import Testing
@testable import FleetSim

/// Issue 13: a drill step whose command cannot apply to the fleet is refused when the drill is
/// loaded, naming its line — not logged as "rejected" while the drill passes.
@Suite("Drill commands checked at load")
struct DrillCommandCheckTests {
    @Test func stepOnAMissingRackIsRefusedWithItsLine() throws {
        let text = """
        name: typo
        fleet: tiny
        duration: 2m
        method:
          - at: 1m
            command: fault rack site=near hall=1 rack=99
        """
        let drill = try DrillFile.parse(yaml: text, file: "typo.yaml")
        do {
            _ = try HeadlessDrill.run(drill, fleet: SimTestSupport.quietTiny())
            Issue.record("the drill ran")
        } catch {
            #expect(error.line == 5 && error.field == "method[0]", "\(error)")
            #expect(error.message.contains("rack=99"), "\(error)")
        }
    }

    @Test func rollbackOnAMissingHallIsRefused() throws {
        let text = """
        name: typo
        fleet: tiny
        duration: 2m
        rollback:
          - repair: {site: near, hall: 9}
        """
        let drill = try DrillFile.parse(yaml: text, file: "typo.yaml")
        #expect(throws: Diagnostic.self) { try HeadlessDrill.run(drill, fleet: SimTestSupport.quietTiny()) }
    }

    @Test(arguments: DrillCatalog.builtIn.map { $0.name })
    func everyBuiltInStepAppliesToTheDemoFleet(name: String) throws {
        let drill = try #require(DrillCatalog.entry(named: name)).drill()
        let engine = try FleetEngine(spec: .demo, seed: drill.seed)
        try drill.validateCommands(engine.validate)
    }
}
