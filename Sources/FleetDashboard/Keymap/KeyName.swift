import FleetSim
/// Names for keys, both ways: the config file's spelling (`space`, `f1`, `shift-tab`, `ctrl-l`,
/// `pgdn`, or one character) and the short label the help overlay shows.
public enum KeyName {
    private static let named: [(String, Key)] = [
        ("space", .character(" ")), ("enter", .enter), ("esc", .escape), ("tab", .tab),
        ("shift-tab", .backTab), ("backspace", .backspace), ("delete", .delete),
        ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("home", .home), ("end", .end), ("pgup", .pageUp), ("pgdn", .pageDown),
    ]
    private static let aliases: [String: Key] = [
        "return": .enter, "escape": .escape, "backtab": .backTab, "s-tab": .backTab, "del": .delete,
        "pageup": .pageUp, "pagedown": .pageDown, "page-up": .pageUp, "page-down": .pageDown,
    ]

    /// Parses a config-file key name; nil when it names no key.
    public static func parse(_ text: String) -> Key? {
        if text.count == 1, let c = text.first {
            return c.isWhitespace || c.unicodeScalars.contains(where: DisplayWidth.isControl) ? nil : .character(c)
        }
        let lower = text.lowercased()
        if let hit = named.first(where: { $0.0 == lower }) { return hit.1 }
        if let hit = aliases[lower] { return hit }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let c = rest.first, c.isASCII, c.isLetter { return .control(c) }
        }
        return nil
    }

    /// The config-file spelling of a key (`parse(configName(k)) == k`).
    public static func configName(_ key: Key) -> String {
        if let hit = named.first(where: { $0.1 == key }) { return hit.0 }
        switch key {
        case .character(let c): return String(c)
        case .function(let n): return "f\(n)"
        case .control(let c): return "ctrl-\(c)"
        default: return "?"
        }
    }

    /// The label shown in help and key bars: `?`, `F1`, `Space`, `S-Tab`, `↑`, `PgDn`, `^L`
    /// (arrows spelled `Up`… when `ascii`).
    public static func label(_ key: Key, ascii: Bool = false) -> String {
        if ascii {
            switch key {
            case .up: return "Up"
            case .down: return "Down"
            case .left: return "Left"
            case .right: return "Right"
            default: break
            }
        }
        return switch key {
        case .character(" "): "Space"
        case .character(let c): TextSanitizer.clean(String(c))
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        case .control(let c): "^" + String(c).uppercased()
        }
    }
}
