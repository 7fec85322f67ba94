import FleetSim

/// The annotated default config file that `fleettop --default-config` prints. Generated from the
/// default keymap and settings, so it always states what fleettop does without a config file.
public enum DefaultConfig {
    /// YAML that `FleetConfig.parse` reads back to exactly the defaults.
    public static var text: String {
        let defaults = FleetConfig()
        var lines: [String] = [
            "# fleettop configuration: $XDG_CONFIG_HOME/fleettop/config.yaml (or ~/.config/fleettop/config.yaml).",
            "# Every setting is optional; command-line flags override these. Errors name this file and line.",
            "",
            "# Theme name from `fleettop themes` (default is built in).",
            "theme: \(defaults.theme)",
            "# Milliseconds between screen refreshes (\(FleetConfig.refreshRange.lowerBound)...\(FleetConfig.refreshRange.upperBound)); < and > change it live.",
            "refresh_ms: \(defaults.refreshMilliseconds)",
            "# Simulation speed: a multiple of real time (1, 2, 5, 10, 60) or max; + and - change it live.",
            "speed: \(speedText(defaults.speed))",
            "# Fleet: demo, hyperscale, tiny, or the path of a fleet file.",
            "fleet: \(defaults.fleet)",
            "",
            "# Key bindings: action: key, or action: [key, key]. Keys are one character (quote punctuation),",
            "# or space, enter, esc, tab, shift-tab, backspace, delete, up, down, left, right, home, end,",
            "# pgup, pgdn, f1…f12, ctrl-a…ctrl-z. A key given to one action leaves its default action.",
            "# Injections (fault, surge, repair, repair_all) cannot be bound to a bare ctrl-key.",
            "# Story and replay keys apply only while `fleettop demo` or `fleettop replay` runs, before the others.",
            "keys:",
        ]
        for group in KeyAction.Group.allCases {
            lines.append("  # \(group.title)")
            for action in KeyAction.allCases where action.group == group {
                let keys = defaults.keymap.keys(for: action).map { quoted(KeyName.configName($0)) }
                let entry = "  \(action.rawValue): [\(keys.joined(separator: ", "))]"
                let pad = String(repeating: " ", count: max(1, 34 - entry.count))
                lines.append(entry + pad + "# " + action.summary)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "max", "10", "2.5": the config file's spelling of a speed.
    static func speedText(_ speed: SimSpeed) -> String {
        switch speed {
        case .max: "max"
        case .times(let x): x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x)
        }
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s {
            if c == "\\" || c == "\"" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }
}
