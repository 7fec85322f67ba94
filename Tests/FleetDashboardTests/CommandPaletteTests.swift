import Testing
import FleetSim
@testable import FleetDashboard

@Suite("Command palette")
struct CommandPaletteTests {
    let sites = SnapshotFixture.siteNames

    func type(_ p: inout CommandPalette, _ text: String) {
        for c in text { _ = p.handle(.character(c), siteNames: sites) }
    }

    @Test func parsesACommandAndRemembersIt() {
        var p = CommandPalette()
        type(&p, "surge agentic factor=3 for=10m")
        let out = p.handle(.enter, siteNames: sites)
        #expect(out == .command(.fleet(.surge(SurgeSpec(classes: [.agentic], factor: 3, durationSeconds: 600))),
                                text: "surge agentic factor=3 for=10m"))
        #expect(p.history == ["surge agentic factor=3 for=10m"])
        #expect(p.text.isEmpty)
    }

    @Test func showsTheParserErrorInline() {
        var p = CommandPalette()
        type(&p, "fault cooler")
        #expect(p.handle(.enter, siteNames: sites) == .stay)
        #expect(p.error?.column == 7)
        var c = Canvas(width: 80, height: 3)
        p.draw(into: &c, area: c.bounds, theme: .monochrome, glyphs: .unicode)
        #expect(c.rowText(1).contains("unknown fault kind"))
        #expect(c.rowText(2).hasPrefix(":fault cooler"))
        _ = p.handle(.backspace, siteNames: sites)
        #expect(p.error == nil)
    }

    @Test func tabCompletesVerbsKindsAndSites() {
        var p = CommandPalette()
        type(&p, "fa")
        _ = p.handle(.tab, siteNames: sites)
        #expect(p.text == "fault ")
        type(&p, "coo")
        _ = p.handle(.tab, siteNames: sites)
        #expect(p.text == "fault cooling ")
        type(&p, "site=me")
        _ = p.handle(.tab, siteNames: sites)
        #expect(p.text == "fault cooling site=metro-edge ")
        type(&p, "site")
        _ = p.handle(.tab, siteNames: sites)
        #expect(p.text == "fault cooling site=metro-edge site")
    }

    @Test func severalCandidatesAreListed() {
        var p = CommandPalette()
        type(&p, "re")
        _ = p.handle(.tab, siteNames: sites)
        #expect(p.candidates == ["repair", "resume"])
        #expect(p.text == "re")
    }

    @Test func upThenEnterRerunsTheLastCommand() {
        var p = CommandPalette()
        type(&p, "pause")
        _ = p.handle(.enter, siteNames: sites)
        type(&p, "speed 10")
        _ = p.handle(.enter, siteNames: sites)
        _ = p.handle(.up, siteNames: sites)
        #expect(p.text == "speed 10")
        _ = p.handle(.up, siteNames: sites)
        #expect(p.text == "pause")
        _ = p.handle(.down, siteNames: sites)
        #expect(p.text == "speed 10")
        #expect(p.handle(.enter, siteNames: sites) == .command(.clock(.speed(.times(10))), text: "speed 10"))
        #expect(p.history == ["pause", "speed 10"])
    }

    @Test func escapeCloses() {
        var p = CommandPalette()
        #expect(p.handle(.escape, siteNames: sites) == .closed)
    }
}
