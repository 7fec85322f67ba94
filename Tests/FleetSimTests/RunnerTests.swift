import Foundation
import Synchronization
import Testing
@testable import FleetSim

/// The runner: publishing, commands at tick boundaries, pause and single step, pacing and the
/// suspended clock. On a `ManualRunnerClock`, so each test says how much time passes.
@Suite struct RunnerTests {
    final class Log: Sendable {
        let entries = Mutex<[(UInt64, SimCommand)]>([])
    }

    @Test func pausedRunnerStepsOnlyOnCommandAndReportsEachCommandWithItsTick() throws {
        let log = Log()
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 5, paused: true, snapshotInterval: 0.05,
                                   onCommandApplied: { tick, cmd in log.entries.withLock { $0.append((tick, cmd)) } },
                                   clock: ManualRunnerClock())
        runner.advanceTime(by: 0.5)
        #expect(runner.tick == 0, "paused: time passing steps nothing")
        runner.send(.clock(.step))
        runner.send(.clock(.step))
        let fault = SimCommand.fleet(.fault(FaultSpec(kind: .rack, target: TargetSelector(site: "near", hall: 1, rack: 1))))
        runner.send(fault)
        runner.advanceTime(by: 0)
        let s = try #require(runner.hub.latest)
        #expect(s.tick == 20, "two single steps of 1 s while paused")
        #expect(s.clock.paused)
        #expect(s.failures.rack == 1)
        let entries = log.entries.withLock { $0 }
        #expect(entries.map(\.0) == [0, 10, 20])
        #expect(entries.last?.1 == fault)
    }

    @Test func runnerHistoryEqualsTheHeadlessEngineGivenTheSameCommandsAtTheSameTicks() throws {
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 9, paused: true, snapshotInterval: 0.02,
                                   clock: ManualRunnerClock())
        let fault = FleetCommand.fault(FaultSpec(kind: .gpu, target: TargetSelector(site: "far", mode: .count(5))))
        for _ in 0..<3 { runner.send(.clock(.step)) }
        runner.send(.fleet(fault))
        for _ in 0..<2 { runner.send(.clock(.step)) }
        runner.advanceTime(by: 0)
        runner.stop()
        let fromRunner = try #require(runner.hub.latest)
        #expect(fromRunner.tick == 50)
        let engine = try FleetEngine(spec: SimTestSupport.quietTiny(), seed: 9)
        engine.advance(seconds: 3)
        engine.apply(fault)
        engine.advance(seconds: 2)
        #expect(SnapshotReport.json(fromRunner) == SnapshotReport.json(engine.snapshot()))
    }

    @Test func runningAtMaxSpeedPublishesAdvancingSnapshotsWithoutWaitingForReaders() throws {
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 5, speed: .max, snapshotInterval: 0.02,
                                   clock: ManualRunnerClock(batchCost: 0.001))
        let v0 = runner.hub.version
        runner.advanceTime(by: 0.02)
        let first = try #require(runner.hub.latest)
        let v1 = runner.hub.version
        runner.advanceTime(by: 0.02)
        let second = try #require(runner.hub.latest)
        #expect(v1 > v0 && runner.hub.version > v1, "a snapshot every 0.02 s")
        #expect(first.tick >= 190, "one physics step (10 ticks) per 0.001 s batch: \(first.tick)")
        #expect(second.tick - first.tick >= 190)
        #expect(second.clock.speed == .max)
    }

    @Test func atTimesTenTheRunnerSimulatesTenSecondsPerSecondOfClock() throws {
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 5, speed: .times(10), snapshotInterval: 0.25,
                                   clock: ManualRunnerClock())
        runner.advanceTime(by: 3)
        #expect((299...300).contains(runner.tick), "30 simulated seconds: \(runner.tick)")
        let s = try #require(runner.hub.latest)
        #expect(abs(s.clock.achievedRealtimeFactor - 10) < 0.5, "\(s.clock.achievedRealtimeFactor)")
    }

    @Test func unknownSiteIsRejectedWithAReason() throws {
        let reasons = Mutex<[Diagnostic]>([])
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 1, paused: true,
                                   onCommandRejected: { _, why in reasons.withLock { $0.append(why) } },
                                   clock: ManualRunnerClock())
        runner.send(.fleet(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "mars")))))
        runner.advanceTime(by: 0)
        runner.stop()
        let why = try #require(reasons.withLock { $0.first })
        #expect(why.message == "unknown site 'mars' (sites: near, far)", "\(why)")
    }

    @Test("right after a speed change the achieved rate is not yet known, so the header shows no stale ×1.0 achieved")
    func achievedRateStartsAfreshAfterASpeedChange() throws {
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 5, speed: .times(1), snapshotInterval: 0.25,
                                   clock: ManualRunnerClock())
        runner.advanceTime(by: 2)
        let steady = try #require(runner.hub.latest)
        #expect(abs(steady.clock.achievedRealtimeFactor - 1) < 0.1, "measured at a steady ×1: \(steady.clock.achievedRealtimeFactor)")
        runner.send(.clock(.speed(.times(60))))
        runner.requestSnapshot()
        runner.advanceTime(by: 0)
        let changed = try #require(runner.hub.latest)
        #expect(changed.clock.speed == .times(60))
        #expect(changed.clock.achievedRealtimeFactor == 0)
        runner.advanceTime(by: 2)
        let later = try #require(runner.hub.latest)
        #expect(abs(later.clock.achievedRealtimeFactor - 60) < 3, "\(later.clock.achievedRealtimeFactor)")
    }

    @Test("a suspended clock (Ctrl-Z) runs no tick, and on resume the run goes on without a jump")
    func suspendedClockStopsTheSimulationWithoutAJump() throws {
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 5, speed: .times(60), snapshotInterval: 0.25,
                                   clock: ManualRunnerClock())
        runner.advanceTime(by: 1)
        let before = runner.tick
        #expect((599...600).contains(before))
        let version = runner.hub.version
        runner.suspendClock()
        #expect(runner.clock.isSuspended)
        runner.advanceTime(by: 3600)
        #expect(runner.tick == before, "an hour suspended runs nothing")
        #expect(runner.hub.version == version, "and publishes nothing")
        runner.resumeClock()
        runner.advanceTime(by: 0)
        #expect(runner.tick - before <= 1, "no time owed for the suspension: \(runner.tick - before) ticks")
        runner.advanceTime(by: 1)
        #expect((1199...1201).contains(runner.tick), "×60 goes on as before: \(runner.tick)")
    }

    @Test func aSuspendableClockStandsStillWhileSuspended() {
        let base = ManualRunnerClock()
        let clock = SuspendableClock(base: base)
        base.set(to: 5)
        clock.suspend()
        base.set(to: 65)
        #expect(clock.now == 5)
        clock.resume()
        base.set(to: 66)
        #expect(abs(clock.now - 6) < 1e-9)
    }

    @Test("on the wall clock the runner's own thread applies commands, publishes and stops")
    func threadedRunnerAppliesCommandsAndStops() throws {
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 5, paused: true, snapshotInterval: 0.05)
        runner.start()
        var version = runner.hub.version
        runner.send(.clock(.step))
        // A bound against hanging, not a timing check: the snapshot after the step comes when it comes.
        var latest: Snapshot?
        for _ in 0..<600 where latest?.tick != 10 {
            guard let (s, v) = runner.hub.wait(after: version, timeout: 0.5) else { continue }
            latest = s
            version = v
        }
        runner.stop()
        runner.stop()
        #expect(latest?.tick == 10)
        #expect(runner.tick == 10)
    }
}
