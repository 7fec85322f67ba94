import Foundation
import Testing

/// Issue 5 in tmux: injections through the menus and the palette, cancelling, read-only.
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed (.ci/run installs it)"))
struct OperatorControlTests {
    /// The events panel's lines (the box titled "events").
    static func eventLines(_ screen: String) -> [String] {
        let lines = screen.components(separatedBy: "\n")
        guard let top = lines.firstIndex(where: { $0.contains("events") && $0.contains("─") }) else { return [] }
        return Array(lines[(top + 1)...].prefix { !$0.contains("╰") })
    }

    /// The Yes button every injection dialog shows (No is the default).
    static let confirmation = "[ y Yes ]"

    static func mapLines(_ screen: String) -> [String] {
        let lines = screen.components(separatedBy: "\n")
        guard let top = lines.firstIndex(where: { $0.contains("fleet map") }) else { return [] }
        return Array(lines[(top + 1)...].prefix { !$0.contains("╰") })
    }

    @Test func rackFaultThroughTheMenuLandsInEventsAndOnTheMap() throws {
        let t = try TmuxSession(arguments: ["--fleet", "demo", "--seed", "3"])
        t.waitFor { $0.contains("fleet map") && $0.contains("events") }
        t.send("Down")
        t.send("f")
        t.waitFor { $0.contains("fault: kind") }
        t.send("2")
        let target = t.waitFor { $0.contains("fault: target") }
        #expect(target.contains("rack"), "the target menu offers the selected rack:\n\(target)")
        t.send("Enter")
        let confirm = t.waitFor(timeout: 10) { $0.contains("inject fault?") || $0.contains("Enter choose") && !$0.contains("fault: target") }
        if !confirm.contains("inject fault?") {
            for _ in 0..<3 where !t.capture().contains("inject fault?") { t.send("Enter"); usleep(300_000) }
        }
        let dialog = t.waitFor { $0.contains("inject fault?") }
        #expect(dialog.contains("rack"), "the dialog names the target:\n\(dialog)")
        t.send("y")
        let after = t.waitFor { Self.eventLines($0).contains { $0.contains("rack") && $0.contains("operator") } }
        #expect(Self.eventLines(after).contains { $0.contains("rack") && $0.contains("operator") },
                "no rack fault in the events panel:\n\(after)")
        #expect(Self.mapLines(after).contains { $0.contains("✗") || $0.contains("F") },
                "no failed mark on the map:\n\(after)")
        t.send("q")
        #expect(t.waitForExit() == 0)
    }

    @Test func cancellingTheDialogInjectsNothing() throws {
        let t = try TmuxSession(arguments: ["--fleet", "demo"])
        t.waitFor { $0.contains("fleet map") && $0.contains("events") }
        t.send("s")
        t.waitFor { $0.contains("surge") && $0.contains("Enter choose") }
        for _ in 0..<6 where !t.capture().contains(Self.confirmation) { t.send("Enter"); usleep(300_000) }
        let dialog = t.waitFor { $0.contains("surge?") && $0.contains(Self.confirmation) }
        #expect(dialog.contains("surge?") && dialog.contains(Self.confirmation), "no confirmation dialog:\n\(dialog)")
        t.send("Enter")
        usleep(1_500_000)
        let screen = t.capture()
        #expect(!Self.eventLines(screen).contains { $0.contains("surge") }, "Enter (default No) injected a surge:\n\(screen)")
        t.send("q")
        #expect(t.waitForExit() == 0)
    }

    @Test func paletteRunsACommand() throws {
        let t = try TmuxSession(arguments: ["--fleet", "demo"])
        t.waitFor { $0.contains("fleet map") && $0.contains("events") }
        t.send(":")
        t.type("surge agentic factor=3 for=10m")
        t.send("Enter")
        let confirm = t.waitFor { $0.contains(Self.confirmation) }
        #expect(confirm.contains("surge agentic factor=3"), "the palette command is confirmed first:\n\(confirm)")
        t.send("y")
        let after = t.waitFor { Self.eventLines($0).contains { $0.contains("surge agentic") } }
        #expect(Self.eventLines(after).contains { $0.contains("surge agentic") }, "palette surge not in events:\n\(after)")
        t.send(":")
        t.type("fault cooler site=metro-edge")
        t.send("Enter")
        let error = t.waitFor { $0.contains("cooler") && $0.contains("expected") }
        #expect(error.contains("expected"), "no inline error for a bad kind:\n\(error)")
        t.send("Escape")
        t.send("q")
        #expect(t.waitForExit() == 0)
    }

    @Test func readOnlyRefusesInjections() throws {
        let t = try TmuxSession(arguments: ["--fleet", "demo", "--read-only"])
        let start = t.waitFor { $0.contains("fleet map") }
        #expect(start.contains("READ-ONLY"), "header does not say READ-ONLY:\n\(start)")
        t.send("f")
        usleep(500_000)
        let screen = t.capture()
        #expect(!screen.contains("fault: kind"), "the fault menu opened in read-only mode:\n\(screen)")
        t.send(":")
        t.type("repair all")
        t.send("Enter")
        usleep(800_000)
        #expect(!Self.eventLines(t.capture()).contains { $0.contains("repair") }, "read-only accepted a repair")
        t.send("Escape")
        t.send("q")
        #expect(t.waitForExit() == 0)
    }
}
