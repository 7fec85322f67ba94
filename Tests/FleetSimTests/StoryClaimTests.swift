import Testing
@testable import FleetSim

/// The built-in story says things about its numbers ("a task's tail grows far faster than a call's",
/// "back to the calm afternoon"): each chapter's claim is a comparison evaluated here on the handout's
/// figures, on several seeds, so the captions cannot drift from what the simulation does.
@Suite struct StoryClaimTests {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5]

    /// The handout of the built-in story on `seed`.
    static func play(seed: UInt64) throws -> StoryHandout {
        try HeadlessStory.run(try StoryCatalog.defaultEntry.story(), fleet: .demo, seed: seed)
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
        // 1. Calm and healthy: every class well inside its targets, metro-edge under its grid limit.
        #expect(v(1, "chat.ttft.p99") < 0.7 * 2, "seed \(seed)")
        #expect(v(1, "code.tpot.p99") < 0.7 * 0.04, "seed \(seed)")
        #expect(v(1, "sites.metro-edge.facility_power_kw") < v(1, "sites.metro-edge.grid_limit_kw"), "seed \(seed)")
        // 2. Agents multiply calls, and the task tail grows far faster than the call tail.
        #expect(v(2, "agentic.calls_per_task") > v(1, "agentic.calls_per_task"), "seed \(seed)")
        let callGrowth = v(2, "agentic.call_p99") / v(1, "agentic.call_p99")
        let taskGrowth = v(2, "agentic.task_e2e.p99") / v(1, "agentic.task_e2e.p99")
        #expect(taskGrowth > 1.5 * callGrowth, "seed \(seed): task ×\(taskGrowth) vs call ×\(callGrowth)")
        // 3. The metro cap: metro-edge held at its lowered limit, its share falls, tasks pay more round trips.
        #expect(v(3, "sites.metro-edge.gpus_power_capped") > 0, "seed \(seed)")
        #expect(v(3, "sites.metro-edge.facility_power_kw") <= v(3, "sites.metro-edge.active_cap_kw") * 1.01, "seed \(seed)")
        #expect(v(3, "sites.metro-edge.traffic_share_60s") < v(1, "sites.metro-edge.traffic_share_60s"), "seed \(seed)")
        #expect(v(3, "agentic.rtt_per_task") > v(2, "agentic.rtt_per_task"), "seed \(seed)")
        // 4. The cooling fault sheds capacity: GPUs shut down, their requests retried.
        #expect(v(4, "sites.metro-edge.gpus_shut_down") > 0, "seed \(seed)")
        #expect(v(4, "sites.metro-edge.gpus_up") < 512, "seed \(seed)")
        #expect(v(4, "chat.retried") > 0, "seed \(seed)")
        // 5. Admission control and repair: back within 10% of the calm afternoon where the caption says so.
        #expect(v(5, "sites.metro-edge.gpus_up") == 512, "seed \(seed)")
        #expect(v(5, "chat.ttft.p99") <= 1.1 * v(1, "chat.ttft.p99"), "seed \(seed)")
        #expect(v(5, "agentic.call_p99") <= 1.1 * v(1, "agentic.call_p99"), "seed \(seed)")
        #expect(v(5, "agentic.calls_per_task") < v(2, "agentic.calls_per_task"), "seed \(seed)")
    }
}
