import Testing
@testable import FleetSim

@Suite("Command palette completion")
struct CommandCompleterTests {
    let sites = ["metro-edge", "regional", "remote-campus"]

    @Test func verbs() {
        #expect(CommandCompleter.complete("", siteNames: sites).candidates == CommandVocabulary.verbs)
        let c = CommandCompleter.complete("re", siteNames: sites)
        #expect(c.candidates == ["repair", "resume"])
        #expect(c.wordStart == 0)
        #expect(c.commonPrefix == "re")
    }

    @Test func faultKindsThenKeys() {
        #expect(CommandCompleter.complete("fault c", siteNames: sites).candidates == ["cooling"])
        let keys = CommandCompleter.complete("fault cooling site=metro-edge ", siteNames: sites).candidates
        #expect(!keys.contains("site="))
        #expect(keys.contains("hall="))
        #expect(keys.contains("magnitude="))
        #expect(!keys.contains("latency="))
        #expect(CommandCompleter.complete("fault network ", siteNames: sites).candidates.contains("latency="))
        #expect(!CommandCompleter.complete("fault gpu ", siteNames: sites).candidates.contains("magnitude="))
    }

    @Test func sensorMagnitudesAndStopConditions() {
        #expect(CommandCompleter.complete("fault se", siteNames: sites).candidates == ["sensor"])
        #expect(CommandCompleter.complete("fault sensor site=regional magnitude=", siteNames: sites).candidates
                == ["magnitude=+15", "magnitude=+25", "magnitude=+40", "magnitude=-20"])
        #expect(CommandCompleter.complete("fault straggler magnitude=", siteNames: sites).candidates
                == ["magnitude=2", "magnitude=3", "magnitude=5"])
        #expect(CommandCompleter.complete("fault gpu ", siteNames: sites).candidates.contains("until="))
        #expect(!CommandCompleter.complete("fault gpu until=goodput<90% ", siteNames: sites).candidates.contains("until="))
        #expect(CommandCompleter.complete("fault rack until=g", siteNames: sites).candidates
                == ["until=gpus_down_ratio>", "until=goodput<"])
    }

    @Test func siteNames() {
        let c = CommandCompleter.complete("fault cooling site=re", siteNames: sites)
        #expect(c.candidates == ["site=regional", "site=remote-campus"])
        #expect(c.wordStart == 14)
        #expect(c.commonPrefix == "site=re")
        #expect(CommandCompleter.complete("repair site=m", siteNames: sites).candidates == ["site=metro-edge"])
    }

    @Test func countExcludesPercent() {
        let keys = CommandCompleter.complete("fault gpu count=3 ", siteNames: sites).candidates
        #expect(!keys.contains("percent="))
        #expect(!keys.contains("count="))
    }

    @Test func surgeAndSpeed() {
        #expect(CommandCompleter.complete("surge a", siteNames: sites).candidates == ["agentic", "all"])
        #expect(CommandCompleter.complete("surge agentic ", siteNames: sites).candidates == ["factor=", "ramp=", "for="])
        #expect(CommandCompleter.complete("speed m", siteNames: sites).candidates == ["max"])
        #expect(CommandCompleter.complete("pause ", siteNames: sites).candidates.isEmpty)
    }

    @Test("the fault kind is not a used key: rack= after fault rack, gpu= after fault gpu")
    func kindWordIsNotAKey() {
        #expect(CommandCompleter.complete("fault rack ra", siteNames: sites).candidates == ["rack=", "ramp="])
        #expect(CommandCompleter.complete("fault rack site=regional hall=2 ra", siteNames: sites).candidates == ["rack=", "ramp="])
        #expect(CommandCompleter.complete("fault gpu gp", siteNames: sites).candidates == ["gpu="])
        #expect(CommandCompleter.complete("fault rack rack=3 ra", siteNames: sites).candidates == ["ramp="])
    }
}
