import Foundation
import Testing

/// `fleettop demo` in tmux at 100×30: → walks through every chapter; each chapter's title shows in
/// the caption box, its panel carries "◆", and the caption box never overlaps that panel's box;
/// ← rewinds.
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed (.ci/run installs it)"))
struct DemoLiveTests {
    static let chapters: [(title: String, panel: String)] = [
        ("Quiet start", "latency"), ("Power story", "power"), ("Agents story", "agentic"),
        ("Heat story", "thermal"), ("What happened", "events"), ("Where it is", "map"), ("Requests", "traffic"),
    ]

    static var story: String {
        var yaml = "name: e2e story\nfleet: tiny\nseed: 4\nchapters:\n"
        for (i, c) in chapters.enumerated() {
            yaml += "  - title: \(c.title)\n    panel: \(c.panel)\n    duration: 20s\n"
            yaml += "    caption: Chapter \(i + 1) says chat p99 is {chat.ttft.p99} and the fleet draws {fleet.facility_power_kw}.\n"
            if i == 1 { yaml += "    commands:\n      - fault cooling site=near hall=1 magnitude=60%\n" }
        }
        return yaml
    }

    /// A box on the screen: the corners found from a cell on its top edge.
    struct Box: Equatable {
        var x0: Int, y0: Int, x1: Int, y1: Int
        func overlaps(_ o: Box) -> Bool { x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1 }
    }

    /// The box whose top edge holds `marker`: left to its "╭", right to its "╮", down to the "╰" below the left corner.
    static func box(containing marker: String, in screen: String) -> Box? {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        for (y, row) in rows.enumerated() {
            let text = String(row)
            guard let range = text.range(of: marker) else { continue }
            let col = text.distance(from: text.startIndex, to: range.lowerBound)
            guard let x0 = row[..<col].lastIndex(of: "╭"), let x1 = row[col...].firstIndex(of: "╮") else { continue }
            guard let y1 = rows.indices.first(where: { $0 > y && x0 < rows[$0].count && rows[$0][x0] == "╰" }) else { continue }
            return Box(x0: x0, y0: y, x1: x1, y1: y1)
        }
        return nil
    }

    @Test func walksEveryChapterWithoutCoveringItsPanel() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-story-\(UUID().uuidString).yaml")
        try Self.story.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let t = try TmuxSession(arguments: ["demo", file.path, "--manual", "--speed", "10"], width: 100, height: 30)
        for (i, chapter) in Self.chapters.enumerated() {
            let line = "chapter \(i + 1)/\(Self.chapters.count) · \(chapter.title)"
            let screen = t.waitFor(timeout: 120) { $0.contains(line) && $0.contains("Chapter \(i + 1) says") && $0.contains("◆") }
            #expect(screen.contains(line), "chapter \(i + 1) not shown:\n\(screen)")
            #expect(screen.contains("Chapter \(i + 1) says chat p99 is"), "caption \(i + 1) missing:\n\(screen)")
            let caption = Self.box(containing: "─ story ─", in: screen)
            let panel = Self.box(containing: "◆", in: screen)
            #expect(caption != nil && panel != nil, "boxes not found:\n\(screen)")
            if let caption, let panel {
                #expect(!caption.overlaps(panel), "chapter \(i + 1): caption \(caption) overlaps panel \(panel):\n\(screen)")
            }
            t.send("Right")
        }
        let end = t.waitFor(timeout: 120) { $0.contains("the end") }
        #expect(end.contains("chapter \(Self.chapters.count)/\(Self.chapters.count)"), "\(end)")
        t.send("Left")
        let back = t.waitFor(timeout: 120) {
            $0.contains("chapter \(Self.chapters.count - 1)/\(Self.chapters.count)") && !$0.contains("rewinding")
        }
        #expect(back.contains("· \(Self.chapters[Self.chapters.count - 2].title)"), "rewind did not land:\n\(back)")
        t.send("q")
        #expect(t.waitForExit() == 0)
        #expect(t.format("#{alternate_on}") == "0")
    }

    @Test func listsTheBuiltInStory() throws {
        let r = try TmuxSession.run([TmuxSession.binary, "demo", "--list"])
        #expect(r.status == 0)
        #expect(r.output.contains("agentic-meets-physics"), "\(r.output)")
    }

    @Test func headlessHandoutIsWritten() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-story-\(UUID().uuidString).yaml")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("fleettop-handout-\(UUID().uuidString).md")
        try Self.story.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file); try? FileManager.default.removeItem(at: out) }
        let r = try TmuxSession.run([TmuxSession.binary, "demo", file.path, "--headless", "--markdown", out.path])
        #expect(r.status == 0, "\(r.output)")
        let md = try String(contentsOf: out, encoding: .utf8)
        for (i, c) in Self.chapters.enumerated() { #expect(md.contains("## \(i + 1). \(c.title)")) }
        #expect(!md.contains("{chat.ttft.p99}"), "placeholders must be filled")
    }
}
