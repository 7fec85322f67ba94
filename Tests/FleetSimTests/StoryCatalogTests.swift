import Testing
@testable import FleetSim

@Suite("Built-in stories parse")
struct StoryCatalogTests {
    @Test func defaultStoryHasTheFiveChapters() throws {
        let story = try StoryCatalog.defaultEntry.story()
        #expect(story.chapters.count == 5)
        #expect(story.drill.durationSeconds == story.chapters.last?.endSeconds)
        #expect(story.chapters.allSatisfy { !$0.caption.metrics.isEmpty })
        // Forty calm minutes at ×40 warm the agent tasks up; every chapter lasts a minute at most on
        // screen (×40 for the first, ×10 from the second on).
        #expect(story.drill.method.first?.command == .clock(.speed(.times(40))))
        #expect(story.chapters.first?.durationSeconds == 2400)
        #expect(story.chapters.dropFirst().allSatisfy { (30...600).contains($0.durationSeconds) })
        #expect(story.drill.method.contains { $0.atSeconds == 2400 && $0.command == .clock(.speed(.times(10))) })
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
