@testable import FleetExport
import FleetSim
import Foundation
import Testing

/// Drill history as OpenMetrics and alerting rules over it, on the tiny fleet.
@Suite struct DrillMetricsTests {
    static let drillYAML = """
    name: near cooling loss
    fleet: tiny
    seed: 7
    duration: 8m
    method:
      - at: 2m
        fault: cooling
        target: {site: near, hall: 1}
        magnitude: 80%
        for: 4m
    alerts:
      - alert: HallCoolingDegraded
        fires_within: 2m
      - alert: SitePartitioned
        never: true
    """

    static let rules = """
    groups:
      - name: test
        rules:
          - alert: HallCoolingDegraded
            expr: fleettop_hall_cooling_capacity_ratio < 0.5
            for: 1m
          - alert: SitePartitioned
            expr: fleettop_site_network_loss_ratio >= 1
          - record: site:power:sum
            expr: sum by (site) (fleettop_site_facility_power_watts)
    """

    static func run(step: Double = 30) throws -> (DrillFile, DrillReport, DrillHistory) {
        let drill = try DrillFile.parse(yaml: drillYAML, file: "test.yaml")
        let (report, history) = try HeadlessDrill.runRecording(drill, fleet: .tiny, stepSeconds: step, gpuLimit: 10_000)
        return (drill, report, history)
    }

    @Test func historyHasOneRowPerStep() throws {
        let (_, report, history) = try Self.run()
        #expect(report.verdict == .passed)
        #expect(history.times == (0...16).map { Double($0) * 30 })
        #expect(history.values.count == history.seriesCount * history.times.count)
        let offsets = history.familyOffsets
        let cooling = try #require(history.families.firstIndex { $0.name == "fleettop_hall_cooling_capacity_ratio" })
        #expect(history.value(series: offsets[cooling], sample: 2) == 1)
        #expect(abs(history.value(series: offsets[cooling], sample: 6) - 0.2) < 1e-9, "near/h1 at 3m has 20% of its cooling")
    }

