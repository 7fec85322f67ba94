import FleetSim

/// The settings in `$XDG_CONFIG_HOME/fleettop/config.yaml`: defaults for the command line's
/// options and the key bindings. The command line's flags override these.
public struct FleetConfig: Sendable, Equatable {
    /// Theme name, looked up in the `ThemeCatalog`.
    public var theme: String
    /// Milliseconds between frames (`--refresh`).
    public var refreshMilliseconds: Int
    /// Starting simulation speed (`--speed`).
    public var speed: SimSpeed
    /// Fleet preset name or fleet file path (`--fleet`).
    public var fleet: String
    public var keymap: Keymap
    /// Where the settings came from, for errors about what they name (a theme or fleet file).
    public var origins = SettingOrigins()

    /// The config file and the line of each setting it made. Not part of a config's value: configs
    /// with the same settings are equal wherever they came from.
    public struct SettingOrigins: Sendable, Equatable {
        /// The config file, when the settings were read from one.
        public var file: String?
        /// The line of each setting the file made, by key (`theme`, `fleet`, …).
        public var lines: [String: Int] = [:]

        public init(file: String? = nil, lines: [String: Int] = [:]) {
            self.file = file
            self.lines = lines
        }

        /// `file:line: key` of a setting the file made; nil for a default.
        public func location(of key: String) -> String? {
            guard let file, let line = lines[key] else { return nil }
            return "\(file):\(line): \(key)"
        }

        public static func == (_: Self, _: Self) -> Bool { true }
    }

    /// Refresh intervals the config accepts, in milliseconds.
    public static let refreshRange = 50...10_000

    public init(theme: String = "default", refreshMilliseconds: Int = 500, speed: SimSpeed = .times(1),
                fleet: String = "demo", keymap: Keymap = .defaults) {
        self.theme = theme; self.refreshMilliseconds = refreshMilliseconds
        self.speed = speed; self.fleet = fleet; self.keymap = keymap
    }

