import Foundation
import Testing
@testable import FleetSim

/// Issue 13: a device, a pipe, a folder or a huge file named as a fleet, drill or recording is
/// refused with the reason in words, never read forever or reported as "no permission".
@Suite("Reading user files")
struct TextFileTests {
    @Test(arguments: [("/dev/null", "not a regular file"), ("/dev/zero", "not a regular file"), ("/tmp", "folder"),
                      ("/nonexistent-fleettop.yaml", "No such file")])
    func unreadableFilesSayWhy(_ path: String, _ reason: String) {
        do {
            _ = try TextFile.read(path, limit: TextFile.settingsLimit)
            Issue.record("read \(path)")
        } catch {
            #expect(error.reason.contains(reason), "\(error)")
        }
        #expect(throws: Diagnostic.self) { try FleetFile.load(path: path) }
        #expect(throws: Diagnostic.self) { try SessionRecording.load(path: path) }
    }

    @Test func fileOverTheLimitIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-big-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x61, count: TextFile.settingsLimit + 1).write(to: URL(fileURLWithPath: path))
        do {
            _ = try FleetFile.load(path: path)
            Issue.record("read a file over the limit")
        } catch {
            #expect("\(error)".contains("more than the 1 MB"), "\(error)")
        }
    }
}