    @Test func openMetricsFileIsTimestampedAndEndsWithEOF() throws {
        let (_, _, history) = try Self.run(step: 60)
        let dir = try PromtoolSupport.scratchDirectory("om")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/drill.om"
        try OpenMetricsHistory.write(history, epoch: OpenMetricsHistory.defaultEpoch, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n# EOF\n"))
        #expect(text.contains("\nfleettop_sim_time_seconds 0 1767225600\nfleettop_sim_time_seconds 60 1767225660\n"))
        #expect(text.contains("# TYPE vllm:prompt_tokens counter\n"))
        // A histogram's buckets, sum and count stay together at each time.
        let lines = text.split(separator: "\n")
        let first = try #require(lines.firstIndex { $0.hasPrefix("vllm:time_to_first_token_seconds_bucket{model_name=\"fleettop\",class=\"chat\",le=\"0.001\"}") })
        #expect(lines[first + 22].hasPrefix("vllm:time_to_first_token_seconds_bucket{model_name=\"fleettop\",class=\"chat\",le=\"+Inf\"}"))
        #expect(lines[first + 24].hasPrefix("vllm:time_to_first_token_seconds_count{model_name=\"fleettop\",class=\"chat\"}"))
        #expect(lines[first + 25].hasSuffix(" 1767225660"))
    }

    @Test(.enabled(if: PromtoolSupport.available, Comment(rawValue: PromtoolSupport.missing)))
    func promtoolBuildsTSDBBlocksFromTheExport() throws {
        let (_, _, history) = try Self.run(step: 60)
        let dir = try PromtoolSupport.scratchDirectory("tsdb")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try OpenMetricsHistory.write(history, epoch: OpenMetricsHistory.defaultEpoch, to: dir + "/drill.om")
        let (status, output) = try PromtoolSupport.run(["tsdb", "create-blocks-from", "openmetrics", dir + "/drill.om", dir + "/data"])
        #expect(status == 0, "\(output)")
        let blocks = try FileManager.default.contentsOfDirectory(atPath: dir + "/data").filter { !$0.hasPrefix(".") && $0 != "wal" }
        #expect(!blocks.isEmpty)
        let (listStatus, list) = try PromtoolSupport.run(["tsdb", "list", dir + "/data"])
        #expect(listStatus == 0)
        // The block spans the drill: 8 simulated minutes from the epoch.
        #expect(list.contains("1767225600000"), "\(list)")
    }

    @Test(.enabled(if: PromtoolSupport.available, Comment(rawValue: PromtoolSupport.missing)))
    func alertRulesFireWhenTheyShouldAndNotOtherwise() throws {
        let (drill, report, history) = try Self.run(step: 15)
        let dir = try PromtoolSupport.scratchDirectory("rules")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.rules.write(toFile: dir + "/rules.yml", atomically: true, encoding: .utf8)
        let rules = try AlertRules.load(path: dir + "/rules.yml")
        #expect(rules.alertNames == ["HallCoolingDegraded", "SitePartitioned"])
        let firings = try AlertEvaluation.evaluate(history, rules: rules, promtool: PromtoolSupport.promtool!, workDirectory: dir)
        let results = AlertEvaluation.results(firings, rules: rules, drill: drill, report: report, sampleTimes: history.times)
        let cooling = try #require(results.first { $0.alert == "HallCoolingDegraded" })
        // The fault applies at 2m just after that step's sample: the rule sees it at 2m15s, fires a minute later.
        #expect(cooling.firedAtS == 195, "fault at 2m, first seen at 2m15s, `for: 1m`")
        #expect(cooling.afterFirstFaultS == 75)
        #expect(cooling.resolvedAtS == 375, "the fault ends at 6m, seen at 6m15s")
        #expect(cooling.instances == ["cooling=\"air\",hall=\"h1\",site=\"near\""])
        #expect(cooling.held == true)
        let partition = try #require(results.first { $0.alert == "SitePartitioned" })
        #expect(partition.firedAtS == nil && partition.held == true)
        let judged = report.adding(alerts: results)
        #expect(judged.verdict == .passed)
        #expect(DrillReportWriter.text(judged).contains("✔ HallCoolingDegraded  fired at 3:15, 1m15s after the first fault, resolved at 6:15"))
        #expect(DrillReportWriter.json(judged).contains("\"after_first_fault_s\" : 75"))
    }

    @Test func unmetExpectationsFailThePassedDrill() throws {
        let drill = try DrillFile.parse(yaml: Self.drillYAML, file: "test.yaml")
        let report = DrillSession(drill: drill).report()
        #expect(report.verdict == .passed)
        let rules = AlertRules(path: "r.yml", alertNames: ["HallCoolingDegraded", "SitePartitioned"], expressions: [])
        let results = AlertEvaluation.results(["SitePartitioned": [(30, ["site=\"near\""])]], rules: rules, drill: drill,
                                              report: report, sampleTimes: [0, 30, 60])
        #expect(results.map(\.held) == [false, false])
        let judged = report.adding(alerts: results)
        #expect(judged.verdict == .failed && judged.exitStatus == 1)
        #expect(DrillReportWriter.verdictSentence(judged).contains("SitePartitioned never fires"))
    }

    @Test func promtoolFailureOutputIsReadBack() {
        let output = """
        Unit Testing:  t.yml
          FAILED:
            alertname: Hot, time: 1m30s,
                exp:[],
                got:[
                    0:
                      Labels:{alertname="Hot", hall="h2", severity="page"}
                      Annotations:{summary="hot h2"}
                    ]
            alertname: Hot, time: 1h2m0s,
                exp:[],
                got:[
                    0:
                      Labels:{alertname="Hot", hall="h1", site="a'b"}
                      Annotations:{},
                    1:
                      Labels:{alertname="Hot", hall="h2"}
                      Annotations:{}
                    ]
        """
        let f = AlertEvaluation.parse(output)
        #expect(f["Hot"]?.map(\.atS) == [90, 3720])
        #expect(f["Hot"]?.last?.instances == ["hall=\"h1\",site=\"a'b\"", "hall=\"h2\""])
        #expect(AlertEvaluation.parseGoDuration("0s") == 0)
        #expect(AlertEvaluation.parseGoDuration("2h0m0.5s") == 7200.5)
        #expect(AlertEvaluation.parseGoDuration("500ms") == 0.5)
        #expect(AlertEvaluation.parseGoDuration("x") == nil)
    }

    @Test func rulesMentionWholeMetricNames() {
        let rules = AlertRules(path: "r", alertNames: [], expressions: [
            "histogram_quantile(0.99, rate(vllm:time_to_first_token_seconds_bucket[5m])) > 2",
            "fleettop_hall_gpus_up / fleettop_hall_gpus < 0.9",
        ])
        func f(_ n: String) -> MetricFamily { MetricFamily(name: n, kind: .gauge, help: "") }
        #expect(rules.mentions(f("vllm:time_to_first_token_seconds")))
        #expect(rules.mentions(f("fleettop_hall_gpus")))
        #expect(rules.mentions(f("fleettop_hall_gpus_up")))
        #expect(!rules.mentions(f("fleettop_hall_gpus_shut_down")))
        #expect(!rules.mentions(f("vllm:time_to_first_token")))
        #expect(AlertRules(path: "r", alertNames: [], expressions: ["{__name__=~\"x.*\"}"]).mentions(f("anything")))
    }
}