    /// A parsed config and what was wrong with it. Each bad setting keeps its default.
    public struct Loaded: Sendable, Equatable {
        public var config: FleetConfig
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Parses config text; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String) -> Loaded {
        var config = FleetConfig()
        config.origins.file = file
        var problems: [Diagnostic] = []
        func error(_ line: Int, _ message: String) { problems.append(Diagnostic(.error, file: file, line: line, message)) }
        let root: ConfigNode
        do {
            root = try ConfigNode.parse(text)
        } catch {
            return Loaded(config: config, diagnostics: [Diagnostic(.error, file: file, line: error.line,
                                                                   "not valid YAML: \(error.message)")])
        }
        guard case .mapping(let entries, _) = root else {
            return Loaded(config: config, diagnostics: [Diagnostic(.error, file: file, line: root.line,
                                                                   "expected settings as `key: value` lines")])
        }
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "theme":
                guard case .scalar(let s, _) = value, !s.isEmpty else { error(value.line, "theme: expected a theme name"); continue }
                config.theme = s
                config.origins.lines["theme"] = value.line
            case "refresh_ms":
                guard case .scalar(let s, _) = value, let ms = Int(s), refreshRange.contains(ms) else {
                    error(value.line, "refresh_ms: expected milliseconds in \(refreshRange.lowerBound)...\(refreshRange.upperBound)")
                    continue
                }
                config.refreshMilliseconds = ms
            case "speed":
                guard case .scalar(let s, _) = value, let speed = parseSpeed(s) else {
                    error(value.line, "speed: expected a multiple of real time above 0 and at most \(QuantityText.shortest(CommandLimits.maxSpeed)) (1, 2, 5, 10, 60) or max")
                    continue
                }
                config.speed = speed
            case "fleet":
                guard case .scalar(let s, _) = value, !s.isEmpty else {
                    error(value.line, "fleet: expected a preset (demo, hyperscale, tiny) or a fleet file path")
                    continue
                }
                config.fleet = s
                config.origins.lines["fleet"] = value.line
            case "keys":
                parseKeys(value, into: &config.keymap, file: file, problems: &problems)
            default:
                problems.append(Diagnostic(.warning, file: file, line: entry.keyLine,
                                           "unknown setting \(entry.key) (known: theme, refresh_ms, speed, fleet, keys)"))
            }
        }
        return Loaded(config: config, diagnostics: problems)
    }

    /// "10", "10x", "×10", "max".
    static func parseSpeed(_ s: String) -> SimSpeed? {
        let t = s.lowercased().filter { $0 != " " }
        if t == "max" { return .max }
        let digits = t.hasPrefix("×") || t.hasPrefix("x") ? String(t.dropFirst()) : t.hasSuffix("x") ? String(t.dropLast()) : t
        guard let v = Double(digits), v > 0, v <= CommandLimits.maxSpeed else { return nil }
        return .times(v)
    }

    private static func parseKeys(_ node: ConfigNode, into keymap: inout Keymap, file: String, problems: inout [Diagnostic]) {
        guard case .mapping(let entries, _) = node else {
            problems.append(Diagnostic(.error, file: file, line: node.line, "keys: expected `action: key` or `action: [key, key]` lines"))
            return
        }
        let valid = KeyAction.allCases.map(\.rawValue).joined(separator: ", ")
        var claimedBy: [Key: (action: KeyAction, line: Int)] = [:]
        // quit first, so moving quit to a new key frees its old one for other actions
        let ordered = entries.filter { $0.key == KeyAction.quit.rawValue } + entries.filter { $0.key != KeyAction.quit.rawValue }
        for entry in ordered {
            guard let action = KeyAction(rawValue: entry.key) else {
                problems.append(Diagnostic(.error, file: file, line: entry.keyLine,
                                           "keys: unknown action \(entry.key); valid actions: \(valid)"))
                continue
            }
            let names: [(String, Int)]
            switch entry.value {
            case .scalar(let s, let line): names = s.isEmpty ? [] : [(s, line)]
            case .sequence(let items, _):
                var list: [(String, Int)] = []
                for item in items {
                    if case .scalar(let s, let line) = item { list.append((s, line)) } else {
                        problems.append(Diagnostic(.error, file: file, line: item.line, "keys.\(action.rawValue): expected key names"))
                    }
                }
                names = list
            case .mapping(_, let line):
                problems.append(Diagnostic(.error, file: file, line: line, "keys.\(action.rawValue): expected a key or a list of keys"))
                continue
            }
            var keys: [Key] = []
            for (name, line) in names {
                guard let key = KeyName.parse(name) else {
                    problems.append(Diagnostic(.error, file: file, line: line,
                        "keys.\(action.rawValue): unknown key \"\(TextSanitizer.clean(name, limit: 40))\" (one character, or space, enter, esc, tab, shift-tab, backspace, delete, up, down, left, right, home, end, pgup, pgdn, f1…f12, ctrl-a…ctrl-z)"))
                    continue
                }
                if let earlier = claimedBy[key], earlier.action != action {
                    problems.append(Diagnostic(.error, file: file, line: line,
                        "keys.\(action.rawValue): \(KeyName.configName(key)) is already bound to \(earlier.action.rawValue) on line \(earlier.line)"))
                    continue
                }
                claimedBy[key] = (action, line)
                keys.append(key)
            }
            if keys.isEmpty && !names.isEmpty { continue }  // every key was refused: keep the old ones
            do {
                try keymap.bind(action, to: keys)
            } catch {
                problems.append(Diagnostic(.error, file: file, line: entry.keyLine, "keys.\(action.rawValue): \(error)"))
            }
        }
        for action in keymap.unboundActions {
            problems.append(Diagnostic(.warning, file: file, line: 0, "keys: \(action.rawValue) has no key left"))
        }
    }
}
