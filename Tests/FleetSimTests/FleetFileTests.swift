import Foundation
import Testing
@testable import FleetSim

/// Fleet files: presets with overrides, full definitions, and bad inputs with their messages.
@Suite struct FleetFileTests {
    @Test func presetWithOverridesChangesOnlyWhatItNames() throws {
        let text = """
        preset: demo
        name: demo-hot
        sites:
          - name: metro-edge
            grid_limit_kw: 450
          - name: edge-2
            rtt_ms: 8
            grid_limit_kw: 300
            halls:
              - {cooling: air, racks: 4, servers_per_rack: 2, sku: h200, count: 2}
        classes:
          chat: {rate_rps: 900, ttft_slo_s: 1.5}
          code: {cv: 4}
          batch: {arrivals: poisson, tpot_slo_s: none}
        serving: {max_batch: 128}
        failures: {enabled: false, per_gpu_day: 1e-3}
        agentic: {calls_cap: 100}
        """
        let spec = try FleetFile.parse(text, file: "hot.yaml")
        let demo = FleetSpec.demo
        #expect(spec.name == "demo-hot")
        #expect(spec.sites.count == 4)
        #expect(spec.sites[0].gridLimitKW == 450)
        #expect(spec.sites[0].halls == demo.sites[0].halls)
        #expect(spec.sites[1] == demo.sites[1])
        #expect(spec.sites[3].halls.count == 2 && spec.sites[3].halls[0].sku == .h200)
        #expect(spec[.chat].ratePerSecond == 900 && spec[.chat].slo.ttftSeconds == 1.5)
        #expect(spec[.code].arrivals == .gammaModulated(cv: 4))
        #expect(spec[.batch].slo.tpotSeconds == nil)
        #expect(spec.serving.maxBatch == 128)
        #expect(!spec.failures.enabled && spec.failures.perGPUDay == 1e-3)
        #expect(spec.agentic.callsCap == 100)
        let e = try FleetEngine(spec: spec, seed: 1)
        #expect(e.topology.siteCount == 4)
    }

    @Test func fileWithoutPresetDefinesTheWholeFleet() throws {
        let text = """
        name: lab
        sites:
          - name: only
            rtt_ms: 5
            grid_limit_kw: 100
            halls:
              - cooling: liquid
                racks: 2
                servers_per_rack: 1
                sku: B200
                tensor_parallel: 4
        """
        let spec = try FleetFile.parse(text, file: "lab.yaml")
        let topo = Topology(spec: spec)
        #expect(topo.gpuCount == 16 && topo.replicaCount == 4)
    }

    static let bad: [(String, Int, String, String)] = [
        ("preset: demox\n", 1, "preset", "unknown preset 'demox' (valid: tiny, demo, hyperscale)"),
        ("preset: demo\nsitez: []\n", 2, "sitez", "unknown field"),
        ("preset: demo\nsites:\n  - name: metro-edge\n    halls:\n      - sku: A100\n", 5, "sites[0].halls[0].sku",
         "unknown GPU 'A100' (valid: H100, H200, B200)"),
        ("preset: tiny\nserving:\n  max_batch: lots\n", 3, "serving.max_batch", "expected a number, got 'lots'"),
        ("preset: tiny\nclasses:\n  video: {rate_rps: 1}\n", 3, "classes.video", "unknown class (valid: chat, code, agentic, batch)"),
        ("preset: tiny\nsites:\n  - name: new\n    rtt_ms: 4\n", 3, "sites[0].halls", "site 'new' needs at least one hall"),
        ("preset: tiny\nsites: [\n", 3, "", "YAML"),
        ("name: x\n", 1, "sites", "a fleet file without `preset` must list its sites"),
        ("preset: tiny\nsites:\n  - name: near\n    halls:\n      - {cooling: water}\n", 5, "sites[0].halls[0].cooling",
         "unknown cooling 'water' (valid: air, liquid)"),
        ("preset: tiny\nclasses:\n  chat: {trace: {path: missing.csv}}\n", 3, "classes.chat.trace.path", "no such file"),
    ]

    @Test(arguments: 0..<bad.count)
    func badFilesNameFileLineAndField(_ i: Int) {
        let (text, line, field, message) = Self.bad[i]
        FleetFileTests.expectRejected(text, line: line, field: field, message: message, case: i)
    }

    @Test func unknownNameIsNeitherPresetNorFile() {
        #expect(throws: Diagnostic.self) { try FleetFile.resolve("no-such-fleet") }
        #expect((try? FleetFile.resolve("tiny"))?.name == "tiny")
    }

    @Test func traceReplayDrivesAClassFromTheAzureCSV() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-trace-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let csv = "TIMESTAMP,ContextTokens,GeneratedTokens\n"
            + (0..<40).map { "2023-11-16 18:15:\(String(format: "%02d", $0)).5000000,\(1000 + $0),\(100 + $0)" }.joined(separator: "\n")
        try csv.write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("f.yaml").path
        try "preset: tiny\nclasses:\n  chat: {trace: {path: t.csv, rate_scale: 2, loop: true}}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        var spec = try FleetFile.load(path: file)
        spec.failures.enabled = false
        let e = try FleetEngine(spec: spec, seed: 1)
        e.advance(seconds: 60)
        let s = e.snapshot()
        // 40 requests over 39 s of trace, replayed twice as fast and looped: about 2 per second.
        #expect(abs(s[.chat].arrived - 120) <= 8, "\(s[.chat].arrived)")
        #expect(s.invariantViolations.isEmpty)
    }
}

extension FleetFileTests {
    /// Parses `text` as `bad.yaml` and expects a `Diagnostic` with this line, field and message.
    static func expectRejected(_ text: String, line: Int, field: String, message: String, case i: Int,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try FleetFile.parse(text, file: "bad.yaml")
            Issue.record("accepted bad file #\(i)", sourceLocation: sourceLocation)
        } catch let e as Diagnostic {
            #expect(e.file == "bad.yaml", sourceLocation: sourceLocation)
            #expect(e.line == line, "\(e)", sourceLocation: sourceLocation)
            #expect(e.field == field, "\(e)", sourceLocation: sourceLocation)
            #expect(e.description.contains(message), "\(e)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }
}
