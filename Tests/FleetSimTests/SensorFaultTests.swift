import Testing
@testable import FleetSim

/// MODEL §8 thermal sensor faults: wrong readings raise alerts only; physics and serving are untouched.
@Suite struct SensorFaultTests {
    static let sensor = FaultSpec(kind: .sensor, target: TargetSelector(site: "near", hall: 1, rack: 2), magnitude: 40)

    /// Runs the quiet tiny fleet for 60 s, optionally injects `fault`, runs `seconds` more.
    static func run(_ fault: FaultSpec?, seconds: Double = 120,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> FleetEngine {
        let e = try SimTestSupport.engine()
        if let fault { #expect(e.apply(.fault(fault)) == .applied("sensor +40 °C near/h1/r02"),
                               sourceLocation: sourceLocation) }
        e.advance(seconds: seconds)
        return e
    }

    @Test func falseReadingChangesWhatIsReportedAndNothingElse() throws {
        let plain = try Self.run(nil).snapshot(), faulty = try Self.run(Self.sensor).snapshot()
        // Physics and serving: identical to the run without the fault.
        #expect(faulty.totals == plain.totals)
        #expect(faulty.racks.dieCMax == plain.racks.dieCMax)
        #expect(faulty.racks.inletC == plain.racks.inletC)
        #expect(faulty.racks.gpusThermalThrottled == plain.racks.gpusThermalThrottled)
        #expect(faulty.classes.map(\.completed) == plain.classes.map(\.completed))
        #expect(faulty.sites.map(\.dieCMax) == plain.sites.map(\.dieCMax))
        #expect(faulty.sites.map(\.facilityPowerKW) == plain.sites.map(\.facilityPowerKW))
        // Readings: rack 2 of near reads 40 °C hot, every other rack reads true.
        let r = 1
        #expect(faulty.racks.dieCMaxReported[r] == faulty.racks.dieCMax[r] + 40)
        #expect(faulty.racks.inletCReported[r] == faulty.racks.inletC[r] + 40)
        for i in 0..<faulty.racks.count where i != r {
            #expect(faulty.racks.dieCMaxReported[i] == faulty.racks.dieCMax[i])
        }
        let near = SimTestSupport.site(faulty, "near"), nearPlain = SimTestSupport.site(plain, "near")
        #expect(near.dieCMaxReported == Double(faulty.racks.dieCMax[r] + 40))
        #expect(nearPlain.dieCMaxReported == nearPlain.dieCMax)
        #expect(faulty.halls[0].dieCMaxReported > faulty.halls[0].dieCMax + 30)
        #expect(near.dieCMax < 87, "true die \(near.dieCMax) °C must stay below the alert threshold for this test")
        // What the operator gets: an alert from the false reading, the fault listed and counted.
        let alerts = faulty.events.filter { $0.kind == .alert }
        #expect(alerts.count == 1)
        #expect(alerts.first?.text.hasPrefix("die temperature alert near/h1/r02 reads ") == true)
        #expect(alerts.first?.endSeconds == nil)
        #expect(!plain.events.contains { $0.kind == .alert })
        #expect(faulty.activeFaults.map(\.kind) == [.sensor])
        #expect(faulty.failures.sensor == 1)
        #expect(MetricPath.value(of: "failures.sensor", in: faulty) == 1)
        #expect(MetricPath.value(of: "sites.near.h1.die_c_max_reported", in: faulty) == faulty.halls[0].dieCMaxReported)
        let json = SnapshotReport.json(faulty)
        #expect(json.contains("\"die_c_max_reported\":"))
        #expect(json.contains("\"sensor\":1"))
        #expect(json.contains("\"kind\":\"sensor\""))
    }

    @Test func coldReadingHidesNothingPhysicalAndRaisesNoAlert() throws {
        var cold = Self.sensor
        cold.magnitude = -20
        let e = try SimTestSupport.engine()
        e.apply(.fault(cold))
        e.advance(seconds: 30)
        let s = e.snapshot()
        #expect(s.racks.dieCMaxReported[1] == s.racks.dieCMax[1] - 20)
        #expect(!s.events.contains { $0.kind == .alert })
    }

    @Test func sensorDriftFollowsTheRamp() throws {
        var drift = Self.sensor
        drift.rampSeconds = 100
        let e = try SimTestSupport.engine()
        e.apply(.fault(drift))
        e.advance(seconds: 50)
        let s = e.snapshot()
        #expect(abs(Double(s.racks.dieCMaxReported[1] - s.racks.dieCMax[1]) - 20) < 0.5)
    }

    @Test func repairRestoresTrueReadingsAndClearsTheAlert() throws {
        let e = try Self.run(Self.sensor, seconds: 30)
        e.apply(.repair(TargetSelector(site: "near")))
        e.advance(seconds: 2)
        let s = e.snapshot()
        #expect(s.racks.dieCMaxReported == s.racks.dieCMax)
        #expect(s.racks.inletCReported == s.racks.inletC)
        #expect(s.activeFaults.isEmpty)
        #expect(s.events.filter { $0.kind == .alert }.allSatisfy { $0.endSeconds != nil })
        #expect(s.events.contains {
            if case .repaired(_, .sensor, let target) = $0.subject { target == "near/h1/r02" } else { false }
        })
    }
}
