import FleetSim
import Testing

/// The `alerts:` block of a drill file.
@Suite struct DrillAlertsFileTests {
    static func parse(_ alerts: String) throws(Diagnostic) -> DrillFile {
        try DrillFile.parse(yaml: "name: x\nduration: 5m\nalerts:\n" + alerts, file: "d.yaml")
    }

    @Test func readsBothForms() throws {
        let d = try Self.parse("  - alert: HallCoolingDegraded\n    fires_within: 3m\n  - alert: FleetGoodputLow\n    never: true\n")
        #expect(d.alerts == [DrillAlertExpectation(alert: "HallCoolingDegraded", firesWithinSeconds: 180, line: 4),
                             DrillAlertExpectation(alert: "FleetGoodputLow", never: true, line: 6)])
        #expect(d.alerts[0].text == "HallCoolingDegraded fires within 3m of the first fault")
    }

    @Test(arguments: [
        ("  - alert: A\n", "d.yaml:4: alerts[0]: needs fires_within or never: true"),
        ("  - alert: A\n    never: true\n    fires_within: 1m\n", "d.yaml:4: alerts[0]: give fires_within or never: true, not both"),
        ("  - never: true\n", "d.yaml:4: alerts[0].alert: missing"),
        ("  - alert: A\n    fires_within: soon\n", "d.yaml:5: alerts[0].fires_within: bad duration 'soon'"),
        ("  - alert: A\n    sometimes: true\n", "d.yaml:5: alerts[0].sometimes: unknown key 'sometimes'"),
        ("  - alert: a-b\n    never: true\n", "d.yaml:4: alerts[0].alert: 'a-b' is not an alert name"),
        ("  alert: A\n", "d.yaml:4: alerts: expected a list"),
    ])
    func badEntriesNameFileLineAndField(_ yaml: String, _ message: String) {
        do {
            _ = try Self.parse(yaml)
            Issue.record("parsed: \(yaml)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }
}
