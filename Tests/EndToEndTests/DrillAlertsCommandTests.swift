import Foundation
import Testing

/// `fleettop drill --alert-rules / --openmetrics` from the command line, with the shipped example
/// rules and Prometheus's promtool, on the tiny fleet so a debug build runs it quickly.
@Suite(.enabled(if: CommandLineRun.available && PrometheusBinary.promtool != nil,
                "build fleettop first; promtool is not installed (.ci/run installs Debian's prometheus package)"))
struct DrillAlertsCommandTests {
    static let rules = TmuxSession.packageRoot.appendingPathComponent("Examples/alert-rules.yml").path

    static let drill = """
    name: tiny cooling loss with alerts
    fleet: tiny
    duration: 6m
    method:
      - at: 1m
        fault: cooling
        target: {site: near, hall: 1}
        magnitude: 90%
        for: 3m
    alerts:
      - alert: HallCoolingDegraded
        fires_within: 2m
      - alert: SitePartitioned
        never: true
    """

    /// Runs the binary with extra environment; returns status, standard output and standard error.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"].merging(environment) { $1 }) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while reader.isExecuting || !reader.isFinished { usleep(10_000) }
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "fleettop-alerts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func exampleRulesFireInTheirWindowAndTheQuietOneStaysQuiet() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.drill.write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        let r = try Self.run(["drill", dir + "/d.yaml", "--quiet", "--alert-rules", Self.rules, "--json", dir + "/r.json",
                              "--openmetrics", dir + "/d.om"])
        #expect(r.status == 0, "\(r.out)\n\(r.err)")
        #expect(r.out.contains("✔ HallCoolingDegraded"), "\(r.out)")
        #expect(r.out.contains("fired at 2:15, 1m15s after the first fault"), "\(r.out)")
        #expect(r.out.contains("✔ SitePartitioned      never fired"), "\(r.out)")
        let json = try String(contentsOfFile: dir + "/r.json", encoding: .utf8)
        #expect(json.contains("\"expectation\" : \"SitePartitioned never fires\""))
        let om = try String(contentsOfFile: dir + "/d.om", encoding: .utf8)
        #expect(om.hasSuffix("# EOF\n") && om.contains("DCGM_FI_DEV_GPU_TEMP{gpu=\"0\""))
        #expect(r.err.contains("series × 7 samples written to"), "one sample a minute over 6 minutes: \(r.err)")
    }

    @Test func badRulesMissingPromtoolAndUnknownAlertsAreUsageErrors() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.drill.write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        try "groups:\n  - name: x\n    rules:\n      - alert: Broken\n        expr: rate(\n".write(toFile: dir + "/bad.yml", atomically: true, encoding: .utf8)
        let bad = try Self.run(["drill", dir + "/d.yaml", "--quiet", "--alert-rules", dir + "/bad.yml"])
        #expect(bad.status == 2)
        #expect(bad.err.contains("promtool check rules found problems"), "\(bad.err)")

        let noTool = try Self.run(["drill", dir + "/d.yaml", "--quiet", "--alert-rules", Self.rules],
                                  environment: ["FLEETTOP_PROMTOOL": dir + "/no-such-promtool"])
        #expect(noTool.status == 2)
        #expect(noTool.err.contains("FLEETTOP_PROMTOOL=\(dir)/no-such-promtool is not an executable file"), "\(noTool.err)")

        let noRules = try Self.run(["drill", dir + "/d.yaml", "--quiet"])
        #expect(noRules.status == 2)
        #expect(noRules.err.contains("d.yaml:11: alerts: the drill expects alerts; give the rules with --alert-rules FILE"), "\(noRules.err)")

        try Self.drill.replacingOccurrences(of: "alert: SitePartitioned", with: "alert: NoSuchAlert")
            .write(toFile: dir + "/u.yaml", atomically: true, encoding: .utf8)
        let unknown = try Self.run(["drill", dir + "/u.yaml", "--quiet", "--alert-rules", Self.rules])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("u.yaml:13: alerts[1].alert: no alerting rule 'NoSuchAlert'"), "\(unknown.err)")

        let step = try Self.run(["drill", dir + "/d.yaml", "--quiet", "--alert-rules", Self.rules, "--openmetrics", dir + "/x.om",
                                 "--openmetrics-step", "50s", "--alert-step", "15s"])
        #expect(step.status == 2)
        #expect(step.err.contains("must be a multiple of --alert-step"), "\(step.err)")
    }
}
