/// Which key does what. Built from the defaults (DESIGN §4) and changed by the config file;
/// the help overlay and the footer key bar read it, so they always show the bindings in force.
public struct Keymap: Sendable, Equatable {
    /// Keys per action, in the order they were bound (the first is the one key bars show).
    public private(set) var bindings: [KeyAction: [Key]]
    private var lookup: [Key: KeyAction]

    /// Why a binding was refused.
    public enum BindingError: Error, Sendable, Equatable, CustomStringConvertible {
        /// An injection on a bare ctrl-key (ctrl-a and ctrl-b belong to tmux and screen; one slip
        /// must not change the fleet).
        case injectionOnControlKey(KeyAction, Key)
        /// Quitting must stay possible.
        case quitUnbound

        public var description: String {
            switch self {
            case .injectionOnControlKey(let a, let k):
                "\(a.rawValue) changes the fleet and cannot be bound to the bare ctrl-key \(KeyName.configName(k))"
            case .quitUnbound:
                "quit needs at least one key"
            }
        }
    }

    /// Empty: no key does anything (build up with `bind`).
    public init() { bindings = [:]; lookup = [:] }

    /// The default bindings.
    public static let defaults: Keymap = {
        var map = Keymap()
        let table: [(KeyAction, [Key])] = [
            (.help, [.character("?"), .function(1)]), (.quit, [.character("q")]),
            (.palette, [.character(":")]), (.filter, [.character("/")]),
            (.pause, [.character(" ")]), (.step, [.character(".")]),
            (.speedUp, [.character("+")]), (.speedDown, [.character("-")]),
            (.refreshSlower, [.character("<")]), (.refreshFaster, [.character(">")]),
            (.focusNext, [.tab]), (.focusPrevious, [.backTab]),
            (.selectUp, [.up]), (.selectDown, [.down]), (.selectLeft, [.left]), (.selectRight, [.right]),
            (.drillDown, [.enter]), (.back, [.escape]),
            (.scrollUp, [.pageUp]), (.scrollDown, [.pageDown]),
            (.fault, [.character("f")]), (.surge, [.character("s")]),
            (.repair, [.character("r")]), (.repairAll, [.character("R")]),
            (.mapMetric, [.character("m")]), (.theme, [.character("t")]),
            (.preset, [.character("p")]), (.expand, [.character("e")]),
            (.viewDashboard, [.character("1")]), (.viewRacks, [.character("2")]), (.viewGPUs, [.character("3")]),
            (.viewAlerts, [.character("4")]), (.viewFaults, [.character("5")]), (.viewLatency, [.character("6")]),
            (.sortNext, [.character("o")]), (.sortReverse, [.character("O")]), (.jump, [.character("g")]),
            (.latencyWindow, [.character("W")]), (.saveFrame, [.character("w")]),
        ]
        for (action, keys) in table {
            for key in keys { map.bindings[action, default: []].append(key); map.lookup[key] = action }
        }
        return map
    }()

    /// The action a key triggers, if any.
    public func action(for key: Key) -> KeyAction? { lookup[key] }

    /// The action a key event triggers (mouse and resize events trigger none).
    public func action(for event: InputEvent) -> KeyAction? {
        if case .key(let k) = event { return lookup[k] }
        return nil
    }

    /// The keys bound to an action, in binding order.
    public func keys(for action: KeyAction) -> [Key] { bindings[action] ?? [] }

    /// "?/F1" — every key of an action, for help and key bars; "unbound" when none.
    public func label(for action: KeyAction, ascii: Bool = false) -> String {
        let keys = keys(for: action)
        return keys.isEmpty ? "unbound" : keys.map { KeyName.label($0, ascii: ascii) }.joined(separator: "/")
    }

    /// Makes `keys` the only keys of `action`. A key taken from another action leaves that action
    /// (which may end up unbound); injections refuse bare ctrl-keys and quit refuses none.
    public mutating func bind(_ action: KeyAction, to keys: [Key]) throws(BindingError) {
        if action.isInjection, let ctrl = keys.first(where: { if case .control = $0 { true } else { false } }) {
            throw .injectionOnControlKey(action, ctrl)
        }
        if action == .quit && keys.isEmpty { throw .quitUnbound }
        if keys.contains(where: { lookup[$0] == .quit && action != .quit }),
           bindings[.quit, default: []].allSatisfy({ keys.contains($0) }) {
            throw .quitUnbound
        }
        for old in bindings[action] ?? [] { lookup[old] = nil }
        var unique: [Key] = []
        for key in keys where !unique.contains(key) {
            if let other = lookup[key] { bindings[other]?.removeAll { $0 == key } }
            lookup[key] = action
            unique.append(key)
        }
        bindings[action] = unique
    }

    /// Actions left without a key.
    public var unboundActions: [KeyAction] { KeyAction.allCases.filter { keys(for: $0).isEmpty } }
}
