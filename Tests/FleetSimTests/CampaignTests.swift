import Foundation
import Testing
@testable import FleetSim

/// Issue 17: campaigns give the same report however their runs are scheduled — one job or two,
/// whole or in shards merged, interrupted and resumed — and refuse bad paths and shards.
@Suite("Drill campaigns")
struct CampaignTests {
    /// A 40-second drill on the tiny fleet whose checks pass on some runs and fail on others.
    static let drillYAML = """
    name: tiny cooling sweep
    fleet: tiny
    seed: 3
    duration: 40s
    steady_state:
      - metric: chat.ttft.p99
        below: 2.5s
      - metric: goodput
        above: 60%
        continuous: true
    method:
      - at: 10s
        fault: cooling
        target: {site: near}
        magnitude: 50%
        for: 20s
    stop_when:
      - metric: gpus_down_ratio
        above: 50%
    rollback:
      - repair all
    """

    static func plan(seeds: String = "1-3", vary: [String] = ["method[1].magnitude=30%,90%"]) throws -> CampaignPlan {
        let drill = try DrillFile.parse(yaml: drillYAML, file: "tiny.yaml")
        let fleet = FleetSpec.tiny
        let axes = try vary.map { try VaryAxis($0, drill: drill, fleet: fleet) }
        return try CampaignPlan(reference: "tiny.yaml", drill: drill, fleet: fleet, seeds: SeedList(seeds), axes: axes, breakBelow: 0.5)
    }

    /// The campaign run whole on one job, once for every test that compares with it.
    static let reference: [CampaignRunRecord] = {
        let whole = try! plan()
        let records = try! CampaignExecutor(plan: whole, jobs: 1).run(whole.runs(in: nil)) { _, _ in }
        return records.values.sorted { $0.result.run < $1.result.run }
    }()

    static func reportTexts(_ plan: CampaignPlan, _ records: [CampaignRunRecord]) -> (json: String, markdown: String, text: String) {
        let report = CampaignReport(spec: plan.spec, runs: records.map(\.result))
        return (CampaignReportWriter.json(report), CampaignReportWriter.markdown(report), CampaignReportWriter.text(report))
    }

    @Test func twoJobsGiveTheReportOfOne() throws {
        let plan = try Self.plan()
        let two = try CampaignExecutor(plan: plan, jobs: 2).run(plan.runs(in: nil)) { _, _ in }
        #expect(two.values.map(\.result).sorted { $0.run < $1.run } == Self.reference.map(\.result))
        let a = Self.reportTexts(plan, Self.reference)
        let b = Self.reportTexts(plan, Array(two.values))
        #expect(a.json == b.json)
        #expect(a.markdown == b.markdown)
    }

    @Test func theReferenceHasPassesAndFailures() throws {
        let verdicts = Set(Self.reference.map(\.result.verdict))
        #expect(Self.reference.count == 6)
        #expect(verdicts.count > 1, "a campaign of one verdict would not show that reports tell runs apart: \(verdicts)")
    }

    @Test(arguments: [2, 3, 4, 7])
    func mergedShardsGiveTheReportOfOneRun(count: Int) throws {
        let plan = try Self.plan()
        var parts: [(path: String, part: CampaignPart)] = []
        for i in (1...count).reversed() {
            let shard = try CampaignShard(index: i, count: count)
            let runs = plan.runs(in: shard)
            #expect(runs.allSatisfy(shard.contains(run:)))
            let records: [CampaignRunRecord]
            if i == 1 {
                records = Array(try CampaignExecutor(plan: plan, jobs: 1).run(runs) { _, _ in }.values)
            } else {
                records = Self.reference.filter { shard.contains(run: $0.result.run) }
            }
            let part = CampaignPart(campaign: plan.spec, shard: shard, runs: records)
            let decoded = try CampaignJSON.decoder.decode(CampaignPart.self, from: Data(part.json.utf8))
            parts.append((path: "part-\(i).json", part: decoded))
        }
        let merged = try CampaignMerge.merge(parts)
        #expect(Self.reportTexts(plan, merged.records) == Self.reportTexts(plan, Self.reference))
        #expect(Set(merged.records.map(\.result.run)) == Set(0..<plan.count))
    }

