import Testing
import FleetSim
@testable import FleetDashboard

@Suite("Keymap")
struct KeymapTests {
    @Test("every action has a default key, and no key does two things in one layer")
    func defaults() {
        let map = Keymap.defaults
        #expect(map.unboundActions.isEmpty)
        var seen: Set<[AnyHashable]> = []
        for action in KeyAction.allCases {
            for key in map.keys(for: action) {
                #expect(!seen.contains([action.layer, key]), "\(key) bound twice in \(action.layer)")
                seen.insert([action.layer, key])
                #expect(map.action(for: key, in: action.layer) == action)
                if action.layer == .dashboard { #expect(map.action(for: key) == action) }
            }
        }
    }

    @Test("a story's and a replay's keys are bound in layers of their own, over the dashboard's")
    func scenarioLayers() throws {
        var map = Keymap.defaults
        #expect(map.action(for: .right) == .selectRight)
        #expect(map.action(for: .right, in: .story) == .storyNext)
        #expect(map.action(for: .character(" "), in: .story) == .storyNext)
        #expect(map.action(for: .character(" ")) == .pause)
        #expect(map.action(for: .character("["), in: .replay) == .replayBack)
        #expect(map.action(for: .character("["), in: .story) == nil)
        #expect(map.label(for: .storyNext) == "→/Space")
        try map.bind(.storyNext, to: [.character("n")])
        #expect(map.action(for: .right, in: .story) == nil)
        #expect(map.action(for: .right) == .selectRight, "rebinding a story key leaves the dashboard's alone")
        #expect(throws: Keymap.BindingError.quitUnbound) { try map.bind(.storyAuto, to: [.character("q")]) }
    }

    @Test("the keys of DESIGN §4")
    func designKeys() {
        let map = Keymap.defaults
        let expected: [(Key, KeyAction)] = [
            (.character("?"), .help), (.function(1), .help), (.character("q"), .quit), (.character(" "), .pause),
            (.character("."), .step), (.character("+"), .speedUp), (.character("-"), .speedDown),
            (.character("<"), .refreshSlower), (.character(">"), .refreshFaster), (.tab, .focusNext),
            (.backTab, .focusPrevious), (.up, .selectUp), (.enter, .drillDown), (.escape, .back),
            (.character("f"), .fault), (.character("s"), .surge), (.character("r"), .repair),
            (.character("R"), .repairAll), (.character(":"), .palette), (.character("/"), .filter),
            (.character("m"), .mapMetric), (.character("t"), .theme), (.character("p"), .preset),
            (.character("e"), .expand), (.pageUp, .scrollUp), (.pageDown, .scrollDown),
        ]
        for (key, action) in expected { #expect(map.action(for: key) == action, "\(key)") }
        #expect(map.action(for: .key(.character("q"))) == .quit)
        #expect(map.action(for: .resize(columns: 80, rows: 24)) == nil)
        #expect(map.label(for: .help) == "?/F1")
    }

    @Test("no bare ctrl-key injects anything")
    func ctrlInjection() {
        for action in KeyAction.allCases where action.isInjection {
            var map = Keymap.defaults
            #expect(throws: Keymap.BindingError.injectionOnControlKey(action, .control("a"))) {
                try map.bind(action, to: [.control("a")])
            }
            #expect(map == Keymap.defaults)
        }
        var map = Keymap.defaults
        #expect(throws: Never.self) { try map.bind(.pause, to: [.control("p")]) }
    }

    @Test("rebinding moves a key away from its old action; quit can never be lost")
    func rebind() throws {
        var map = Keymap.defaults
        try map.bind(.fault, to: [.character("x"), .character("t")])
        #expect(map.action(for: .character("t")) == .fault)
        #expect(map.action(for: .character("f")) == nil)
        #expect(map.keys(for: .theme).isEmpty)
        #expect(map.unboundActions == [.theme])
        #expect(throws: Keymap.BindingError.quitUnbound) { try map.bind(.quit, to: []) }
        #expect(throws: Keymap.BindingError.quitUnbound) { try map.bind(.pause, to: [.character("q")]) }
    }

    @Test("key names parse and print both ways")
    func keyNames() {
        let keys: [Key] = [.character("q"), .character("R"), .character(" "), .character("?"), .enter, .escape, .tab,
                           .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown,
                           .function(1), .function(12), .control("l")]
        for key in keys { #expect(KeyName.parse(KeyName.configName(key)) == key, "\(key)") }
        #expect(KeyName.parse("F5") == .function(5))
        #expect(KeyName.parse("Ctrl-L") == .control("l"))
        #expect(KeyName.parse("^b") == .control("b"))
        #expect(KeyName.parse("PageDown") == .pageDown)
        #expect(KeyName.parse("f13") == nil)
        #expect(KeyName.parse("ctrl-1") == nil)
        #expect(KeyName.parse("bogus") == nil)
        #expect(KeyName.parse("\u{7}") == nil)
        #expect(KeyName.label(.up) == "↑" && KeyName.label(.up, ascii: true) == "Up")
        #expect(KeyName.label(.control("l")) == "^L")
    }
}
