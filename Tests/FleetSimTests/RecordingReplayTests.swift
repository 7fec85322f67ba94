import Foundation
import Testing
@testable import FleetSim

@Suite("Record and replay")
struct RecordingReplayTests {
    /// Commands an operator might improvise on the tiny fleet, at the ticks they applied at.
    static let script: [(UInt64, SimCommand)] = [
        (25, .clock(.speed(.times(10)))),
        (120, .fleet(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "near", hall: 1), magnitude: 0.8, rampSeconds: 20)))),
        (300, .fleet(.surge(SurgeSpec(classes: [.agentic], factor: 3, rampSeconds: 10)))),
        (455, .fleet(.fault(FaultSpec(kind: .rack, target: TargetSelector(site: "far", rack: 1), durationSeconds: 30)))),
        (610, .fleet(.repair(TargetSelector(site: "near")))),
        (700, .fleet(.fault(FaultSpec(kind: .network, target: TargetSelector(site: "far"), magnitude: 0.1, addedLatencySeconds: 0.02)))),
    ]
    static let endTick: UInt64 = 900

    static func expectIdentical(_ a: Snapshot, _ b: Snapshot, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.tick == b.tick, sourceLocation: sourceLocation)
        #expect(a.totals == b.totals, sourceLocation: sourceLocation)
        #expect(a.sites == b.sites, sourceLocation: sourceLocation)
        #expect(a.halls == b.halls, sourceLocation: sourceLocation)
        #expect(a.racks == b.racks, sourceLocation: sourceLocation)
        #expect(a.classes == b.classes, sourceLocation: sourceLocation)
        #expect(a.agentic == b.agentic, sourceLocation: sourceLocation)
        #expect(a.failures == b.failures, sourceLocation: sourceLocation)
        #expect(a.events == b.events, sourceLocation: sourceLocation)
        #expect(a.history == b.history, sourceLocation: sourceLocation)
    }

    @Test func replayIsBitIdentical() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-replay-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var original = try FleetEngine(spec: .tiny, seed: 42)
        let recorder = try SessionRecorder(path: path, fleet: "tiny", seed: 42)
        for (tick, command) in Self.script {
            original.advance(toTick: tick)
            original.perform(command)
            recorder.record(tick: original.tick, command: command)
        }
        original.advance(toTick: Self.endTick)
        recorder.close(endTick: original.tick)

        let recording = try SessionRecording.load(path: path)
        #expect(recording.entries.map(\.tick) == Self.script.map(\.0))
        var replayed = try FleetEngine(spec: .tiny, seed: recording.seed)
        SessionReplay.replay(recording, into: &replayed)
        Self.expectIdentical(original.currentSnapshot(), replayed.currentSnapshot())
    }

    @Test func aDifferentTickChangesTheHistory() throws {
        let recording = SessionRecording(fleet: "tiny", seed: 42, entries: Self.script.map { .init(tick: $0.0, command: $0.1) },
                                         endTick: Self.endTick)
        var shifted = recording
        shifted.entries[1].tick += 50
        var a = try FleetEngine(spec: .tiny, seed: 42)
        var b = try FleetEngine(spec: .tiny, seed: 42)
        SessionReplay.replay(recording, into: &a)
        SessionReplay.replay(shifted, into: &b)
        #expect(a.tick == b.tick)
        #expect(a.currentSnapshot().halls != b.currentSnapshot().halls)
    }

    @Test func scheduleHandsOutCommandsByTick() {
        var replay = SessionReplay(SessionRecording(fleet: "tiny", seed: 1,
                                                    entries: Self.script.map { .init(tick: $0.0, command: $0.1) }))
        #expect(replay.due(atTick: 24).isEmpty)
        #expect(replay.due(atTick: 120) == [Self.script[0].1, Self.script[1].1])
        #expect(replay.nextTick == 300)
        #expect(replay.due(atTick: 10_000).count == 4)
        #expect(replay.isFinished)
    }
}