    @Test func mergeRefusesMissingDuplicateAndForeignParts() throws {
        let plan = try Self.plan()
        func part(_ i: Int, of n: Int, spec: CampaignSpec? = nil) throws -> (path: String, part: CampaignPart) {
            let shard = try CampaignShard(index: i, count: n)
            return ("p\(i)", CampaignPart(campaign: spec ?? plan.spec, shard: shard, runs: Self.reference.filter { shard.contains(run: $0.result.run) }))
        }
        #expect(throws: CampaignError.self) { try CampaignMerge.merge([try part(1, of: 3), try part(3, of: 3)]) }
        #expect(throws: CampaignError.self) { try CampaignMerge.merge([try part(1, of: 2), try part(1, of: 2), try part(2, of: 2)]) }
        let other = try Self.plan(seeds: "1-3", vary: ["method[1].magnitude=30%,80%"]).spec
        #expect(throws: CampaignError.self) { try CampaignMerge.merge([try part(1, of: 2), try part(2, of: 2, spec: other)]) }
        var short = try part(2, of: 2)
        short.part.runs.removeLast()
        do {
            _ = try CampaignMerge.merge([try part(1, of: 2), short])
            Issue.record("a part missing a run merged")
        } catch let error as CampaignError {
            #expect(error.message.contains("holds 2 of shard 2/2's 3 runs"), "\(error)")
        }
    }

