import Foundation
import Testing

/// Golden canvases: the text a test expects a panel to draw lives in `Fixtures/Golden/<name>.txt`,
/// one canvas row per line (trailing blanks trimmed), instead of an array typed into the test.
///
/// When a drawing changes on purpose, re-record the files from what the code draws now and review
/// the diff before committing:
///
///     FLEETTOP_RECORD_GOLDEN=1 swift test --filter PanelRenderTests
///
/// While recording, every compared canvas is written and reported as an issue (so a run with the
/// variable left set never passes silently); run again without it to check.
enum Golden {
    /// The environment variable that turns comparing into recording.
    static let recordVariable = "FLEETTOP_RECORD_GOLDEN"

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden", isDirectory: true)

    static var recording: Bool {
        ProcessInfo.processInfo.environment[recordVariable].map { !$0.isEmpty && $0 != "0" } ?? false
    }

    /// Compares `lines` with the golden file `name`, row by row, naming the first row that differs;
    /// records the file instead when `FLEETTOP_RECORD_GOLDEN` is set.
    static func expect(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent("\(name).txt")
        if recording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url, options: .atomic)
                Issue.record("recorded \(url.path); run again without \(recordVariable) to compare",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            Issue.record("no golden file \(url.path); record it with \(recordVariable)=1",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = text.hasSuffix("\n") ? String(text.dropLast()).components(separatedBy: "\n")
                                            : text.components(separatedBy: "\n")
        if let row = (0..<min(lines.count, expected.count)).first(where: { lines[$0] != expected[$0] }) {
            Issue.record("""
                \(name) row \(row) differs from \(url.lastPathComponent)
                  drawn:    \(lines[row])
                  expected: \(expected[row])
                """, sourceLocation: sourceLocation)
        }
        #expect(lines.count == expected.count, "\(name): \(lines.count) rows drawn, \(expected.count) expected",
                sourceLocation: sourceLocation)
    }
}
