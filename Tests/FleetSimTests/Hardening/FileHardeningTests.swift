import Foundation
import Testing
@testable import FleetSim

/// Issue 13: nothing written or read is lost without a word — recordings survive a cut-short last
/// line and CRLF, are read in linear time, write failures are reported, reports are whole or absent.
@Suite("Files: nothing lost quietly")
struct FileHardeningTests {
    static let header = SessionRecording.headerLine(fleet: "tiny", seed: 7)

    static func recordingText(commands: Int) -> String {
        var lines = [header]
        for i in 0..<commands { lines.append(SessionRecording.commandLine(tick: UInt64(i), command: .clock(.pause))) }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func cutShortLastLineIsSkippedWithAWarning() throws {
        let text = Self.recordingText(commands: 128) + "{\"tick\":200,\"comm"
        let r = try SessionRecording.parse(jsonLines: text, file: "cut.jsonl")
        #expect(r.entries.count == 128)
        #expect(r.warnings.count == 1 && r.warnings[0].contains("cut.jsonl:130"), "\(r.warnings)")
    }

    @Test func brokenLineInTheMiddleIsStillAnError() {
        let text = Self.header + "\n{\"tick\":1,\"comm\n" + SessionRecording.commandLine(tick: 2, command: .clock(.pause)) + "\n"
        #expect(throws: Diagnostic.self) { try SessionRecording.parse(jsonLines: text, file: "bad.jsonl") }
    }

    @Test func crlfLineEndsAreAccepted() throws {
        let text = Self.recordingText(commands: 3).replacingOccurrences(of: "\n", with: "\r\n")
        let r = try SessionRecording.parse(jsonLines: text, file: "crlf.jsonl")
        #expect(r.entries.count == 3 && r.warnings.isEmpty)
    }

    @Test func readingIsLinear() throws {
        let text = Self.recordingText(commands: 20_000)
        let start = Date()
        let r = try SessionRecording.parse(jsonLines: text, file: "big.jsonl")
        #expect(r.entries.count == 20_000)
        #expect(Date().timeIntervalSince(start) < 10, "20,000 lines took \(Date().timeIntervalSince(start)) s")
    }

    @Test func recorderOnAFullDiskSaysSo() {
        do {
            _ = try SessionRecorder(path: "/dev/full", fleet: "tiny", seed: 7)
            Issue.record("no error on /dev/full")
        } catch {
            #expect(error.reason.contains("No space left"), "\(error)")
        }
    }

    @Test func recorderInAMissingFolderSaysSo() {
        #expect(throws: FileWriteError(path: "/nonexistent-fleettop/rec.jsonl", reason: "No such file or directory")) {
            try SessionRecorder(path: "/nonexistent-fleettop/rec.jsonl", fleet: "tiny", seed: 7)
        }
    }

    @Test func failedAtomicWriteLeavesNoTemporaryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("report.md")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true)
        #expect(throws: FileWriteError.self) { try AtomicFile.write(Data("x".utf8), to: blocker.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.md"])
        #expect(throws: FileWriteError.self) { try AtomicFile.write(Data("x".utf8), to: dir.path + "/missing/report.md") }
    }

    @Test func atomicWriteReplacesTheFileWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-atomic-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try AtomicFile.write(Data("old".utf8), to: path)
        try DrillReportWriter.writeAtomically(String(repeating: "new ", count: 10_000), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8).count == 40_000)
    }
}
