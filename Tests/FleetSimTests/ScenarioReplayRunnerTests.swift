import Foundation
import Testing
@testable import FleetSim

/// Record a live run (a drill plus a command sent by hand) through `SessionRecorder`, then replay the
/// file headless and live: the final snapshot is bit-identical (same JSON, clock aside).
@Suite("Record and replay through the runner", .serialized)
struct ScenarioReplayRunnerTests {
    /// The snapshot JSON with the wall-clock part (speed, paused, achieved rate) set to one value.
    static func json(_ s: Snapshot) -> String {
        var copy = s
        copy.clock = ClockState(speed: .max, paused: false, achievedRealtimeFactor: 0)
        return SnapshotReport.json(copy)
    }

    @Test func recordThenReplayGivesTheSameFinalSnapshot() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-live-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let drill = try DrillFile.parse(yaml: ScenarioDrillRunnerTests.drillYAML, file: "test.yaml")
        let recorder = try SessionRecorder(path: path, fleet: "tiny", seed: drill.seed)
        let scenario = ScenarioDrill(drill: drill)
        let runner = try SimRunner(spec: .tiny, seed: drill.seed, speed: .max,
                                   onCommandApplied: { tick, command in recorder.record(tick: tick, command: command) },
                                   scenario: scenario, clock: ManualRunnerClock())
        runner.advanceTime(by: 0.015)
        #expect(runner.tick >= 150)
        runner.send(.fleet(.fault(FaultSpec(kind: .rack, target: TargetSelector(site: "far", rack: 1), durationSeconds: 20))))
        runner.advanceTime(by: 1)
        #expect(scenario.status.report != nil)
        runner.requestSnapshot()
        runner.advanceTime(by: 0)
        #expect(runner.hub.latest?.clock.paused == true)
        runner.stop()
        recorder.close(endTick: runner.tick)
        let original = try #require(runner.hub.latest)
        #expect(original.tick == 600)

        let recording = try SessionRecording.load(path: path)
        #expect(recording.endTick == 600)
        #expect(recording.entries.contains { if case .fleet(.fault(let f)) = $0.command { f.kind == .rack } else { false } })
        var headless = try FleetEngine(spec: .tiny, seed: recording.seed)
        SessionReplay.replay(recording, into: &headless)
        #expect(Self.json(headless.currentSnapshot()) == Self.json(original))

        let replay = ScenarioReplay(recording)
        let replayRunner = try SimRunner(spec: .tiny, seed: recording.seed, speed: .max, scenario: replay,
                                         clock: ManualRunnerClock())
        replayRunner.advanceTime(by: 1)
        #expect(replay.status.finished)
        replayRunner.requestSnapshot()
        replayRunner.advanceTime(by: 0)
        #expect(replayRunner.hub.latest?.clock.paused == true)
        replayRunner.stop()
        let replayed = try #require(replayRunner.hub.latest)
        #expect(replayed.tick == 600)
        #expect(Self.json(replayed) == Self.json(original))
        #expect(replay.status.applied == replay.status.total)
    }
}

/// Seeking in a replay: forward on the same runner, back on a fresh one; both hold at the target
/// and give the recording's history.
@Suite("Replay seeking", .serialized)
struct ReplaySeekTests {
    static func recording() throws -> SessionRecording {
        let fault = SimCommand.fleet(.fault(FaultSpec(kind: .rack, target: TargetSelector(site: "far", rack: 1))))
        let text = [SessionRecording.headerLine(fleet: "tiny", seed: 3),
                    SessionRecording.commandLine(tick: 100, command: fault),
                    SessionRecording.endLine(tick: 400)].joined(separator: "\n")
        return try SessionRecording.parse(jsonLines: text, file: "seek.jsonl")
    }

    @Test("a replay started with seekTo holds there and restores the pace")
    func seekToHolds() throws {
        let replay = ScenarioReplay(try Self.recording(), seekTo: 250, pace: .times(5))
        let runner = try SimRunner(spec: .tiny, seed: 3, speed: .max, scenario: replay, clock: ManualRunnerClock())
        runner.advanceTime(by: 1)
        #expect(replay.status.seekTick == nil)
        runner.requestSnapshot()
        runner.advanceTime(by: 0)
        #expect(runner.hub.latest?.clock.paused == true)
        #expect(runner.hub.latest?.clock.speed == .times(5))
        runner.stop()
        let s = try #require(runner.hub.latest)
        #expect(s.tick == 250)
        #expect(replay.status.applied == 1)
        #expect(s.activeFaults.count == 1)
    }

    @Test("seeking forward on a running replay stops at the target, not at the next command")
    func seekForward() throws {
        let replay = ScenarioReplay(try Self.recording(), pace: .times(1))
        let runner = try SimRunner(spec: .tiny, seed: 3, speed: .times(1), scenario: replay, clock: ManualRunnerClock())
        runner.start()
        replay.seek(to: 60, pace: .times(1))
        runner.scenarioChanged()
        runner.send(.clock(.speed(.max)))
        runner.advanceTime(by: 1)
        #expect(replay.status.seekTick == nil)
        runner.requestSnapshot()
        runner.advanceTime(by: 0)
        #expect(runner.hub.latest?.clock.paused == true)
        #expect(runner.hub.latest?.clock.speed == .times(1))
        runner.stop()
        #expect(runner.hub.latest?.tick == 60)
        #expect(replay.status.applied == 0)
    }
}
