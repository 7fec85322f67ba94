import FleetSim

/// `fleettop demo`: plays a story on the live dashboard. Its keys (`KeyAction.Group.story`, by
/// default → / space next chapter, ← previous, `a` auto-advance) come before the dashboard's; every
/// other key is the dashboard's. Going back is a rewind: a fresh runner from the seed, run at
/// maximum speed to the chapter's start (`DashboardAction.restart`). The caption is filled from the
/// snapshot on screen.
public final class StoryPresenter: ScenarioPresenter {
    /// The story in force (a rewind replaces it once the host has restarted the runner).
    public private(set) var scenario: LiveStory
    public let story: StoryFile

    /// Presents `scenario`, which plays `story`.
    public init(story: StoryFile, scenario: LiveStory) {
        self.story = story; self.scenario = scenario
    }

    public var keys: KeyAction.Group? { .story }

    public func perform(_ action: KeyAction, app: DashboardApp) -> [DashboardAction] {
        switch action {
        case .storyNext:
            return scenario.next().map { .send($0) }
        case .storyPrevious:
            let chapter = scenario.previousChapter
            let fresh = LiveStory(story: story, seekTo: chapter, auto: scenario.status.auto, pace: scenario.storyPace)
            return [.restart(ScenarioRestart(scenario: fresh, speed: chapter > 0 ? .max : scenario.storyPace))]
        case .storyAuto:
            let commands = scenario.toggleAuto()
            app.state.say("auto-advance " + (scenario.status.auto ? "on: chapters follow simulated time" : "off: holding at each chapter's end"))
            return commands.map { .send($0) }
        default:
            return []
        }
    }

    public func completed(_ action: DashboardAction, failure: ScenarioFailure?, app: DashboardApp) {
        guard case .restart(let restart) = action else { return }
        if let failure {
            app.state.say("cannot rewind: \(failure)", error: true)
        } else if let fresh = restart.scenario as? LiveStory {
            scenario = fresh
        }
    }

    public func update(_ state: inout DashboardState, snapshot: Snapshot, keymap: Keymap, ascii: Bool) {
        let s = scenario.status
        let chapter = story.chapters[s.chapter]
        let sep = ascii ? " - " : " · ", dots = ascii ? "..." : "…"
        let next = keymap.label(for: .storyNext, ascii: ascii), right = ScenarioText.key(.storyNext, keymap, ascii: ascii)
        let left = keymap.label(for: .storyPrevious, ascii: ascii), auto = keymap.label(for: .storyAuto, ascii: ascii)
        let quit = ScenarioText.key(.quit, keymap, ascii: ascii)
        var line = "chapter \(s.chapter + 1)/\(s.chapterCount)" + sep + TextSanitizer.clean(chapter.title)
        if s.ended {
            line += sep + "the end (" + left + " replays a chapter, " + quit + " quits)"
        } else if s.held {
            line += sep + "holding: " + right + " for the next chapter"
        } else if !s.seeking {
            let remaining = ScenarioText.wallSeconds(chapter.endSeconds - snapshot.simTime, speed: snapshot.clock.speed)
            line += sep + ScenarioText.clock(remaining) + " left"
        }
        let note: String? = s.seeking ? (s.rewinding ? "rewinding" + dots + " (replaying the story from its start at full speed)"
                                                     : "skipping ahead" + dots + " (running the simulation at full speed)") : nil
        let text = s.seeking ? "" : TextSanitizer.clean(chapter.caption.render(snapshot))
        let onOff = s.auto ? "on" : "off"
        // The caption's key line is a sentence, so a named key is in lower case ("→/space next").
        let keys = next.replacingOccurrences(of: "Space", with: "space") + " next" + sep + left + " back" + sep
            + auto + " auto-advance " + onOff + sep + quit + " quit"
        state.scenario = "story: " + ScenarioText.name(story.drill.name, limit: 36)
        state.scenarioKeys = .story
        var hints: [FooterBar.Hint]?
        if state.modal == nil && !state.editingFilter && state.message == nil {
            let bar: [(String, String)] = [(next, "next chapter"), (left, "previous"), (auto, "auto-advance " + onOff),
                                           (ScenarioText.key(.help, keymap, ascii: ascii), "help"),
                                           (ScenarioText.key(.fault, keymap, ascii: ascii), "fault"),
                                           (ScenarioText.key(.surge, keymap, ascii: ascii), "surge"),
                                           (ScenarioText.key(.speedUp, keymap, ascii: ascii) + "/" + ScenarioText.key(.speedDown, keymap, ascii: ascii), "speed"),
                                           (ScenarioText.key(.step, keymap, ascii: ascii), "step"), (quit, "quit")]
            hints = bar.map { FooterBar.Hint($0.0, $0.1) }
        }
        state.scenarioView = ScenarioView(highlight: ScenarioView.panel(chapter.panel),
                                          caption: ScenarioCaption(chapterLine: line, text: text, note: note, keys: keys), hints: hints)
    }
}
