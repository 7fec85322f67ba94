import Foundation
import Testing

/// Issue 17 at the command line: bad `--vary` paths, seed lists and shards exit 2 with a message
/// before anything runs; shards merged with `fleettop drill merge` write the report of a whole run,
/// byte for byte.
@Suite(.enabled(if: CommandLineRun.available, "build fleettop first"))
struct DrillCampaignCommandTests {
    @Test(arguments: [
        (["drill", "metro-cooling-loss", "--vary", "method[3].magnitude=50%"], "the drill has 1 step"),
        (["drill", "metro-cooling-loss", "--vary", "fleet.serving.warp=1,2"], "no numeric knob 'warp'"),
        (["drill", "metro-cooling-loss", "--vary", "method[1].magnitude=50%..150%/3"], "must be a share from 0% to 100%"),
        (["drill", "metro-cooling-loss", "--vary", "nowhere=1"], "is not a path campaigns can vary"),
        (["drill", "metro-cooling-loss", "--seeds", "10-1"], "runs backwards"),
        (["drill", "metro-cooling-loss", "--seeds", "1-3", "--shard", "0/4", "--json", "/tmp/never.json"], "shards count from 1"),
        (["drill", "metro-cooling-loss", "--seeds", "1-3", "--shard", "2of4", "--json", "/tmp/never.json"], "write I/N"),
        (["drill", "metro-cooling-loss", "--seeds", "1-3", "--shard", "1/4"], "give --json PATH"),
        (["drill", "metro-cooling-loss", "--seeds", "1-3", "--shard", "env", "--json", "/tmp/never.json"], "no shard index in the environment"),
        (["drill", "metro-cooling-loss", "--seeds", "1-3", "--break-below", "150%"], "--break-below"),
        (["drill", "metro-cooling-loss", "--seeds", "1-3", "--jobs", "0"], "--jobs 0"),
        (["drill", "metro-cooling-loss", "grid-brownout", "--seeds", "1-3"], "one drill"),
        (["drill", "merge", "/nonexistent/part.json"], "cannot read"),
        (["watch", "--set", "duration=5m"], "give --drill"),
    ])
    func badCampaignsExitTwo(arguments: [String], message: String) throws {
        let run = try CommandLineRun(arguments, environment: ["SLURM_ARRAY_TASK_ID": nil, "JOB_COMPLETION_INDEX": nil, "CI_NODE_INDEX": nil, "FLEETTOP_SHARD_INDEX": nil])
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }

    @Test func mergedShardsEqualTheWholeCampaign() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let drill = dir.appendingPathComponent("tiny.yaml").path
        try Self.drillYAML.write(toFile: drill, atomically: true, encoding: .utf8)
        let base = ["drill", drill, "--seeds", "1-2", "--vary", "duration=20s,30s", "--quiet"]
        let whole = try CommandLineRun(base + ["--jobs", "2", "--json", "\(dir.path)/whole.json", "--markdown", "\(dir.path)/whole.md"])
        #expect(whole.status == 0, "\(whole.stderr)")
        var parts: [String] = []
        for i in 1...3 {
            let part = "\(dir.path)/part-\(i).json"
            let env: [String: String?] = ["FLEETTOP_SHARD_INDEX": "\(i)", "FLEETTOP_SHARD_COUNT": "3"]
            let run = try CommandLineRun(base + ["--jobs", "1", "--shard", "env", "--json", part], environment: env)
            #expect(run.status == 0, "\(run.stderr)")
            parts.append(part)
        }
        let merge = try CommandLineRun(["drill", "merge"] + parts.reversed() + ["--json", "\(dir.path)/merged.json", "--markdown", "\(dir.path)/merged.md"])
        #expect(merge.status == 0, "\(merge.stderr)")
        for ext in ["json", "md"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("whole.\(ext)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("merged.\(ext)"))
            #expect(a == b, "merged.\(ext) differs from whole.\(ext)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(dir.path)/whole.json.journal"), "the journal outlives the report")
        let missing = try CommandLineRun(["drill", "merge", parts[0], parts[2]])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("1 of 3 shards missing: 2/3"), "\(missing.stderr)")
    }

    static let drillYAML = """
    name: tiny cooling
    fleet: tiny
    duration: 30s
    steady_state:
      - metric: chat.ttft.p99
        below: 2.5s
    method:
      - at: 10s
        fault: cooling
        target: {site: near}
        magnitude: 50%
    rollback:
      - repair all
    """
}
