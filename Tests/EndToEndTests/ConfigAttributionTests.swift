import Foundation
import Testing

/// A bad theme or fleet named in the config file is reported against the config's line, followed by
/// the named file's own error.
@Suite(.enabled(if: CommandLineRun.available, "the fleettop binary is not built"))
struct ConfigAttributionTests {
    /// A folder with `fleettop/config.yaml` holding `config`, a broken theme file and a broken fleet file.
    static func folder(config: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-cfg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("fleettop"), withIntermediateDirectories: true)
        try config.write(to: dir.appendingPathComponent("fleettop/config.yaml"), atomically: true, encoding: .utf8)
        try "name = broken\n[colors\n".write(to: dir.appendingPathComponent("broken.theme"), atomically: true, encoding: .utf8)
        try "name: broken\nsites:\n  - name: a\n    racks: -3\n".write(to: dir.appendingPathComponent("broken.yaml"),
                                                                       atomically: true, encoding: .utf8)
        return dir
    }

    static func run(_ arguments: [String], config: (URL) -> String) throws -> (CommandLineRun, String) {
        let dir = try folder(config: "")
        defer { try? FileManager.default.removeItem(at: dir) }
        let configPath = dir.appendingPathComponent("fleettop/config.yaml").path
        try config(dir).write(toFile: configPath, atomically: true, encoding: .utf8)
        let r = try CommandLineRun(arguments, environment: ["XDG_CONFIG_HOME": dir.path, "TERM": "xterm-256color"])
        return (r, configPath)
    }

    @Test(arguments: [["watch"], ["demo"]])
    func badThemeInTheConfigNamesTheConfigLine(_ arguments: [String]) throws {
        let (r, config) = try Self.run(arguments) { "refresh_ms: 250\ntheme: \($0.path)/broken.theme\n" }
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(config):2: theme: cannot use"), "\(r.stderr)")
        #expect(r.stderr.contains("broken.theme:2:"), "the theme file's own error follows:\n\(r.stderr)")
    }

    @Test func badFleetInTheConfigNamesTheConfigLine() throws {
        let (r, config) = try Self.run(["watch"]) { "fleet: \($0.path)/broken.yaml\n" }
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(config):1: fleet: cannot use"), "\(r.stderr)")
        #expect(r.stderr.contains("broken.yaml:4: sites[0].racks"), "the fleet file's own error follows:\n\(r.stderr)")
    }

    @Test("an unknown theme name in the config points at the config line too")
    func unknownThemeNameInTheConfig() throws {
        let (r, config) = try Self.run(["watch"]) { _ in "\n\ntheme: no-such-theme\n" }
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(config):3: theme: cannot use 'no-such-theme'"), "\(r.stderr)")
        #expect(r.stderr.contains("expected one of"), "\(r.stderr)")
    }

    @Test("a flag overrides the config, and its error is the flag's alone")
    func flagErrorsAreNotAttributedToTheConfig() throws {
        let (r, _) = try Self.run(["watch", "--theme", "nope"]) { _ in "theme: nord\n" }
        #expect(r.status == 2)
        #expect(!r.stderr.contains("config.yaml"), "\(r.stderr)")
        #expect(r.stderr.contains("unknown theme 'nope'"), "\(r.stderr)")
    }
}
