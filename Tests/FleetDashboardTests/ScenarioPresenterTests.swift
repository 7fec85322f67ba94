import Testing
import FleetSim
@testable import FleetDashboard

/// Stories, replays and drills present themselves through the dashboard: their keys come from the
/// keymap (rebindable, listed in the help and the key bar), and what they cannot do themselves
/// (restart the runner, save a report) they ask the host for as actions.
@Suite("Scenario presenters")
struct ScenarioPresenterTests {
    func app(_ presenter: ScenarioPresenter, keymap: Keymap = .defaults) -> DashboardApp {
        let a = DashboardApp(themes: [SnapshotFixture.theme], keymap: keymap)
        a.presenter = presenter
        _ = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        return a
    }

    func story() throws -> StoryPresenter {
        let file = try StoryCatalog.load(StoryCatalog.defaultEntry.name)
        return StoryPresenter(story: file, scenario: LiveStory(story: file, auto: true, pace: .times(1)))
    }

    @Test("→ and space move the story on, ← asks for a rewind, and the map keeps its arrows otherwise")
    func storyKeys() throws {
        let presenter = try story()
        let a = app(presenter)
        let next = a.handle(.key(.right))
        #expect(next.contains(.send(.clock(.speed(.max)))) && next.contains(.send(.clock(.resume))))
        #expect(a.state.selection == nil, "→ went to the story, not to the map")
        let back = a.handle(.key(.left))
        guard case .restart(let restart)? = back.first else { Issue.record("no restart: \(back)"); return }
        #expect(restart.scenario is LiveStory && restart.speed == .times(1), "back from the first chapter: its start, at the story's pace")
        presenter.completed(.restart(restart), failure: nil, app: a)
        #expect(presenter.scenario === restart.scenario as? LiveStory)
        presenter.completed(.restart(restart), failure: ScenarioFailure(reason: "x", description: "no fleet"), app: a)
        #expect(a.state.message == "cannot rewind: no fleet" && a.state.messageIsError)
        #expect(a.handle(.key(.down)).contains(.redraw))
        #expect(a.state.selection != nil, "↓ is still the map's")
    }

    @Test("a story key rebound in the keymap moves, in the key bar, the caption and the help too")
    func storyRebinding() throws {
        var keymap = Keymap.defaults
        try keymap.bind(.storyNext, to: [.character("n")])
        let a = app(try story(), keymap: keymap)
        #expect(a.handle(.key(.right)).contains { if case .send = $0 { true } else { false } } == false)
        #expect(a.handle(.key(.character("n"))).contains(.send(.clock(.resume))))
        _ = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        let hints = try #require(a.state.scenarioView?.hints)
        #expect(hints.first == FooterBar.Hint("n", "next chapter"))
        #expect(a.state.scenarioView?.caption?.keys.hasPrefix("n next") == true)
        #expect(a.state.helpGroups.last == .story)
        _ = a.handle(.key(.character("?")))
        let canvas = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        #expect(canvas.plainText.contains(KeyAction.storyNext.summary))
    }

    @Test("a replay refuses injections from keys and from the palette, and seeks with its own keys")
    func replay() {
        let recording = SessionRecording(fleet: "demo", seed: 7, endTick: 1_000_000)
        let presenter = ReplayPresenter(recording: recording, name: "r.jsonl", scenario: LiveReplay(recording))
        let a = app(presenter)
        _ = a.handle(.key(.character("f")))
        #expect(a.state.modal == nil && a.state.message == ReplayPresenter.refusalText)
        let forward = a.handle(.key(.character("]")))
        #expect(forward.contains(.scenarioChanged) && forward.contains(.send(.clock(.speed(.max)))))
        let back = a.handle(.key(.home))
        #expect(back.contains { if case .restart = $0 { true } else { false } })
        _ = a.handle(.key(.character("G")))
        for c in "#5" { _ = a.handle(.key(.character(c))) }
        let typed = a.handle(.key(.enter))
        #expect(typed.contains { if case .restart = $0 { true } else { false } })
        #expect(a.state.message == "seeking to 0:00 (tick 5)")
        let injection = SimCommand.fleet(.repair(nil))
        a.state.modal = .confirm(InjectionSummary.dialog(for: injection))
        #expect(!a.handle(.key(.character("y"))).contains(.send(injection)))
        #expect(a.state.message == ReplayPresenter.refusalText)
    }

    static let drillYAML = """
    name: tiny cooling drill
    fleet: tiny
    seed: 11
    duration: 20s
    steady_state:
      - metric: goodput
        above: 10%
    method:
      - at: 5s
        fault: cooling
        target: {site: near, hall: 1}
        magnitude: 80%
    rollback:
      - repair all
    """

    @Test("a finished drill's dialog asks the host to save the report; a failed save keeps it open with the reason")
    func drillSave() throws {
        let drill = try DrillFile.parse(yaml: Self.drillYAML, file: "test.yaml")
        let scenario = LiveDrill(drill: drill)
        let runner = try SimRunner(spec: .tiny, seed: drill.seed, speed: .max, scenario: scenario, clock: ManualRunnerClock())
        runner.advanceTime(by: 5)
        runner.stop()
        let report = try #require(scenario.status.report)
        let presenter = DrillPresenter(scenario: scenario, reportPath: "/reports/tiny")
        let a = app(presenter)
        #expect(a.state.scenarioView?.summary != nil)
        #expect(a.state.scenarioView?.hints == ScenarioSummaryDialog.hints)
        let save = a.handle(.key(.character("y")))
        #expect(save.first == .saveReport(report, path: "/reports/tiny"))
        presenter.completed(.saveReport(report, path: "/reports/tiny"),
                            failure: ScenarioFailure(reason: "No space left on device", description: "/reports/tiny.md: No space left on device"),
                            app: a)
        #expect(a.state.message == "report not saved: /reports/tiny.md: No space left on device")
        _ = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        #expect(a.state.scenarioView?.summary?.failure == "No space left on device")
        presenter.completed(.saveReport(report, path: "/reports/tiny"), failure: nil, app: a)
        #expect(a.state.message == "saved /reports/tiny.md and .json")
        _ = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        #expect(a.state.scenarioView?.summary == nil)
        #expect(a.handle(.key(.character("q"))) == [.quit], "the dialog gone, the keys are the dashboard's again")
    }
}
