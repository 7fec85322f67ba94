import Testing
@testable import FleetSim

/// MODEL §8 stop conditions (`until=`): a fault reverts itself, as a repair would, once its metric crosses.
@Suite struct FaultStopConditionTests {
    static func fault(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> FleetCommand {
        try #require(try CommandParser.parse(text).fleetCommand, sourceLocation: sourceLocation)
    }

    /// What a "reverted" event reverted, or nil for any other event.
    static func revert(_ e: SimEvent) -> (kind: FaultKind, target: String, condition: String)? {
        if case .reverted(_, let kind, let target, let condition) = e.subject { (kind, target, condition) } else { nil }
    }

    @Test func rackFaultRevertsAtTheNextSecondAndCapacityReturns() throws {
        let e = try SimTestSupport.engine()
        let gpus = e.snapshot().totals.gpus
        e.advance(seconds: 0.5)
        e.apply(try Self.fault("fault rack site=near hall=1 rack=1 until=gpus_down_ratio>10%"))
        e.advance(seconds: 0.2)
        let during = e.snapshot()
        #expect(during.totals.gpusUp == gpus - 16)
        #expect(during.activeFaults.count == 1)
        e.advance(seconds: 0.4)
        let after = e.snapshot()
        #expect(after.totals.gpusUp == gpus)
        #expect(after.activeFaults.isEmpty)
        #expect(after.failures.rack == 1)
        let reverted = after.events.filter { Self.revert($0) != nil }
        #expect(reverted.count == 1)
        let what = Self.revert(reverted[0])
        #expect(what?.kind == .rack && what?.target == "near/h1/r01" && what?.condition == "gpus_down_ratio > 10%")
        #expect(reverted.first?.startSeconds == 61)
    }

    @Test func coolingFaultRevertsTheSecondItsConditionHolds() throws {
        let e = try SimTestSupport.engine()
        e.apply(try Self.fault("fault cooling site=near hall=1 magnitude=100% until=sites.near.h1.inlet_c_max>30C"))
        var metAt: Double?
        for _ in 0..<600 where metAt == nil {
            e.advance(seconds: 1)
            let s = e.snapshot()
            if (MetricPath.value(of: "sites.near.h1.inlet_c_max", in: s) ?? 0) > 30 { metAt = s.simTime }
        }
        let t = try #require(metAt, "inlet never passed 30 °C without cooling")
        #expect(e.snapshot().activeFaults.count == 1, "still active at the second the inlet crossed")
        #expect(e.snapshot().halls[0].coolingLoss == 1)
        e.advance(seconds: 1)
        let s = e.snapshot()
        #expect(s.activeFaults.isEmpty)
        #expect(s.halls[0].coolingLoss == 0)
        let event = s.events.first {
            Self.revert($0).map { $0.kind == .cooling && $0.target == "near/h1" && $0.condition == "sites.near.h1.inlet_c_max > 30 °C" } ?? false
        }
        #expect(event?.startSeconds == t)
        #expect(s.events.first { if case .fault(_, .cooling, _, _, _) = $0.subject { true } else { false } }?.endSeconds == t)
    }

    @Test func conditionThatNeverHoldsLeavesTheFaultActive() throws {
        let e = try SimTestSupport.engine()
        e.apply(try Self.fault("fault rack site=near hall=1 rack=1 until=gpus_down_ratio>90%"))
        e.advance(seconds: 120)
        let s = e.snapshot()
        #expect(s.activeFaults.map(\.kind) == [.rack])
        #expect(s.totals.gpusUp == s.totals.gpus - 16)
        #expect(!s.events.contains { Self.revert($0) != nil })
        #expect(SnapshotReport.json(s).contains("\"stop_condition\":\"gpus_down_ratio>90%\""))
    }

    @Test func revertCancelsRepeats() throws {
        let e = try SimTestSupport.engine()
        e.apply(try Self.fault("fault gpu site=near count=1 for=5s repeat=10s until=gpus_down_ratio>0.5%"))
        e.advance(seconds: 60)
        let s = e.snapshot()
        #expect(s.activeFaults.isEmpty)
        #expect(s.failures.gpu == 1)
    }

    @Test func unknownSiteOrHallIsRejected() throws {
        let e = try SimTestSupport.engine()
        for text in ["fault rack site=near until=sites.nowhere.gpus_up<1", "fault rack site=near until=sites.near.h3.gpus_up<1"] {
            let command = try Self.fault(text)
            let problem = try #require(e.validate(command))
            #expect(problem.message.hasPrefix("until=: no "), "\(problem)")
            guard case .rejected(let reason) = e.apply(command) else { Issue.record("applied: \(text)"); continue }
            #expect(reason == problem)
        }
        #expect(e.snapshot().activeFaults.isEmpty)
    }

    @Test func stopConditionsStayDeterministic() throws {
        func run() throws -> String {
            let e = try SimTestSupport.engine()
            e.apply(try Self.fault("fault cooling site=near hall=1 magnitude=100% until=sites.near.gpus_thermal_throttled>0"))
            e.apply(try Self.fault("fault sensor site=far magnitude=+30 until=fleet.gpus_thermal_throttled>0"))
            e.advance(seconds: 400)
            return SnapshotReport.json(e.snapshot())
        }
        #expect(try run() == run())
    }
}
