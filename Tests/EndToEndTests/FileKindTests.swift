import Foundation
import Testing

/// Issue 13's "smaller" file cases through the binary, for every reader: a device (`/dev/null`,
/// `/dev/zero`), a FIFO, a folder and a 200 MB file named as a fleet, drill, story, config, theme or
/// recording exit 2 at once with the reason in words — never "You don't have permission", never an
/// NSCocoaErrorDomain code, never a read that blocks or fills memory; a missing `--themes-dir` is an error.
@Suite(.serialized, .enabled(if: CommandLineRun.available, "build fleettop first"))
struct FileKindTests {
    /// A folder with a FIFO, a sub-folder and a sparse 200 MB file (no disk used), removed by `remove`.
    final class Fixtures {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-kinds-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("folder"), withIntermediateDirectories: true)
            guard mkfifo(root.appendingPathComponent("fifo").path, 0o600) == 0 else { throw E2EError.tmux("mkfifo failed") }
            for name in ["huge.yaml", "huge.theme"] {
                let path = root.appendingPathComponent(name).path
                #expect(FileManager.default.createFile(atPath: path, contents: nil))
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                try handle.truncate(atOffset: 200_000_000)
                try handle.close()
            }
        }
        func path(_ name: String) -> String { root.appendingPathComponent(name).path }
        deinit { try? FileManager.default.removeItem(at: root) }
    }

    /// How each reader is reached: the command line with the file in it.
    static let readers: [(String, @Sendable (String) -> [String])] = [
        ("fleet", { ["snapshot", "--fleet", $0, "--duration", "1s"] }),
        ("drill", { ["drill", $0] }),
        ("story", { ["demo", $0, "--headless"] }),
        ("config", { ["watch", "--fleet", "tiny", "--config", $0] }),
        ("theme", { ["watch", "--fleet", "tiny", "--theme", $0] }),
        ("recording", { ["replay", $0] }),
    ]

    @Test(arguments: ["/dev/null", "/dev/zero", "fifo", "folder", "huge.yaml", "huge.theme"])
    func everyReaderRefusesWithAReason(_ kind: String) throws {
        let fixtures = try Fixtures()
        let path = kind.hasPrefix("/") ? kind : fixtures.path(kind)
        let reason = switch kind {
        case "folder": "is a folder, not a file"
        case "huge.yaml", "huge.theme": "more than the"
        default: "is not a regular file"
        }
        for (reader, arguments) in Self.readers {
            let started = Date()
            let run = try CommandLineRun(arguments(path), environment: ["TERM": "xterm-256color"])
            #expect(run.status == 2, "\(reader) \(kind): status \(run.status): \(run.stderr)")
            #expect(run.stderr.contains(reason), "\(reader) \(kind): \(run.stderr)")
            #expect(run.stderr.contains(path), "\(reader) \(kind): the message names the file: \(run.stderr)")
            #expect(!run.stderr.contains("permission") && !run.stderr.contains("NSCocoaErrorDomain"), "\(reader) \(kind): \(run.stderr)")
            // A bound against a read that blocks (a FIFO) or crawls (200 MB), not a timing check.
            #expect(Date().timeIntervalSince(started) < 60, "\(reader) \(kind) took too long")
        }
    }

    @Test(arguments: [["themes"], ["watch", "--fleet", "tiny"], ["demo"]])
    func missingThemesFolderIsAnError(_ arguments: [String]) throws {
        let fixtures = try Fixtures()
        for dir in [fixtures.path("missing"), fixtures.path("huge.theme")] {
            let run = try CommandLineRun(arguments + ["--themes-dir", dir], environment: ["TERM": "xterm-256color"])
            #expect(run.status == 2, "\(arguments) \(dir): \(run.stderr)")
            #expect(run.stderr.contains("--themes-dir \(dir): no such folder"), "\(run.stderr)")
        }
    }
}
