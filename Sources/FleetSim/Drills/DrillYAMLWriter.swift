/// Writes a `DrillFile` as YAML that `DrillFile.parse` reads back to the same drill: used by
/// `fleettop drill --from-recording` and to show a built-in drill so a user can copy and edit it.
public enum DrillYAMLWriter {
    /// The drill as YAML text; method steps and rollback commands are written as command strings.
    public static func yaml(_ d: DrillFile, comment: String? = nil) -> String {
        var out = ""
        if let comment {
            for line in comment.split(separator: "\n", omittingEmptySubsequences: false) { out += "# \(line)\n" }
        }
        out += "name: \(quoted(d.name))\n"
        if !d.description.isEmpty { out += "description: \(quoted(d.description))\n" }
        out += "fleet: \(quoted(d.fleet))\n"
        out += "seed: \(d.seed)\n"
        out += "duration: \(QuantityText.formatDuration(d.durationSeconds))\n"
        if !d.steadyState.isEmpty { out += "steady_state:\n" + d.steadyState.map(check).joined() }
        if !d.method.isEmpty {
            out += "method:\n"
            for s in d.method {
                out += "  - at: \(QuantityText.formatDuration(s.atSeconds))\n    command: \(quoted(s.text))\n"
            }
        }
        if !d.stopWhen.isEmpty { out += "stop_when:\n" + d.stopWhen.map(check).joined() }
        if !d.rollback.isEmpty {
            out += "rollback:\n" + d.rollback.map { "  - \(quoted(CommandFormatter.format($0)))\n" }.joined()
        }
        return out
    }

    private static func check(_ c: DrillCheck) -> String {
        var out = "  - metric: \(c.metric.text)\n    \(c.comparison.rawValue): \(quoted(threshold(c)))\n"
        if c.continuous { out += "    continuous: true\n" }
        if c.toleranceSeconds > 0 { out += "    tolerance: \(QuantityText.formatDuration(c.toleranceSeconds))\n" }
        return out
    }

    /// A threshold written so the metric's unit reads it back exactly.
    static func threshold(_ c: DrillCheck) -> String {
        switch c.metric.unit {
        case .seconds: QuantityText.formatDuration(c.threshold)
        case .ratio: QuantityText.formatShare(c.threshold)
        default: QuantityText.shortest(c.threshold)
        }
    }

    /// A YAML double-quoted string.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
