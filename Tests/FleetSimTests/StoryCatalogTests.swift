import Testing
@testable import FleetSim

@Suite("Built-in stories parse")
struct StoryCatalogTests {
    @Test func defaultStoryHasTheFiveChapters() throws {
        let story = try StoryCatalog.defaultEntry.story()
        #expect(story.chapters.count == 5)
        #expect(story.chapters.allSatisfy { (30...600).contains($0.durationSeconds) })
        #expect(story.drill.durationSeconds == story.chapters.last?.endSeconds)
        #expect(story.chapters.allSatisfy { !$0.caption.metrics.isEmpty })
        #expect(story.drill.method.first?.command == .clock(.speed(.times(10))))
        #expect(story.drill.fleet == "demo")
    }

    @Test func unknownStoryNameListsTheBuiltIns() {
        do {
            _ = try StoryCatalog.load("no-such-story")
            Issue.record("accepted an unknown story")
        } catch {
            #expect(error.expected == ["agentic-meets-physics"])
        }
    }
}
