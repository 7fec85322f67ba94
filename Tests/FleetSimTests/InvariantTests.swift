import Testing
@testable import FleetSim

/// MODEL §9 invariants under every fault kind and all at once.
@Suite struct InvariantTests {
    static let faults: [FaultSpec] = [
        FaultSpec(kind: .gpu, target: TargetSelector(site: "far", mode: .count(3))),
        FaultSpec(kind: .rack, target: TargetSelector(site: "near", hall: 1, rack: 2)),
        FaultSpec(kind: .cooling, target: TargetSelector(site: "near", hall: 1), magnitude: 1, rampSeconds: 30),
        FaultSpec(kind: .powerCap, target: TargetSelector(site: "far"), magnitude: 0.3, durationSeconds: 120),
        FaultSpec(kind: .network, target: TargetSelector(site: "near"), magnitude: 0.4, addedLatencySeconds: 0.05),
        FaultSpec(kind: .network, target: TargetSelector(site: "far"), magnitude: 1, durationSeconds: 60, repeatSeconds: 150),
        FaultSpec(kind: .straggler, target: TargetSelector(site: "far", hall: 1, rack: 1, replica: 1), magnitude: 4),
        FaultSpec(kind: .sensor, target: TargetSelector(site: "near", hall: 1, rack: 1), magnitude: 40),
        parsed("fault cooling site=far hall=1 magnitude=80% until=sites.far.h1.inlet_c_max>40C"),
    ]

    static func parsed(_ text: String) -> FaultSpec {
        guard case .fleet(.fault(let f))? = try? CommandParser.parse(text) else { fatalError("test fault does not parse: \(text)") }
        return f
    }

    @Test func everyFaultKindIsExercised() {
        #expect(Set(Self.faults.map(\.kind)) == Set(FaultKind.allCases))
        #expect(Self.faults.contains { $0.stopCondition != nil })
    }

    static func check(_ s: Snapshot, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(s.invariantViolations.isEmpty, "\(label): \(s.invariantViolations)", sourceLocation: sourceLocation)
        for c in s.classes {
            let rhs = c.completed + c.dropped + c.waiting + c.inFlight
            #expect(abs(c.arrived - rhs) <= 1e-6 * max(1, c.arrived), "\(label) \(c.requestClass.name) conservation",
                    sourceLocation: sourceLocation)
            for v in [c.ttft.p99, c.tpot.p99, c.e2e.p99, c.goodputRatio, c.kvUse, c.shedRatio] {
                #expect(v.isFinite && v >= 0, "\(label): \(v)", sourceLocation: sourceLocation)
            }
            #expect(c.goodputRatio <= 1 + 1e-9 && c.kvUse <= 1 + 1e-9, sourceLocation: sourceLocation)
        }
        for site in s.sites {
            #expect(site.utilization >= 0 && site.utilization <= 1, sourceLocation: sourceLocation)
            #expect(site.inletCMax >= 20 && site.inletCMax < 150, "\(label) \(site.name) inlet \(site.inletCMax)",
                    sourceLocation: sourceLocation)
            #expect(site.itPowerKW >= 0 && site.facilityPowerKW.isFinite, sourceLocation: sourceLocation)
        }
        for i in 0..<s.racks.count {
            #expect(s.racks.inletC[i].isFinite && s.racks.dieCMax[i].isFinite && s.racks.itPowerKW[i] >= 0,
                    sourceLocation: sourceLocation)
            #expect(s.racks.utilization[i] >= 0 && s.racks.utilization[i] <= 1, sourceLocation: sourceLocation)
        }
        #expect(s.totals.energyKWh.isFinite && s.totals.costUSD.isFinite && s.totals.usdPerMillionTokens.isFinite,
                sourceLocation: sourceLocation)
    }

    @Test(arguments: faults)
    func invariantsHoldUnderEachFaultKind(_ fault: FaultSpec) throws {
        let e = try SimTestSupport.engine(warm: 30)
        let result = e.apply(.fault(fault))
        guard case .applied = result else {
            Issue.record("\(fault.kind.rawValue) fault not applied: \(result)")
            return
        }
        for _ in 0..<6 {
            e.advance(seconds: 50)
            Self.check(e.snapshot(), fault.kind.rawValue)
        }
        e.apply(.repair(nil))
        e.advance(seconds: 30)
        Self.check(e.snapshot(), "\(fault.kind.rawValue) repaired")
    }

    @Test func invariantsHoldUnderAllFaultsAtOnceWithSurges() throws {
        var spec = SimTestSupport.quietTiny()
        spec.failures.enabled = true
        spec.failures.perGPUDay = 50
        let e = try SimTestSupport.engine(spec, warm: 30)
        for f in Self.faults { e.apply(.fault(f)) }
        e.apply(.surge(SurgeSpec(classes: RequestClass.allCases, factor: 4, rampSeconds: 30, durationSeconds: 200)))
        for _ in 0..<8 {
            e.advance(seconds: 40)
            Self.check(e.snapshot(), "all faults")
        }
    }

    @Test func littlesLawHoldsInSteadyState() throws {
        // Below saturation, so a request's time in system is short beside the 60-s window. One window
        // holds only tens of a small class's departures, so L and λW are summed over ten windows.
        var spec = SimTestSupport.quietTiny()
        for c in RequestClass.allCases { spec[c].ratePerSecond *= 0.3 }
        let e = try SimTestSupport.engine(spec, warm: 300)
        var inSystem = [Double](repeating: 0, count: 4), predicted = inSystem
        for _ in 0..<10 {
            e.advance(seconds: 60)
            for c in e.snapshot().classes {
                inSystem[c.requestClass.rawValue] += c.meanInSystem
                predicted[c.requestClass.rawValue] += c.departuresRPS * c.meanTimeInSystemSeconds
            }
        }
        for c in RequestClass.allCases {
            let l = inSystem[c.rawValue], lw = predicted[c.rawValue]
            #expect(l > 0)
            #expect(abs(lw - l) <= 0.05 * l, "\(c.name): L = \(l / 10), λW = \(lw / 10)")
        }
    }

    @Test func sameSeedGivesTheSameHistoryWhateverTheStepping() throws {
        let a = try FleetEngine(spec: SimTestSupport.quietTiny(), seed: 42)
        let b = try FleetEngine(spec: SimTestSupport.quietTiny(), seed: 42)
        a.advance(seconds: 90)
        for _ in 0..<9 { b.advance(seconds: 10); _ = b.snapshot() }
        let fault = FleetCommand.fault(FaultSpec(kind: .gpu, target: TargetSelector(site: "far", mode: .percent(0.25))))
        a.apply(fault); b.apply(fault)
        a.advance(seconds: 60); b.advance(seconds: 60)
        let sa = a.snapshot(), sb = b.snapshot()
        #expect(sa.tick == sb.tick)
        #expect(SnapshotReport.json(sa) == SnapshotReport.json(sb))
        #expect(sa.racks == sb.racks)
    }

    @Test func differentSeedsGiveDifferentHistories() throws {
        let a = try SimTestSupport.engine(seed: 1, warm: 60)
        let b = try SimTestSupport.engine(seed: 2, warm: 60)
        #expect(SnapshotReport.json(a.snapshot()) != SnapshotReport.json(b.snapshot()))
    }
}
