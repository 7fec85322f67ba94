import Foundation
import Testing

/// Issue 14 in tmux: the tables and lists, per-fault repair, jump by name, the map filter, the
/// latency history, saving the screen, and seeking in a replay.
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed (.ci/run installs it)"))
struct ViewsLiveTests {
    @Test func tablesListsAndPerFaultRepair() throws {
        let t = try TmuxSession(arguments: ["--fleet", "tiny", "--seed", "5", "--speed", "10"], width: 124, height: 40)
        t.waitFor { $0.contains("fleet map") }
        t.send("2")
        // Wait for the rows too: a capture can land between the title and the rows of a frame.
        let racks = t.waitFor { $0.contains("racks ·") && $0.contains("by die °C") && $0.contains("state") }
        #expect(racks.contains("near/h1/r01") && racks.contains("state"), "rack table:\n\(racks)")
        t.send("o")
        let sorted = t.waitFor { $0.contains("by GPUs up") && $0.contains("near/h1/r01") }
        #expect(sorted.contains("by GPUs up"), "o sorts by the next column:\n\(sorted)")
        t.send("/")
        t.type("far")
        t.send("Enter")
        let filtered = t.waitFor { $0.contains("/far") && !$0.contains("near/h1/r01") }
        #expect(!filtered.contains("near/h1/r01"), "the filter keeps far's racks only:\n\(filtered)")

        t.send(":")
        t.type("fault rack site=far rack=1")
        t.send("Enter")
        let dialog = t.waitFor { $0.contains("inject fault?") && $0.contains("of the fleet)") }
        #expect(dialog.contains("takes down 1 rack:") && dialog.contains("of the fleet)"), "scope in numbers:\n\(dialog)")
        t.send("y")
        t.send(":")
        t.type("fault sensor site=near rack=1 magnitude=+20")
        t.send("Enter")
        t.waitFor { $0.contains("inject fault?") }
        t.send("y")
        t.send("5")
        let faults = t.waitFor { $0.contains("active faults") && $0.contains("sensor") && $0.contains("rack") }
        #expect(faults.contains("far/h1/r01"), "fault list:\n\(faults)")
        t.send("r")
        let repair = t.waitFor { $0.contains("repair?") && $0.contains("other faults stay") }
        #expect(repair.contains("other faults stay"), "per-fault repair dialog:\n\(repair)")
        t.send("y")
        let after = t.waitFor { $0.contains("active faults · 1") }
        #expect(after.contains("active faults · 1"), "one fault repaired, one left:\n\(after)")

        t.send("4")
        let alerts = t.waitFor { $0.contains("alerts ·") && $0.contains("fault") }
        #expect(alerts.contains("fault"), "alert list:\n\(alerts)")
        t.send("3")
        let gpus = t.waitFor { $0.contains("GPUs ·") && $0.contains("/g1") && $0.contains("clock") && $0.contains("KV") }
        #expect(gpus.contains("clock") && gpus.contains("KV"), "GPU table:\n\(gpus)")
        t.send("6")
        let history = t.waitFor { $0.contains("latency history") && $0.contains("chat TTFT p99") && $0.contains("last 5 m") }
        #expect(history.contains("last 5 m"), "latency history:\n\(history)")
        t.send("W")
        #expect(t.waitFor { $0.contains("last 15 m") }.contains("last 15 m"))
        t.send("q")
        #expect(t.waitForExit() == 0)
    }

    @Test func jumpMapFilterAndSavingTheScreen() throws {
        let t = try TmuxSession(arguments: ["--fleet", "demo", "--seed", "3"], width: 124, height: 40)
        t.waitFor { $0.contains("fleet map") }
        t.send("g")
        t.type("regional/h2/r4")
        t.send("Enter")
        let jumped = t.waitFor { $0.contains("selected regional/h2/r04") }
        #expect(jumped.contains("selected regional/h2/r04"), "jump:\n\(jumped)")
        t.send("/")
        t.type("metro-edge")
        t.send("Enter")
        let filtered = t.waitFor { $0.contains("/metro-edge (") && $0.contains("(32 racks)") }
        #expect(filtered.contains("(32 racks)"), "map filter:\n\(filtered)")
        t.send("w")
        let saved = t.waitFor { $0.contains("saved the screen to ") }
        let line = try #require(saved.components(separatedBy: "\n").first { $0.contains("saved the screen to ") })
        let path = String(line[line.range(of: "saved the screen to ")!.upperBound...]).trimmingCharacters(in: .whitespaces)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("fleet map") && text.contains("fleettop · demo"), "saved frame:\n\(text)")
        t.send("q")
        #expect(t.waitForExit() == 0)
    }

    @Test func replaySeeksBackAndForth() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("seek-\(UUID().uuidString.prefix(8)).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = [
            #"{"schema":"fleettop.recording/1","fleet":"tiny","seed":5,"tick_seconds":0.1}"#,
            #"{"tick":300,"command":"fault rack site=far rack=1"}"#,
            #"{"end_tick":1200}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let r = try TmuxSession(arguments: ["replay", path, "--speed", "max"], width: 200, height: 40)
        let end = r.waitFor(timeout: 60) { $0.contains("end of recording") && $0.contains("1/1 commands") }
        #expect(end.contains("00:02:00") && end.contains("1/1 commands"), "replay reached its end:\n\(end)")
        r.send("G")
        r.type("0:20")
        r.send("Enter")
        func header(_ screen: String) -> String { screen.components(separatedBy: "\n").first ?? "" }
        let back = r.waitFor(timeout: 60) { header($0).contains("at 0:20 of") && !header($0).contains("seeking") && $0.contains("0/1 commands") }
        #expect(header(back).contains("at 0:20 of") && back.contains("0/1 commands"), "seeking back to 0:20 undoes the fault at 0:30:\n\(back)")
        r.send("]")
        let forward = r.waitFor(timeout: 60) { header($0).contains("at 0:30 of") && !header($0).contains("seeking") && $0.contains("1/1 commands") }
        #expect(header(forward).contains("at 0:30 of") && forward.contains("1/1 commands"),
                "] steps 10 s forward, through the recorded fault:\n\(forward)")
        r.send("q")
        #expect(r.waitForExit() == 0)
    }
}
