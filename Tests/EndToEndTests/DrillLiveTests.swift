import Foundation
import Testing

/// `fleettop watch --drill` in tmux: the check line fills in, the summary dialog gives the verdict,
/// and `y` saves the report as Markdown and JSON.
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed (.ci/run installs it)"))
struct DrillLiveTests {
    static let drill = """
    name: live rack loss
    fleet: tiny
    seed: 3
    duration: 30s
    steady_state:
      - metric: chat.ttft.p99
        below: 1ms
      - metric: gpus_down_ratio
        below: 90%
    method:
      - at: 10s
        fault: rack
        target: {site: far, rack: 1}
    rollback:
      - repair all
    """

    @Test func liveDrillShowsVerdictAndSavesTheReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-drill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("drill.yaml")
        try Self.drill.write(to: file, atomically: true, encoding: .utf8)
        let report = dir.appendingPathComponent("report").path
        let t = try TmuxSession(arguments: ["watch", "--drill", file.path, "--speed", "max", "--report", report],
                                width: 100, height: 30)
        let running = t.waitFor { $0.contains("· checks") && $0.contains("drill: live") }
        #expect(running.contains("step ") || running.contains("drill FAILED"), "drill line:\n\(running)")
        #expect(running.contains("drill: live"), "header:\n\(running)")
        let end = t.waitFor(timeout: 120) { $0.contains("Verdict:") }
        #expect(end.contains("drill ended"), "no summary dialog:\n\(end)")
        #expect(end.contains("Verdict: FAILED"), "verdict:\n\(end)")
        #expect(end.contains("✘ chat.ttft.p99 below 1 ms"), "failed check named:\n\(end)")
        #expect(end.contains("✔ gpus_down_ratio below 90%"), "passing check on the check line:\n\(end)")
        #expect(end.contains(report + ".md"), "the dialog shows where the report goes:\n\(end)")
        t.send("y")
        let saved = t.waitFor { $0.contains("saved ") }
        #expect(saved.contains("saved " + report))
        let json = try String(contentsOfFile: report + ".json", encoding: .utf8)
        #expect(json.contains("\"verdict\":\"failed\"") || json.contains("\"verdict\" : \"failed\""), "\(json.prefix(300))")
        #expect(FileManager.default.fileExists(atPath: report + ".md"))
        t.send("q")
        #expect(t.waitForExit() == 0)
        #expect(t.format("#{alternate_on}") == "0")
    }

    @Test func summaryDialogDefaultsToNotSaving() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-drill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("drill.yaml")
        try Self.drill.replacingOccurrences(of: "duration: 30s", with: "duration: 12s").write(to: file, atomically: true, encoding: .utf8)
        let report = dir.appendingPathComponent("report").path
        let t = try TmuxSession(arguments: ["watch", "--drill", file.path, "--speed", "max", "--report", report],
                                width: 160, height: 48)
        t.waitFor(timeout: 120) { $0.contains("Verdict:") }
        t.send("Enter")
        let after = t.waitFor { $0.contains("report not saved") }
        #expect(after.contains("report not saved"), "\(after)")
        #expect(!FileManager.default.fileExists(atPath: report + ".md"))
        t.send("q")
        #expect(t.waitForExit() == 0)
    }

    @Test func failedSaveKeepsTheDialogToRetryElsewhere() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-drill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("drill.yaml")
        try Self.drill.replacingOccurrences(of: "duration: 30s", with: "duration: 12s").write(to: file, atomically: true, encoding: .utf8)
        let t = try TmuxSession(arguments: ["watch", "--drill", file.path, "--speed", "max", "--report", dir.path + "/missing/r"],
                                width: 160, height: 48)
        t.waitFor(timeout: 120) { $0.contains("Verdict:") }
        t.send("y")
        let failed = t.waitFor { $0.contains("Not saved:") }
        #expect(failed.contains("Not saved: No such file or directory"), "\(failed)")
        #expect(failed.contains("Verdict:"), "the dialog stays open:\n\(failed)")
        #expect(!failed.contains("NSCocoaErrorDomain"))
        t.send("e")
        for _ in 0..<"missing/r".count { t.send("BSpace") }
        t.type("report")
        t.send("Enter")
        t.send("y")
        let saved = t.waitFor { $0.contains("saved ") }
        #expect(saved.contains("saved " + dir.path + "/report.md"), "\(saved)")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/report.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.hasSuffix(".tmp") })
        t.send("q")
        #expect(t.waitForExit() == 0)
    }
}
