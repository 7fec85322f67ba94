import Testing
@testable import FleetSim

/// The built-in story says things about its numbers ("the typical task slows several times as much as
/// a call", "back to the calm afternoon"): each chapter's claim is a comparison evaluated here on the
/// handout's figures, on several seeds, so the captions cannot drift from what the simulation does.
@Suite struct StoryClaimTests {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5]

    /// The handout of the built-in story on `seed`.
    static func play(seed: UInt64) throws -> StoryHandout {
        try StoryRunner.run(try StoryCatalog.defaultEntry.story(), fleet: .demo, seed: seed)
    }

    @Test(arguments: seeds)
    func everyChapterMovesTheWayItsCaptionSays(seed: UInt64) throws {
        let h = try Self.play(seed: seed)
        try #require(h.chapters.count == 5)
        func v(_ chapter: Int, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> Double {
            guard let x = h.chapters[chapter - 1].values[path] else {
                Issue.record("seed \(seed): chapter \(chapter) has no \(path)", sourceLocation: sourceLocation)
                return .nan
            }
            return x
        }
        // 1. Calm and healthy: every class well inside its targets, metro-edge under its grid limit; a
        // whole task's tail is tens of calls' tails, since a task waits for each call in turn.
        #expect(v(1, "chat.ttft.p99") < 0.7 * 2, "seed \(seed)")
        #expect(v(1, "code.tpot.p99") < 0.7 * 0.04, "seed \(seed)")
        #expect(v(1, "sites.metro-edge.facility_power_kw") < v(1, "sites.metro-edge.grid_limit_kw"), "seed \(seed)")
        #expect(v(1, "agentic.task_e2e.p99") > 10 * v(1, "agentic.call_p99"), "seed \(seed)")
        // 2. Agents chain more calls: a call is barely slower, the typical task slows several times as much.
        #expect(v(2, "agentic.calls_per_task") > v(1, "agentic.calls_per_task"), "seed \(seed)")
        let callGrowth = v(2, "agentic.call_p99") / v(1, "agentic.call_p99") - 1
        let taskGrowth = v(2, "agentic.task_e2e.p50") / v(1, "agentic.task_e2e.p50") - 1
        #expect(callGrowth < 0.15, "seed \(seed)")
        #expect(taskGrowth > 0.15 && taskGrowth > 3 * max(callGrowth, 0.05),
                "seed \(seed): task p50 +\(taskGrowth) vs call p99 +\(callGrowth)")
        // 3. The metro cap: metro-edge held at its lowered limit, its share falls, tasks pay more round trips.
        #expect(v(3, "sites.metro-edge.gpus_power_capped") > 0, "seed \(seed)")
        #expect(v(3, "sites.metro-edge.facility_power_kw") <= v(3, "sites.metro-edge.active_cap_kw") * 1.01, "seed \(seed)")
        #expect(v(3, "sites.metro-edge.traffic_share_60s") < v(1, "sites.metro-edge.traffic_share_60s"), "seed \(seed)")
        #expect(v(3, "agentic.rtt_per_task") > v(2, "agentic.rtt_per_task"), "seed \(seed)")
        // 4. The cooling fault sheds capacity: GPUs shut down, their requests and agent calls retried.
        #expect(v(4, "sites.metro-edge.gpus_shut_down") > 0, "seed \(seed)")
        #expect(v(4, "sites.metro-edge.gpus_up") < 512, "seed \(seed)")
        #expect(v(4, "chat.retried") > 0, "seed \(seed)")
        #expect(v(4, "agentic.retried") > 0, "seed \(seed)")
        // 5. Admission control and repair: back within 10% of the calm afternoon where the caption says
        // so; new tasks chain fewer calls while the typical task finishing is still slower than calm.
        #expect(v(5, "sites.metro-edge.gpus_up") == 512, "seed \(seed)")
        #expect(v(5, "chat.ttft.p99") <= 1.1 * v(1, "chat.ttft.p99"), "seed \(seed)")
        #expect(v(5, "agentic.call_p99") <= 1.1 * v(1, "agentic.call_p99"), "seed \(seed)")
        #expect(v(5, "agentic.calls_per_task") < v(2, "agentic.calls_per_task"), "seed \(seed)")
        #expect(v(5, "agentic.task_e2e.p50") > v(1, "agentic.task_e2e.p50"), "seed \(seed)")
    }
}
