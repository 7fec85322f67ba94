import Testing
@testable import FleetSim

/// Behaviour an operator expects from the fleet under faults and surges.
@Suite struct ScenarioTests {
    @Test func airHallCoolingLossThrottlesThenShutsDownAndRepairRecovers() throws {
        let e = try SimTestSupport.engine()
        e.apply(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "near", hall: 1), magnitude: 1)))
        var throttledAt: Double?, shutAt: Double?
        for _ in 0..<900 {
            e.advance(seconds: 1)
            let s = SimTestSupport.site(e.snapshot(), "near")
            if throttledAt == nil, s.gpusThermalThrottled > 0 { throttledAt = e.simTime }
            if shutAt == nil, s.gpusShutDown > 0 { shutAt = e.simTime; break }
        }
        let start = 60.0
        #expect(throttledAt != nil, "no throttling after 15 minutes without cooling")
        #expect((throttledAt ?? .infinity) - start < 300, "throttled after \(String(describing: throttledAt))")
        #expect(shutAt != nil, "no shutdown when cooling loss lasts")
        e.apply(.repair(TargetSelector(site: "near")))
        e.advance(seconds: 600)
        let after = SimTestSupport.site(e.snapshot(), "near")
        #expect(after.gpusUp == after.gpus, "\(after.gpusUp)/\(after.gpus) up after repair")
        #expect(after.gpusThermalThrottled == 0)
        #expect(after.inletCMax < 30)
    }

    @Test func gridCapBringsFacilityPowerUnderCapWithinSecondsAndSlowsPrefillFirst() throws {
        let e = try SimTestSupport.engine()
        let before = SimTestSupport.site(e.snapshot(), "near")
        e.apply(.fault(FaultSpec(kind: .powerCap, target: TargetSelector(site: "near"), magnitude: 0.6)))
        e.advance(seconds: 15)
        let s = SimTestSupport.site(e.snapshot(), "near")
        #expect(s.activeCapKW < before.facilityPowerKW, "cap \(s.activeCapKW) kW must bite below \(before.facilityPowerKW) kW")
        #expect(s.facilityPowerKW <= s.activeCapKW * 1.001, "facility \(s.facilityPowerKW) kW over cap \(s.activeCapKW) kW")
        let cap = try #require(s.governorCapW)
        let h100 = GPUSKU.h100.constants
        // The cap sits between decode and prefill power: prefill slows, decode does not.
        #expect(cap < h100.prefillW && cap >= h100.decodeW, "governor cap \(cap) W")
        let replica = e.topology.siteReplicas[0].lowerBound
        #expect(e.serving.speeds(replica: replica).prefill < 1)
        #expect(e.serving.speeds(replica: replica).decode == 1)
    }

    @Test func aCapHoveringAtItsLimitRaisesOneAlertThatClosesAfterTheHold() throws {
        let e = try SimTestSupport.engine()
        e.apply(.fault(FaultSpec(kind: .powerCap, target: TargetSelector(site: "near"), magnitude: 0.6)))
        let near = try #require(e.topology.siteNames.firstIndex(of: "near"))
        func capAlerts() -> [SimEvent] {
            e.snapshot().events.filter { if case .powerCap(let site, _, _) = $0.subject { site == near } else { false } }
        }
        e.advance(seconds: 300)
        #expect(capAlerts().count == 1, "one alert while the governor works at the cap: \(capAlerts().map(\.text))")
        #expect(capAlerts().first?.endSeconds == nil)
        let lowered = Int(e.spec.sites[near].gridLimitKW * 0.6)
        e.apply(.repair(TargetSelector(site: "near")))
        let repairedAt = e.simTime
        e.advance(seconds: 30)
        #expect(capAlerts().first?.endSeconds == nil, "still held 30 s after the cap stopped biting")
        // The limit lifted while the governor lets go: the event still names the limit that caused it.
        if case .powerCap(_, _, let limit)? = capAlerts().first?.subject { #expect(limit == lowered) }
        e.advance(seconds: e.spec.power.capAlertHoldSeconds)
        let closed = try #require(capAlerts().first?.endSeconds, "closed once the hold has passed")
        #expect(closed >= repairedAt && closed <= e.simTime - e.spec.power.capAlertHoldSeconds,
                "ends when the cap stopped biting, not when the hold ran out: \(closed)")
        #expect(capAlerts().count == 1)
    }

    @Test func lastMinuteTrafficShareFollowsRoutedRequestsAndFadesAfterAPartition() throws {
        var spec = SimTestSupport.quietTiny()
        for c in 0..<4 { spec.classes[c].ratePerSecond *= 0.3 }
        let e = try SimTestSupport.engine(spec, warm: 120)
        let before = e.snapshot()
        let total = before.sites.reduce(0) { $0 + $1.trafficShareLastMinute }
        #expect(abs(total - 1) < 1e-9, "window shares sum to \(total)")
        let nearBefore = SimTestSupport.site(before, "near").trafficShareLastMinute
        #expect(nearBefore > 0.05)
        e.apply(.fault(FaultSpec(kind: .network, target: TargetSelector(site: "near"), magnitude: 1)))
        e.advance(seconds: 20)
        let during = SimTestSupport.site(e.snapshot(), "near")
        #expect(during.trafficShare == 0, "the routing weight drops at once")
        #expect(during.trafficShareLastMinute > 0 && during.trafficShareLastMinute < nearBefore,
                "the last minute still holds the requests routed before: \(during.trafficShareLastMinute)")
        e.advance(seconds: 61)
        #expect(SimTestSupport.site(e.snapshot(), "near").trafficShareLastMinute == 0)
    }

    @Test func partitionedMetroSendsTrafficAwayAndTTFTRisesByAboutTheRTTDifference() throws {
        var spec = SimTestSupport.quietTiny()
        for c in 0..<4 { spec.classes[c].ratePerSecond *= 0.3 }
        let e = try SimTestSupport.engine(spec, warm: 120)
        let before = e.snapshot()
        e.apply(.fault(FaultSpec(kind: .network, target: TargetSelector(site: "near"), magnitude: 1)))
        e.advance(seconds: 120)
        let after = e.snapshot()
        #expect(SimTestSupport.site(after, "near").trafficShare == 0)
        #expect(SimTestSupport.site(after, "far").trafficShare > 0.99)
        let rise = after[.chat].ttft.p50 - before[.chat].ttft.p50
        let rttGap = (40.0 - 3.0) / 1000
        #expect(abs(rise - rttGap) < 0.5 * rttGap, "TTFT p50 rose \(rise) s, RTT gap \(rttGap) s")
        #expect(after[.chat].dropped == 0)
    }

    /// Against a control run on the same seed, so that the window filling up (a task longer than the
    /// run so far cannot have finished yet) cancels out: the surge lengthens chains, which slows the
    /// typical whole task far more than it slows any one call.
    @Test func agenticSurgeSlowsWholeTasksFarMoreThanCalls() throws {
        let spec = SimTestSupport.quietTiny()
        let surged = try SimTestSupport.engine(spec, warm: 900)
        let control = try SimTestSupport.engine(spec, warm: 900)
        surged.apply(.surge(SurgeSpec(classes: [.agentic], factor: 3)))
        surged.advance(seconds: 900)
        control.advance(seconds: 900)
        let s = surged.snapshot().agentic, c = control.snapshot().agentic
        let taskRise = s.taskE2E.p50 - c.taskE2E.p50
        let callRise = s.callP99Seconds - c.callP99Seconds
        #expect(s.callsPerTaskMean > 1.5 * c.callsPerTaskMean)
        #expect(taskRise > 0.25 * c.taskE2E.p50, "task p50 \(c.taskE2E.p50) → \(s.taskE2E.p50) s")
        #expect(taskRise > 3 * max(callRise, 0.1), "task p50 +\(taskRise) s vs call p99 +\(callRise) s")
    }

    @Test func losingARackMakesRetriesNeverLostRequests() throws {
        let e = try SimTestSupport.engine()
        let before = e.snapshot()
        e.apply(.fault(FaultSpec(kind: .rack, target: TargetSelector(site: "far", hall: 1, rack: 1))))
        e.advance(seconds: 60)
        let after = e.snapshot()
        let retried = after.classes.reduce(0) { $0 + $1.retried } - before.classes.reduce(0) { $0 + $1.retried }
        #expect(retried > 0)
        for c in after.classes { #expect(c.dropped == 0, "\(c.requestClass.name) dropped \(c.dropped)") }
        #expect(after.invariantViolations.isEmpty, "\(after.invariantViolations)")
        #expect(after.failures.rack == 1)
    }

    @Test func backgroundFailureRateMatchesConfigOverALongRun() throws {
        var knobs = FailureKnobs()
        knobs.perGPUDay = 20
        let drawer = BackgroundFailures(knobs: knobs, seed: 11)
        let gpus = 96, seconds = 200_000
        var count = 0, hardware = 0
        for s in 0..<seconds {
            let d = drawer.draws(second: UInt64(s), gpuCount: gpus, dt: 1)
            count += d.count
            hardware += d.filter { $0.cause.isHardware }.count
            for x in d { #expect(x.gpu >= 0 && x.gpu < gpus && x.repairSeconds > 0) }
        }
        let expected = Double(gpus) * 20 * Double(seconds) / 86_400
        #expect(abs(Double(count) - expected) < 4 * expected.squareRoot(), "\(count) failures, expected \(expected)")
        let share = Double(hardware) / Double(count)
        #expect(abs(share - (knobs.shareGPU + knobs.shareHBM + knobs.shareHost)) < 0.03, "hardware share \(share)")
    }

    @Test func backgroundFailuresReachTheSnapshotAndRepairsReturnCapacity() throws {
        var spec = SimTestSupport.quietTiny()
        spec.failures.enabled = true
        spec.failures.perGPUDay = 200
        spec.failures.rebootMedianSeconds = 60
        spec.failures.hardwareMedianSeconds = 60
        let e = try FleetEngine(spec: spec, seed: 3)
        e.apply(.repair(nil))
        e.advance(seconds: 1200)
        let s = e.snapshot()
        let events = s.failures.gpu + s.failures.rack + s.failures.network
        let expected = Double(spec.gpuCount) * 200 * 1200 / 86_400
        #expect(abs(Double(events) - expected) < 4 * expected.squareRoot(), "\(events) vs \(expected)")
        #expect(s.totals.gpusUp > s.totals.gpus / 2, "repairs must return capacity: \(s.totals.gpusUp) up")
        #expect(s.invariantViolations.isEmpty, "\(s.invariantViolations)")
    }
}
