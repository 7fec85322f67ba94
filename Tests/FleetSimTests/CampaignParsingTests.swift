import Testing
@testable import FleetSim

/// Issue 17: the pieces of a campaign that need no runs — Wilson intervals, seed lists, `--vary`
/// paths and values, shards from arguments and batch-system environments, plan order.
@Suite("Drill campaign parsing")
struct CampaignParsingTests {
    static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
    /// seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score).
    @Test(arguments: [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718)])
    func wilsonMatchesNewcombe(successes: Int, trials: Int, low: Double, high: Double) {
        let w = WilsonInterval(successes: successes, trials: trials)
        #expect(Self.round4(w.low) == low)
        #expect(Self.round4(w.high) == high)
    }

    @Test func wilsonEdges() {
        #expect(WilsonInterval(successes: 0, trials: 0).low == 0 && WilsonInterval(successes: 0, trials: 0).high == 1)
        let all = WilsonInterval(successes: 20, trials: 20)
        #expect(all.high == 1 && all.rate == 1 && Self.round4(all.low) == 0.8389)
        #expect(all.text == "100% (95% CI 83.9–100%)")
    }

    @Test func seedLists() throws {
        #expect(try SeedList("1-5").seeds == [1, 2, 3, 4, 5])
        #expect(try SeedList("9, 1-2").seeds == [9, 1, 2])
        #expect(try SeedList("9, 1-2").text == "9,1-2")
        for bad in ["", "5-1", "1,1", "a", "1-", "-3", "1-2-3", "0-1000000"] {
            #expect(throws: CampaignError.self, "\(bad)") { try SeedList(bad) }
        }
    }

    static var drill: DrillFile { get throws { try DrillCatalog.entry(named: "rack-failures-during-surge")!.drill() } }

    @Test func varyValuesAndLabels() throws {
        let d = try Self.drill
        let magnitude = try VaryAxis("method[1].factor=1..3/5", drill: d, fleet: .demo)
        #expect(magnitude.values == [1, 1.5, 2, 2.5, 3])
        let cooling = try VaryAxis("method[1].magnitude=40%..100%/7", drill: try DrillCatalog.entry(named: "metro-cooling-loss")!.drill(), fleet: .demo)
        #expect(cooling.labels == ["40%", "50%", "60%", "70%", "80%", "90%", "100%"])
        #expect(cooling.values[1] == 0.5)
        let duration = try VaryAxis("method[2].for=2m,5m,1m30s", drill: d, fleet: .demo)
        #expect(duration.values == [120, 300, 90])
        #expect(duration.labels == ["2m", "5m", "1m30s"])
        let knob = try VaryAxis("fleet.serving.max_batch=64..256/4", drill: d, fleet: .demo)
        #expect(knob.values == [64, 128, 192, 256])
        let rate = try VaryAxis("fleet.classes.chat.rate_rps=50%,150%", drill: d, fleet: .demo)
        #expect(rate.labels == ["50%", "150%"])
    }

    @Test(arguments: [
        "bogus=1", "method[0].magnitude=1", "method[9].factor=2", "method[1].magnitude=50%", "method[2].factor=2",
        "method[1].factor=x", "method[1].factor=1..3", "method[1].factor=1..3/1", "method[1].factor=2,2",
        "fleet.serving.nope=1", "fleet.nosuch.key=1", "fleet.classes.nobody.rate_rps=1", "fleet.sites.mars.pue=1.2",
        "fleet.classes.chat.cv=1", "method[1]", "=1", "method[1].factor",
    ])
    func badVaryPathsAreRefused(argument: String) throws {
        let d = try Self.drill
        #expect(throws: CampaignError.self, "\(argument)") { try VaryAxis(argument, drill: d, fleet: .demo) }
    }

    @Test func stepZeroSaysHowStepsAreCounted() throws {
        let d = try Self.drill
        do throws(CampaignError) {
            _ = try VaryAxis("method[0].factor=2", drill: d, fleet: .demo)
            Issue.record("method[0] was accepted")
        } catch {
            #expect(error.description.contains("steps count from 1 here"), "\(error)")
            #expect(error.description.contains("method[1]"), "\(error)")
        }
    }

    @Test func valuesOutOfRangeAreRefusedWhenPlanned() throws {
        let d = try DrillCatalog.entry(named: "metro-cooling-loss")!.drill()
        for bad in ["method[1].magnitude=50%..150%/3", "method[1].at=1m,40m", "fleet.power.governor_margin=0.9", "fleet.serving.max_retries=1..2/3"] {
            let axis = try VaryAxis(bad, drill: d, fleet: .demo)
            #expect(throws: CampaignError.self, "\(bad)") {
                try CampaignPlan(reference: "x", drill: d, fleet: .demo, seeds: SeedList(seed: 1), axes: [axis], breakBelow: 0.5)
            }
        }
    }

    @Test func settingsChangeTheDrillAndFleet() throws {
        let d = try Self.drill
        let at = try VaryAxis("method[1].at=20m", drill: d, fleet: .demo)
        let knob = try VaryAxis("fleet.sites.regional.grid_limit_kw=5000", drill: d, fleet: .demo)
        let (drill, fleet) = try CampaignPlan.applying([(at.path, at.values[0], at.labels[0]), (knob.path, knob.values[0], knob.labels[0])],
                                                       to: d, fleet: .demo)
        // The surge (method[1] in the file) now starts last; steps stay in time order.
        #expect(drill.method.map(\.atSeconds) == [480, 600, 1200])
        if case .fleet(.surge(let s)) = drill.method[2].command { #expect(s.factor == 2) } else { Issue.record("the surge moved wrongly") }
        #expect(fleet.sites.first { $0.name == "regional" }?.gridLimitKW == 5000)
    }

    @Test func shardsFromArgumentsAndEnvironments() throws {
        #expect(try CampaignShard("3/10", environment: [:]) == CampaignShard(index: 3, count: 10))
        for bad in ["0/4", "5/4", "1/0", "a/b", "3", "1/2/3", ""] {
            #expect(throws: CampaignError.self, "\(bad)") { try CampaignShard(bad, environment: [:]) }
        }
        let cases: [([String: String], CampaignShard)] = [
            (["FLEETTOP_SHARD_INDEX": "2", "FLEETTOP_SHARD_COUNT": "5"], try CampaignShard(index: 2, count: 5)),
            (["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "100"], try CampaignShard(index: 1, count: 100)),
            (["SLURM_ARRAY_TASK_ID": "100", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "100"], try CampaignShard(index: 100, count: 100)),
            (["JOB_COMPLETION_INDEX": "99", "FLEETTOP_SHARD_COUNT": "100"], try CampaignShard(index: 100, count: 100)),
            (["CI_NODE_INDEX": "4", "CI_NODE_TOTAL": "4"], try CampaignShard(index: 4, count: 4)),
        ]
        for (env, shard) in cases { #expect(try CampaignShard("env", environment: env) == shard, "\(env)") }
        for bad: [String: String] in [[:], ["JOB_COMPLETION_INDEX": "3"], ["JOB_COMPLETION_INDEX": "4", "FLEETTOP_SHARD_COUNT": "4"],
                                      ["SLURM_ARRAY_TASK_ID": "10", "SLURM_ARRAY_TASK_COUNT": "5"], ["CI_NODE_INDEX": "x", "CI_NODE_TOTAL": "2"]] {
            #expect(throws: CampaignError.self, "\(bad)") { try CampaignShard("env", environment: bad) }
        }
    }

    @Test func planOrderAndShardsAreDisjointAndComplete() throws {
        let d = try Self.drill
        let axes = [try VaryAxis("method[1].factor=1,2,3", drill: d, fleet: .demo), try VaryAxis("duration=25m,30m", drill: d, fleet: .demo)]
        let plan = try CampaignPlan(reference: "r", drill: d, fleet: .demo, seeds: SeedList("5,6"), axes: axes, breakBelow: 0.5)
        #expect(plan.count == 12)
        #expect((0..<plan.count).map(plan.seed(ofRun:)) == [5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6])
        #expect(plan.spec.labels(ofPoint: plan.point(ofRun: 3)) == ["method[1].factor=1", "duration=30m"])
        #expect(plan.spec.labels(ofPoint: plan.point(ofRun: 11)) == ["method[1].factor=3", "duration=30m"])
        for n in [1, 5, 12, 13] {
            let slices = try (1...n).map { try plan.runs(in: CampaignShard(index: $0, count: n)) }
            #expect(slices.flatMap { $0 }.sorted() == Array(0..<12))
        }
    }

    @Test func plotRowShowsIntervalRateAndThreshold() {
        let all = CampaignPlot.bar(WilsonInterval(successes: 10, trials: 10), breakBelow: 0.5)
        #expect(all == String(repeating: "·", count: 15) + "┆" + String(repeating: "·", count: 5) + String(repeating: "━", count: 8) + "●")
        let none = CampaignPlot.bar(WilsonInterval(successes: 0, trials: 0), breakBelow: 0.9)
        #expect(none == String(repeating: "·", count: 27) + "┆" + String(repeating: "·", count: 2))
        let half = CampaignPlot.bar(WilsonInterval(successes: 10, trials: 20), breakBelow: 0.5)
        #expect(half.contains("●") && !half.contains("┆") && half.hasPrefix("········"))
    }

    @Test func percentilesInterpolate() {
        #expect(CampaignReport.percentile([], 0.5) == nil)
        #expect(CampaignReport.percentile([4], 0.95) == 4)
        #expect(CampaignReport.percentile([1, 2, 3, 4, 5], 0.5) == 3)
        #expect(abs(CampaignReport.percentile([1, 2, 3, 4, 5], 0.95)! - 4.8) < 1e-12)
        #expect(abs(CampaignReport.percentile([10, 20], 0.05)! - 10.5) < 1e-12)
    }
}
