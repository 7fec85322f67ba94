import FleetDashboard
import FleetSim
import FleetTerminal

/// `fleettop demo`: plays a story on the live dashboard. → / space next chapter, ← previous (a rewind:
/// a fresh runner from the seed, run at maximum speed to the chapter's start), `a` auto-advance on or
/// off; every other key is the dashboard's. The caption is filled from the snapshot on screen.
final class ScenarioStoryController: ScenarioController {
    private(set) var runner: SimRunner
    private(set) var scenario: ScenarioStory
    let story: StoryFile
    let spec: FleetSpec
    let seed: UInt64
    /// Builds a runner for a scenario at a speed (the host's callbacks and interval go in here).
    private let makeRunner: (ScenarioStory, SimSpeed) throws -> SimRunner

    init(story: StoryFile, spec: FleetSpec, seed: UInt64, auto: Bool, speed: SimSpeed,
         makeRunner: @escaping (ScenarioStory, SimSpeed) throws -> SimRunner) throws {
        self.story = story; self.spec = spec; self.seed = seed; self.makeRunner = makeRunner
        scenario = ScenarioStory(story: story, auto: auto, pace: speed)
        runner = try makeRunner(scenario, speed)
    }

    func handle(_ key: Key, app: DashboardApp) -> LoopAction? {
        switch key {
        case .right, .character(" "):
            send(scenario.next())
        case .left:
            rewind(to: scenario.previousChapter, app: app)
        case .character("a"):
            send(scenario.toggleAuto())
            app.state.say("auto-advance " + (scenario.status.auto ? "on: chapters follow simulated time" : "off: holding at each chapter's end"))
        default:
            return nil
        }
        return .proceed
    }

    private func send(_ commands: [SimCommand]) {
        for c in commands { runner.send(c) }
        runner.requestSnapshot()
    }

    /// Rebuilds the run from the seed and seeks to the start of `chapter` at maximum speed.
    private func rewind(to chapter: Int, app: DashboardApp) {
        let fresh = ScenarioStory(story: story, seekTo: chapter, auto: scenario.status.auto, pace: scenario.storyPace)
        let speed: SimSpeed = chapter > 0 ? .max : scenario.storyPace
        do {
            let next = try makeRunner(fresh, speed)
            runner.stop()
            runner = next
            scenario = fresh
            runner.start()
        } catch {
            app.state.say("cannot rewind: \(error)", error: true)
        }
    }

    func update(_ state: inout DashboardState, snapshot: Snapshot, ascii: Bool) {
        let s = scenario.status
        let chapter = story.chapters[s.chapter]
        let sep = ascii ? " - " : " · ", right = ascii ? "Right" : "→", left = ascii ? "Left" : "←", dots = ascii ? "..." : "…"
        var line = "chapter \(s.chapter + 1)/\(s.chapterCount)" + sep + TextSanitizer.clean(chapter.title)
        if s.ended {
            line += sep + "the end (" + left + " replays a chapter, q quits)"
        } else if s.held {
            line += sep + "holding: " + right + " for the next chapter"
        } else if !s.seeking {
            let remaining = ScenarioText.wallSeconds(chapter.endSeconds - snapshot.simTime, speed: snapshot.clock.speed)
            line += sep + ScenarioText.clock(remaining) + " left"
        }
        let note: String? = s.seeking ? (s.rewinding ? "rewinding" + dots + " (replaying the story from its start at full speed)"
                                                     : "skipping ahead" + dots + " (running the simulation at full speed)") : nil
        let text = s.seeking ? "" : TextSanitizer.clean(chapter.caption.render(snapshot))
        let keys = right + "/space next" + sep + left + " back" + sep + "a auto-advance " + (s.auto ? "on" : "off") + sep + "q quit"
        state.scenario = "story: " + ScenarioText.name(story.drill.name, limit: 36)
        let hints: [FooterBar.Hint]? = state.modal == nil && !state.editingFilter && state.message == nil
            ? [.init(right + "/Space", "next chapter"), .init(left, "previous"),
               .init("a", "auto-advance " + (s.auto ? "on" : "off")), .init("?", "help"), .init("f", "fault"), .init("s", "surge"),
               .init("+/-", "speed"), .init(".", "step"), .init("q", "quit")]
            : nil
        state.scenarioView = ScenarioView(highlight: ScenarioView.panel(chapter.panel),
                                          caption: ScenarioCaption(chapterLine: line, text: text, note: note, keys: keys), hints: hints)
    }
}
