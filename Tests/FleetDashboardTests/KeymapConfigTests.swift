import Testing
import FleetSim
@testable import FleetDashboard

@Suite("Config file")
struct KeymapConfigTests {
    @Test("the default config text reads back as exactly the defaults")
    func defaultRoundTrip() {
        let loaded = FleetConfig.parse(DefaultConfig.text, file: "default.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.config == FleetConfig())
        for action in KeyAction.allCases { #expect(DefaultConfig.text.contains("  \(action.rawValue): ")) }
    }

    @Test("settings and rebindings apply")
    func settings() {
        let text = """
        theme: nord
        refresh_ms: 250
        speed: 10x
        fleet: tiny
        keys:
          quit: [Q, ctrl-q]
          fault: x
          help: ["?", f1, h]
        """
        let loaded = FleetConfig.parse(text, file: "c.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let c = loaded.config
        #expect(c.theme == "nord" && c.refreshMilliseconds == 250 && c.speed == .times(10) && c.fleet == "tiny")
        #expect(c.keymap.action(for: .character("Q")) == .quit)
        #expect(c.keymap.action(for: .control("q")) == .quit)
        #expect(c.keymap.action(for: .character("q")) == nil)
        #expect(c.keymap.action(for: .character("x")) == .fault)
        #expect(c.keymap.action(for: .character("h")) == .help)
        #expect(FleetConfig.parse("speed: max", file: "c").config.speed == .max)
    }

    @Test("errors name file, line and key; unknown actions list the valid ones")
    func errors() {
        let text = """
        refresh_ms: 5
        speed: fast
        colour: blue
        keys:
          teleport: z
          pause: [space, nosuchkey]
          fault: ctrl-f
          surge: "k"
          step: "k"
        """
        let loaded = FleetConfig.parse(text, file: "/home/u/.config/fleettop/config.yaml")
        let d = loaded.diagnostics.map(\.description)
        #expect(loaded.hasErrors)
        #expect(d.contains { $0.hasPrefix("/home/u/.config/fleettop/config.yaml:1: error: refresh_ms:") })
        #expect(d.contains { $0.hasPrefix("/home/u/.config/fleettop/config.yaml:2: error: speed:") })
        #expect(d.contains { $0.hasPrefix("/home/u/.config/fleettop/config.yaml:3: warning: unknown setting colour") })
        #expect(d.contains { $0.contains(":5: error: keys: unknown action teleport; valid actions: help, quit,") && $0.contains("repair_all") })
        #expect(d.contains { $0.contains(":6: error: keys.pause: unknown key \"nosuchkey\"") })
        #expect(d.contains { $0.contains(":7: error: keys.fault: fault changes the fleet and cannot be bound to the bare ctrl-key ctrl-f") })
        #expect(d.contains { $0.contains(":9: error: keys.step: k is already bound to surge on line 8") })
        #expect(loaded.config.refreshMilliseconds == 500)
        #expect(loaded.config.keymap.action(for: .character("f")) == .fault)
        #expect(loaded.config.keymap.action(for: .character(" ")) == .pause)
    }

    @Test("broken YAML is one error with its line; a list at the top is refused")
    func badYAML() {
        let loaded = FleetConfig.parse("theme: nord\nkeys: [unclosed\n", file: "c.yaml")
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics[0].description.hasPrefix("c.yaml:"))
        #expect(loaded.diagnostics[0].description.contains("not valid YAML"))
        #expect(loaded.config == FleetConfig())
        #expect(FleetConfig.parse("- a\n- b\n", file: "c").hasErrors)
        #expect(FleetConfig.parse("", file: "c").diagnostics.isEmpty)
    }

    @Test("moving quit frees its old key for another action, whatever the order")
    func quitFirst() {
        let loaded = FleetConfig.parse("keys:\n  pause: q\n  quit: x\n", file: "c")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.config.keymap.action(for: .character("q")) == .pause)
        #expect(loaded.config.keymap.action(for: .character("x")) == .quit)
    }

    @Test("control characters from the file never reach a message")
    func sanitised() {
        let loaded = FleetConfig.parse("keys:\n  pause: \"a\\u001b[2J\"\n", file: "c")
        #expect(loaded.diagnostics.count == 1)
        #expect(!loaded.diagnostics[0].description.unicodeScalars.contains { DisplayWidth.isControl($0) })
        #expect(loaded.config.keymap.action(for: .character(" ")) == .pause, "a refused key keeps the old binding")
    }
}
