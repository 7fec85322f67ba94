import Foundation
import Testing
@testable import FleetSim

@Suite("Recording files and drill conversion")
struct RecordingFileTests {
    static let sample = SessionRecording(fleet: "tiny", seed: 42, entries: [
        .init(tick: 0, command: .clock(.speed(.times(10)))),
        .init(tick: 305, command: .fleet(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "near", hall: 1),
                                                          magnitude: 0.6, durationSeconds: 600)))),
        .init(tick: 900, command: .fleet(.surge(SurgeSpec(classes: [.agentic], factor: 3, rampSeconds: 60)))),
        .init(tick: 1500, command: .fleet(.repair(nil))),
    ], endTick: 2400)

    @Test func jsonLinesRoundTrip() throws {
        let text = Self.sample.jsonLines
        #expect(text.hasPrefix(#"{"fleet":"tiny","schema":"fleettop.recording/1","seed":42,"tick_seconds":0.1}"#))
        #expect(text.contains(#"{"command":"fault cooling site=near hall=1 magnitude=60% for=10m","tick":305}"#))
        #expect(try SessionRecording.parse(jsonLines: text, file: "r.jsonl") == Self.sample)
    }

    @Test func recorderWritesWhatItIsTold() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-rec-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorder = try SessionRecorder(path: path, fleet: "tiny", seed: 42)
        for e in Self.sample.entries { recorder.record(tick: e.tick, command: e.command) }
        recorder.close(endTick: 2400)
        #expect(try SessionRecording.load(path: path) == Self.sample)
    }

    @Test(arguments: [
        ("", "r.jsonl: header: the recording is empty"),
        ("{\"tick\":1,\"command\":\"pause\"}\n",
         #"r.jsonl:1: header: the first line must be the recording header — expected {"fleet":"demo","schema":"fleettop.recording/1","seed":7,"tick_seconds":0.1}"#),
        ("{\"schema\":\"fleettop.recording/9\",\"fleet\":\"demo\",\"seed\":1,\"tick_seconds\":0.1}\n",
         "r.jsonl:1: schema: unsupported recording format 'fleettop.recording/9' — expected fleettop.recording/1"),
        (SessionRecording.headerLine(fleet: "demo", seed: 1) + "\n{\"tick\":5,\"command\":\"fault cooler\"}\n",
         "r.jsonl:2: command: column 7: unknown fault kind 'cooler' — expected one of gpu, rack, cooling, power-cap, network, straggler, sensor"),
        (SessionRecording.headerLine(fleet: "demo", seed: 1) + "\n{\"tick\":5,\"command\":\"pause\"}\n{\"tick\":4,\"command\":\"resume\"}\n",
         "r.jsonl:3: tick: tick 4 is earlier than the previous command's tick 5"),
        (SessionRecording.headerLine(fleet: "demo", seed: 1) + "\nnot json\n",
         #"r.jsonl:2: not a JSON object — expected {"command":"repair all","tick":0}"#),
    ])
    func badRecordings(text: String, message: String) {
        do {
            _ = try SessionRecording.parse(jsonLines: text, file: "r.jsonl")
            Issue.record("accepted a bad recording")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func convertsToADrillThatParses() throws {
        let yaml = SessionRecordingDrill.yaml(from: Self.sample, name: "improvised \"hot\" hall", source: "r.jsonl")
        let drill = try DrillFile.parse(yaml: yaml, file: "converted.yaml")
        #expect(drill.name == "improvised \"hot\" hall")
        #expect(drill.fleet == "tiny")
        #expect(drill.seed == 42)
        #expect(drill.durationSeconds == 240)
        #expect(drill.method.map(\.atSeconds) == [30.5, 90, 150])
        #expect(drill.method.map(\.command) == Self.sample.entries.dropFirst().map(\.command))
        #expect(drill.steadyState.map(\.text) == ["chat.ttft.p99 below 2 s", "goodput above 95%"])
        #expect(drill.rollback == [.fleet(.repair(nil))])
    }

    @Test func yamlWriterRoundTripsADrill() throws {
        let original = try DrillFile.parse(yaml: DrillFileTests.good, file: "good.yaml")
        let again = try DrillFile.parse(yaml: DrillYAMLWriter.yaml(original), file: "again.yaml")
        #expect(again.name == original.name)
        #expect(again.description == original.description)
        #expect(again.durationSeconds == original.durationSeconds)
        #expect(again.method.map(\.command) == original.method.map(\.command))
        #expect(again.method.map(\.atSeconds) == original.method.map(\.atSeconds))
        #expect(again.steadyState.map(\.text) == original.steadyState.map(\.text))
        #expect(again.steadyState.map(\.threshold) == original.steadyState.map(\.threshold))
        #expect(again.steadyState.map(\.toleranceSeconds) == original.steadyState.map(\.toleranceSeconds))
        #expect(again.stopWhen.map(\.threshold) == original.stopWhen.map(\.threshold))
        #expect(again.rollback == original.rollback)
    }
}
