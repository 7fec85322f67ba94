import Testing
@testable import FleetSim

@Suite("Built-in drills parse")
struct DrillCatalogTests {
    @Test(arguments: DrillCatalog.builtIn.map(\.name))
    func parsesAndRoundTripsThroughYAML(name: String) throws {
        let entry = try #require(DrillCatalog.entry(named: name))
        let drill = try entry.drill()
        #expect(!drill.description.isEmpty)
        #expect(!drill.steadyState.isEmpty)
        #expect(!drill.method.isEmpty)
        #expect(drill.source == "built-in: \(name)")
        let again = try DrillFile.parse(yaml: DrillYAMLWriter.yaml(drill), file: "copy.yaml")
        #expect(again.method.map(\.command) == drill.method.map(\.command))
        #expect(again.steadyState.map(\.text) == drill.steadyState.map(\.text))
    }

    @Test func atLeastFiveAndNamesAreUnique() {
        #expect(DrillCatalog.builtIn.count >= 5)
        #expect(Set(DrillCatalog.builtIn.map(\.name)).count == DrillCatalog.builtIn.count)
        #expect(DrillCatalog.builtIn.contains { $0.intendedVerdict == .failed })
    }

    @Test func unknownNameListsTheBuiltIns() {
        #expect(throws: Diagnostic.self) { try DrillCatalog.load("no-such-drill") }
        do {
            _ = try DrillCatalog.load("no-such-drill")
        } catch {
            #expect(error.expected == DrillCatalog.builtIn.map(\.name))
        }
    }
}