    /// The README documents these keys of `fleettop.drill-campaign/1`.
    @Test func jsonReportHasTheDocumentedKeys() throws {
        let plan = try Self.plan()
        let json = CampaignReportWriter.json(CampaignReport(spec: plan.spec, runs: Self.reference.map(\.result)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["schema", "campaign", "passed", "failed", "aborted", "pass_rate", "checks", "points", "sweep", "runs"])
        let check = try #require((object["checks"] as? [[String: Any]])?.first)
        #expect(Set(check.keys) == ["role", "text", "unit", "runs_with_value", "p5", "p50", "p95", "failed_runs", "worst_run", "worst_value"])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        #expect(Set(run.keys) == ["run", "seed", "point", "verdict", "ended_at_s", "invariant_violations", "checks"])
        let campaign = try #require(object["campaign"] as? [String: Any])
        #expect(Set(campaign.keys) == ["drill", "drill_name", "source", "fleet", "drill_fingerprint", "fleet_fingerprint", "seeds",
                                       "seed_count", "vary", "break_below", "runs", "checks", "build"])
        #expect(object["schema"] as? String == "fleettop.drill-campaign/1")
        let row = try #require(((object["sweep"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])?.first)
        #expect(Set(row.keys) == ["value", "label", "pass", "checks"])
        let rowCheck = try #require((row["checks"] as? [[String: Any]])?.first)
        #expect(Set(rowCheck.keys) == ["p5", "p50", "p95", "failed"])
    }

    /// Each sweep row carries every check's worst values at that value, taken from that value's runs only.
    @Test func sweepRowsShowEachCheckAtEachValue() throws {
        let plan = try Self.plan()
        let report = CampaignReport(spec: plan.spec, runs: Self.reference.map(\.result))
        let axis = try #require(report.sweep.first)
        for (v, row) in axis.rows.enumerated() {
            let here = report.runs.filter { plan.spec.coordinates(ofPoint: $0.point)[0] == v }
            #expect(row.checks.count == report.checks.count)
            for (k, check) in row.checks.enumerated() {
                let worst = here.compactMap { $0.checks[k].worst }.sorted()
                #expect(check.p50 == CampaignReport.percentile(worst, 0.5))
                #expect(check.p5 == CampaignReport.percentile(worst, 0.05))
                #expect(check.failed == here.filter { !$0.checks[k].held }.count)
            }
        }
        for k in report.checks.indices {
            #expect(axis.rows.map { $0.checks[k].failed }.reduce(0, +) == report.checks[k].failedRuns.count)
        }
        let deciding = report.checks.filter { !$0.failedRuns.isEmpty }
        try #require(!deciding.isEmpty, "the reference campaign should fail some check")
        let text = CampaignReportWriter.text(report)
        #expect(text.contains("median worst value at each method[1].magnitude"))
        let header = try #require(CampaignReportWriter.markdown(report).split(separator: "\n").first { $0.hasPrefix("| value | runs |") })
        for check in report.checks {
            #expect(header.contains("`\(check.text)`") == !check.failedRuns.isEmpty, "only checks that failed somewhere get a column: \(header)")
        }
        for check in deciding { #expect(text.contains(check.text)) }
    }

    @Test func resumedCampaignEqualsUninterrupted() throws {
        let plan = try Self.plan()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.json.journal").path
        do {
            let (journal, done) = try CampaignJournal.open(path: path, plan: plan, shard: nil)
            #expect(done.isEmpty)
            for r in Self.reference.prefix(2) { try journal.append(r) }
        }
        // An interruption in the middle of writing the third line.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"result":{"run":2,"se"#.utf8))
        handle.closeFile()

        let (journal, done) = try CampaignJournal.open(path: path, plan: plan, shard: nil)
        #expect(done == Array(Self.reference.prefix(2)))
        let remaining = plan.runs(in: nil).filter { r in !done.contains { $0.result.run == r } }
        #expect(remaining == [2, 3, 4, 5])
        let fresh = try CampaignExecutor(plan: plan, jobs: 2).run(remaining) { record, _ in try? journal.append(record) }
        #expect(Self.reportTexts(plan, done + fresh.values) == Self.reportTexts(plan, Self.reference))
        let (_, everything) = try CampaignJournal.open(path: path, plan: plan, shard: nil)
        #expect(Set(everything.map(\.result.run)) == Set(0..<6))
    }

    @Test func journalOfAnotherCampaignIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-\(UUID().uuidString).journal").path
        defer { unlink(path) }
        _ = try CampaignJournal.open(path: path, plan: try Self.plan(), shard: nil)
        do {
            _ = try CampaignJournal.open(path: path, plan: try Self.plan(seeds: "1-4"), shard: nil)
            Issue.record("a journal of another campaign was resumed")
        } catch let error as CampaignError {
            #expect(error.message.contains("seeds: '1-3' here, '1-4' there") || error.message.contains("'1-4' here, '1-3' there"), "\(error)")
        }
    }

    /// Two builds may model differently: a journal or a part of another build is refused, naming the build.
    @Test func anotherBuildsJournalAndPartsAreRefused() throws {
        let plan = try Self.plan()
        #expect(plan.spec.build == BuildIdentity.current)
        var other = plan.spec
        other.build = "0123456789abcdef0123456789abcdef01234567"
        #expect(other.firstDifference(from: plan.spec)?.hasPrefix("fleettop build: '0123456789abcdef") == true)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-\(UUID().uuidString).journal").path
        defer { unlink(path) }
        let header = try CampaignJSON.encoder(pretty: false).encode(CampaignJournal.Header(schema: CampaignJournal.schemaName, campaign: other, shard: nil))
        try (String(decoding: header, as: UTF8.self) + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        do throws(CampaignError) {
            _ = try CampaignJournal.open(path: path, plan: plan, shard: nil)
            Issue.record("a journal of another build was resumed")
        } catch {
            #expect(error.message.contains("fleettop build"), "\(error)")
        }

        let mine = CampaignPart(campaign: plan.spec, shard: try CampaignShard(index: 1, count: 2),
                                runs: Self.reference.filter { $0.result.run % 2 == 0 })
        let theirs = CampaignPart(campaign: other, shard: try CampaignShard(index: 2, count: 2),
                                  runs: Self.reference.filter { $0.result.run % 2 == 1 })
        do throws(CampaignError) {
            _ = try CampaignMerge.merge([("a.json", mine), ("b.json", theirs)])
            Issue.record("parts of two builds were merged")
        } catch {
            #expect(error.message.contains("fleettop build"), "\(error)")
        }
    }

    @Test func sweepReportNamesTheBreakingPoint() throws {
        let plan = try Self.plan()
        let report = CampaignReport(spec: plan.spec, runs: Self.reference.map(\.result))
        let axis = try #require(report.sweep.first)
        #expect(axis.rows.map(\.label) == ["30%", "90%"])
        #expect(axis.rows.map(\.pass.trials) == [3, 3])
        #expect(axis.breakingPoint == axis.rows.first { $0.pass.rate < 0.5 })
        #expect(report.passed + report.failed + report.aborted == 6)
        #expect(report.passRate == WilsonInterval(successes: report.passed, trials: 6))
        let text = CampaignReportWriter.text(report)
        #expect(text.contains("sweep method[1].magnitude"))
        let worst = try #require(report.checks.first?.worstRun)
        #expect(CampaignReportWriter.replayCommand(worst, report)
            == "fleettop watch --drill tiny.yaml --seed \(report.runs[worst].seed) --set 'method[1].magnitude=\(axis.rows[report.runs[worst].point].label)'")
        #expect(text.contains(axis.breakingPoint == nil ? "no breaking point" : "breaking point: method[1].magnitude="))
    }
}
