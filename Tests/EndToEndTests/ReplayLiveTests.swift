import Foundation
import Testing

/// `watch --record` then `fleettop replay` in tmux: the fault injected by hand is in the recording,
/// and the replay shows it in the events panel, says REPLAY, and refuses new injections.
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed (.ci/run installs it)"))
struct ReplayLiveTests {
    @Test func recordThenReplayShowsTheRecordedFault() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-rec-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let t = try TmuxSession(arguments: ["watch", "--fleet", "tiny", "--seed", "5", "--speed", "10", "--record", path],
                                width: 160, height: 48)
        t.waitFor { $0.contains("fleet map") }
        t.send(":")
        t.type("fault rack site=far rack=1")
        t.send("Enter")
        t.waitFor { $0.contains("Yes") }
        t.send("y")
        let injected = t.waitFor { $0.contains("rack failure far/h1/r01") }
        #expect(injected.contains("rack failure far/h1/r01"), "fault not in events:\n\(injected)")
        t.send("q")
        #expect(t.waitForExit() == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"command\":\"fault rack site=far rack=1\""), "\(text)")
        #expect(text.contains("\"end_tick\""), "end line written on quit:\n\(text)")

        let r = try TmuxSession(arguments: ["replay", path, "--speed", "max"], width: 160, height: 48)
        let replay = r.waitFor(timeout: 60) { $0.contains("REPLAY") && $0.contains("rack failure far/h1/r01") && $0.contains("end of recording") }
        #expect(replay.contains("REPLAY"), "header:\n\(replay)")
        #expect(replay.contains("rack failure far/h1/r01"), "recorded fault not replayed:\n\(replay)")
        #expect(replay.contains("end of recording"))
        r.send("f")
        let refused = r.waitFor { $0.contains("refused while replaying") }
        #expect(refused.contains("injections are refused while replaying"), "\(refused)")
        r.send("q")
        #expect(r.waitForExit() == 0)
    }

    @Test func signalStillWritesTheEndLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-rec-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let t = try TmuxSession(arguments: ["watch", "--fleet", "tiny", "--record", path], width: 100, height: 30)
        t.waitFor { $0.contains("fleet map") }
        let pid = try #require(t.programPID())
        kill(pid, SIGTERM)
        #expect(t.waitForExit() == 128 + SIGTERM)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").last?.hasPrefix("{\"end_tick\":") == true, "\(text)")
    }
}
