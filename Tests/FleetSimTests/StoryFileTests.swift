import Testing
@testable import FleetSim

@Suite("Story files")
struct StoryFileTests {
    static let story = """
    name: a short story
    fleet: fixture
    steady_state:
      - metric: goodput
        above: 50%
    chapters:
      - title: Calm
        panel: latency
        duration: 1m
        caption: Chat p99 TTFT is {chat.ttft.p99}; goodput {goodput}.
      - title: Trouble
        panel: thermal
        duration: 2m
        caption: >
          Goodput falls to {goodput} while {sites.metro-edge.h1.die_c_max} is the hottest die. {{not a placeholder}}
        commands:
          - fault cooling site=metro-edge hall=1 magnitude=100%
          - at: 90s
            command: repair all
      - title: After
        duration: 30s
        caption: Goodput back at {goodput}.
    """

    @Test func parsesChaptersAndMergesCommands() throws {
        let s = try StoryFile.parse(yaml: Self.story, file: "story.yaml")
        #expect(s.chapters.map(\.title) == ["Calm", "Trouble", "After"])
        #expect(s.chapters.map(\.startSeconds) == [0, 60, 180])
        #expect(s.drill.durationSeconds == 210)
        #expect(s.drill.method.map(\.atSeconds) == [60, 150])
        #expect(s.drill.method.map(\.text) == ["fault cooling site=metro-edge hall=1 magnitude=100%", "repair all"])
        #expect(s.chapters[1].panel == .thermal)
        #expect(s.chapters[2].panel == .header)
        #expect(s.chapters[0].caption.metrics.map(\.text) == ["chat.ttft.p99", "goodput"])
        #expect(s.chapterIndex(at: 100) == 1)
    }

    @Test func captionsFillFromTheSnapshot() throws {
        let caption = try StoryCaption("p99 {chat.ttft.p99}, hottest {sites.metro-edge.h1.die_c_max}, {{braces}}")
        #expect(caption.render(DrillTestFixtures.snapshot()) == "p99 1.62 s, hottest 88.5 °C, {braces}")
    }

    @Test(arguments: [
        ("caption: Chat p99 TTFT is {chat.ttft.p99}", "caption: Chat p99 TTFT is {chat.ttft.p100}",
         "story.yaml:10: chapters[0].caption: placeholder {chat.ttft.p100}: unknown field 'ttft.p100' in 'chat.ttft.p100'"),
        ("panel: thermal", "panel: thermals",
         "story.yaml:12: chapters[1].panel: unknown panel 'thermals' — expected one of header, map, power, thermal, traffic, latency, agentic, events, detail"),
        ("  - title: After\n", "  - name: After\n",
         "story.yaml:20: chapters[2].name: unknown key 'name' — expected one of title, caption, panel, duration, commands"),
        ("- at: 90s", "- at: 3m", "story.yaml:18: chapters[1].commands[1].at: at 3m is not within the chapter's 2m"),
        ("back at {goodput}.", "back at {goodput.", "story.yaml:22: chapters[2].caption: placeholder {{goodput.}: a '{' without its '}'"),
    ])
    func badStories(old: String, new: String, message: String) {
        #expect(Self.story.contains(old))
        do {
            _ = try StoryFile.parse(yaml: Self.story.replacingOccurrences(of: old, with: new), file: "story.yaml")
            Issue.record("accepted a bad story")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test func unknownSiteInACaptionIsCaughtBeforeRunning() throws {
        let s = try StoryFile.parse(yaml: Self.story.replacingOccurrences(of: "sites.metro-edge.h1", with: "sites.metro-edge.h9"),
                                    file: "story.yaml")
        var sim = ScriptedSimulation(lossPerSecond: 0)
        #expect(throws: Diagnostic.self) { try StoryRunner.run(s, on: &sim) }
    }

    @Test func headlessRunFillsEveryChapterInOrder() throws {
        let s = try StoryFile.parse(yaml: Self.story, file: "story.yaml")
        var sim = ScriptedSimulation(lossPerSecond: 0.004)
        let handout = try StoryRunner.run(s, on: &sim)
        #expect(handout.chapters.map(\.title) == ["Calm", "Trouble", "After"])
        #expect(handout.chapters.map(\.endSeconds) == [60, 180, 210])
        #expect(handout.chapters[0].caption == "Chat p99 TTFT is 1.62 s; goodput 100%.")
        #expect(handout.chapters[1].caption.hasPrefix("Goodput falls to 100%"))
        #expect(handout.chapters[1].figures.map(\.path) == ["goodput", "sites.metro-edge.h1.die_c_max"])
        #expect(sim.applied.map(\.0) == [600, 1500])
        #expect(handout.report.verdict == .passed)
        let md = handout.markdown
        #expect(md.contains("## 2. Trouble"))
        #expect(md.contains("What happens: `fault cooling site=metro-edge hall=1 magnitude=100%`, `repair all`"))
        #expect(md.contains("| `sites.metro-edge.h1.die_c_max` | 88.5 °C |"))
    }
}
