import Foundation
import Synchronization
import Testing
@testable import FleetSim

/// The runner thread: publishing, commands at tick boundaries, pause and single step.
@Suite struct RunnerTests {
    final class Log: Sendable {
        let entries = Mutex<[(UInt64, SimCommand)]>([])
    }

    @Test func pausedRunnerStepsOnlyOnCommandAndReportsEachCommandWithItsTick() throws {
        let log = Log()
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 5, paused: true, snapshotInterval: 0.05,
                                   onCommandApplied: { tick, cmd in log.entries.withLock { $0.append((tick, cmd)) } })
        runner.start()
        defer { runner.stop() }
        let v0 = runner.hub.version
        runner.send(.step)
        runner.send(.step)
        let fault = SimCommand.fault(FaultSpec(kind: .rack, target: TargetSelector(site: "near", hall: 1, rack: 1)))
        runner.send(fault)
        var latest: Snapshot?
        var version = v0
        for _ in 0..<200 {
            guard let (s, v) = runner.hub.wait(after: version, timeout: 1) else { continue }
            latest = s; version = v
            if s.failures.rack == 1 && s.tick == 20 { break }
        }
        let s = try #require(latest)
        #expect(s.tick == 20, "two single steps of 1 s while paused")
        #expect(s.clock.paused)
        #expect(s.failures.rack == 1)
        let entries = log.entries.withLock { $0 }
        #expect(entries.map(\.0) == [0, 10, 20])
        #expect(entries.last?.1 == fault)
    }

    @Test func runnerHistoryEqualsTheHeadlessEngineGivenTheSameCommandsAtTheSameTicks() throws {
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 9, paused: true, snapshotInterval: 0.02)
        runner.start()
        let fault = SimCommand.fault(FaultSpec(kind: .gpu, target: TargetSelector(site: "far", mode: .count(5))))
        for _ in 0..<3 { runner.send(.step) }
        runner.send(fault)
        for _ in 0..<2 { runner.send(.step) }
        var latest: Snapshot?
        for _ in 0..<200 {
            if let (s, _) = runner.hub.wait(after: runner.hub.version, timeout: 0.1), s.tick == 50 { latest = s; break }
        }
        runner.stop()
        let fromRunner = try #require(latest)
        let engine = try FleetEngine(spec: SimTestSupport.quietTiny(), seed: 9)
        engine.advance(seconds: 3)
        engine.apply(fault)
        engine.advance(seconds: 2)
        #expect(SnapshotReport.json(fromRunner) == SnapshotReport.json(engine.snapshot()))
    }

    @Test func runningAtMaxSpeedPublishesAdvancingSnapshotsWithoutWaitingForReaders() throws {
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 5, speed: .max, snapshotInterval: 0.02)
        runner.start()
        let first = try #require(runner.hub.wait(after: runner.hub.version, timeout: 5))
        let second = try #require(runner.hub.wait(after: first.version, timeout: 5))
        runner.send(.pause)
        runner.requestSnapshot()
        runner.stop()
        #expect(second.snapshot.tick > first.snapshot.tick)
        #expect(second.snapshot.clock.speed == .max)
    }

    @Test func unknownSiteIsRejectedWithAReason() throws {
        let reasons = Mutex<[String]>([])
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 1, paused: true,
                                   onCommandRejected: { _, why in reasons.withLock { $0.append(why) } })
        runner.start()
        runner.send(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "mars"))))
        for _ in 0..<100 where reasons.withLock({ $0.isEmpty }) { _ = runner.hub.wait(after: runner.hub.version, timeout: 0.05) }
        runner.stop()
        let why = reasons.withLock { $0.first } ?? ""
        #expect(why.contains("unknown site 'mars'") && why.contains("near, far"), "\(why)")
    }

    @Test("right after a speed change the achieved rate is not yet known, so the header shows no stale ×1.0 achieved")
    func achievedRateStartsAfreshAfterASpeedChange() throws {
        let runner = try SimRunner(spec: SimTestSupport.quietTiny(), seed: 5, speed: .times(1), snapshotInterval: 0.05)
        runner.start()
        defer { runner.stop() }
        var version = runner.hub.version
        var seen = false
        for _ in 0..<100 where !seen {
            guard let (s, v) = runner.hub.wait(after: version, timeout: 1) else { continue }
            version = v
            seen = s.clock.achievedRealtimeFactor > 0
        }
        #expect(seen, "the rate is measured at a steady speed")
        runner.send(.speed(.times(60)))
        runner.requestSnapshot()
        for _ in 0..<100 {
            guard let (s, v) = runner.hub.wait(after: version, timeout: 1) else { continue }
            version = v
            if s.clock.speed == .times(60) {
                #expect(s.clock.achievedRealtimeFactor == 0)
                break
            }
        }
    }
}
