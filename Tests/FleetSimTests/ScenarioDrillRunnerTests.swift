import Foundation
import Synchronization
import Testing
@testable import FleetSim

/// The runner's scenario hook: a drill run live through `SimRunner` (any pacing) reports exactly what
/// the headless `DrillRunner` reports for the same seed; a story holds and seeks at chapter bounds.
@Suite("Scenario hook in the runner", .serialized)
struct ScenarioDrillRunnerTests {
    static let drillYAML = """
    name: tiny cooling drill
    fleet: tiny
    seed: 11
    duration: 60s
    steady_state:
      - metric: chat.ttft.p99
        below: 30s
        continuous: true
        tolerance: 5s
      - metric: goodput
        above: 10%
    method:
      - at: 12s
        fault: cooling
        target: {site: near, hall: 1}
        magnitude: 80%
      - at: 25.3s
        command: surge agentic factor=3 ramp=5s
    rollback:
      - repair all
    """

    /// Advances the runner's manual clock in steps of `step` seconds until `done` holds (at most
    /// `limit` seconds of clock time): deterministic, whatever the machine's load.
    static func advance(_ runner: SimRunner, step: Double = 0.05, limit: Double = 600, until done: () -> Bool) {
        var elapsed = 0.0
        runner.advanceTime(by: 0)
        while !done() && elapsed < limit {
            runner.advanceTime(by: step)
            elapsed += step
        }
    }

    @Test(arguments: [SimSpeed.max, .times(60)])
    func liveDrillReportEqualsHeadless(speed: SimSpeed) throws {
        let drill = try DrillFile.parse(yaml: Self.drillYAML, file: "test.yaml")
        let headless = try DrillRunner.run(drill, fleet: .tiny)
        let scenario = ScenarioDrill(drill: drill)
        let applied = AppliedLog()
        let runner = try SimRunner(spec: .tiny, seed: drill.seed, speed: speed,
                                   onCommandApplied: { tick, command in applied.append(tick, command) }, scenario: scenario,
                                   clock: ManualRunnerClock())
        runner.advanceTime(by: speed == .max ? 0.1 : 2)
        #expect(scenario.status.report != nil, "60 s of drill: 60 batches at maximum speed, 1 s at ×60 (with room to spare)")
        runner.stop()
        let live = try #require(scenario.status.report)
        #expect(DrillReportWriter.json(live) == DrillReportWriter.json(headless))
        let injections = applied.entries.filter { $0.1.isInjection }
        #expect(injections.map(\.0) == [120, 253, 600], "steps stamped with their exact ticks")
        #expect(scenario.status.progress.finished)
        #expect(scenario.status.checks.count == 2)
    }

    @Test func drillHoldsAtItsEnd() throws {
        let drill = try DrillFile.parse(yaml: Self.drillYAML, file: "test.yaml")
        let scenario = ScenarioDrill(drill: drill)
        let runner = try SimRunner(spec: .tiny, seed: drill.seed, speed: .max, scenario: scenario, clock: ManualRunnerClock())
        runner.advanceTime(by: 5)
        #expect(scenario.status.report != nil)
        runner.stop()
        #expect(runner.tick == 600)
        #expect(runner.hub.latest?.clock.paused == true)
    }

    static let storyYAML = """
    name: tiny story
    fleet: tiny
    seed: 5
    chapters:
      - title: One
        panel: latency
        duration: 10s
        caption: Chat p99 {chat.ttft.p99}.
        commands:
          - speed 10
      - title: Two
        panel: power
        duration: 10s
        caption: Power {fleet.facility_power_kw}.
        commands:
          - fault cooling site=near hall=1 magnitude=70%
      - title: Three
        panel: thermal
        duration: 10s
        caption: Done.
    """

    @Test func storyHoldsAtChapterEndWithoutAutoAdvance() throws {
        let story = try StoryFile.parse(yaml: Self.storyYAML, file: "story.yaml")
        let scenario = ScenarioStory(story: story, auto: false, pace: .max)
        let runner = try SimRunner(spec: .tiny, seed: 5, speed: .max, scenario: scenario, clock: ManualRunnerClock())
        runner.advanceTime(by: 5)
        #expect(scenario.status.held)
        runner.stop()
        #expect(runner.tick == 100)
        #expect(scenario.status.chapter == 0)
        #expect(scenario.next() == [.clock(.resume)])
        #expect(scenario.status.chapter == 1)
    }

    @Test func rewindSeeksToTheChapterStartAndRestoresThePace() throws {
        let story = try StoryFile.parse(yaml: Self.storyYAML, file: "story.yaml")
        let scenario = ScenarioStory(story: story, seekTo: 2, auto: true, pace: .times(1))
        #expect(scenario.status.seeking && scenario.status.rewinding)
        let applied = AppliedLog()
        let runner = try SimRunner(spec: .tiny, seed: 5, speed: .max,
                                   onCommandApplied: { tick, command in applied.append(tick, command) }, scenario: scenario,
                                   clock: ManualRunnerClock())
        Self.advance(runner) { !scenario.status.seeking }
        runner.stop()
        #expect(scenario.status.chapter == 2)
        let clock = applied.entries.filter { if case .clock(.speed) = $0.1 { true } else { false } }
        #expect(clock.map(\.0) == [200], "the story's own speed command is held back until the seek ends")
        #expect(clock.map(\.1) == [.clock(.speed(.times(10)))])
        #expect(applied.entries.contains { $0.0 == 100 && $0.1.isInjection }, "chapter two's fault applied on the way")
    }
}

/// Commands the runner applied, collected across threads.
final class AppliedLog: Sendable {
    private let list = Mutex<[(UInt64, SimCommand)]>([])
    func append(_ tick: UInt64, _ command: SimCommand) { list.withLock { $0.append((tick, command)) } }
    var entries: [(UInt64, SimCommand)] { list.withLock { $0 } }
}
