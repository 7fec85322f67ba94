
/// A drill's `alerts:` entry: a Prometheus alert (from the rules given with `--alert-rules`) that
/// must fire within a time after the method's first fault, or must never fire.
///
///     alerts:
///       - alert: HallCoolingDegraded
///         fires_within: 3m
///       - alert: FleetGoodputLow
///         never: true
public struct DrillAlertExpectation: Sendable, Equatable {
    public var alert: String
    /// Simulated seconds after the first fault by which the alert must be firing; nil with `never`.
    public var firesWithinSeconds: Double?
    public var never: Bool
    /// Line in the file (0 for built-in construction).
    public var line: Int

    public init(alert: String, firesWithinSeconds: Double? = nil, never: Bool = false, line: Int = 0) {
        self.alert = alert; self.firesWithinSeconds = firesWithinSeconds; self.never = never; self.line = line
    }

    /// "fires within 3m" or "never fires".
    public var text: String {
        never ? "\(alert) never fires" : "\(alert) fires within \(QuantityText.formatDuration(firesWithinSeconds ?? 0)) of the first fault"
    }
}

extension DrillFile {
    /// Reads the `alerts:` list.
    static func alertExpectations(_ node: ConfigNode, yaml: DrillYAML) throws(Diagnostic) -> [DrillAlertExpectation] {
        var result: [DrillAlertExpectation] = []
        for (i, item) in try yaml.sequence(node, "alerts").enumerated() {
            let f = "alerts[\(i)]"
            let entries = try yaml.mapping(item, f, allowed: ["alert", "fires_within", "never"])
            func entry(_ key: String) -> DrillYAML.Entry? { entries.first { $0.key == key } }
            guard let nameEntry = entry("alert") else {
                throw yaml.error(item, "\(f).alert", "missing: which alerting rule", expected: ["alert: HallCoolingDegraded"])
            }
            let name = try yaml.string(nameEntry.value, "\(f).alert")
            guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
                  name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else {
                throw yaml.error(nameEntry.value, "\(f).alert", "'\(name)' is not an alert name (letters, digits and _)")
            }
            var e = DrillAlertExpectation(alert: name, line: item.line)
            if let w = entry("fires_within") {
                e.firesWithinSeconds = try yaml.duration(w.value, "\(f).fires_within")
            }
            if let n = entry("never") { e.never = try yaml.bool(n.value, "\(f).never") }
            if e.never && e.firesWithinSeconds != nil {
                throw yaml.error(item, f, "give fires_within or never: true, not both")
            }
            if !e.never && e.firesWithinSeconds == nil {
                throw yaml.error(item, f, "needs fires_within or never: true", expected: ["fires_within: 3m", "never: true"])
            }
            result.append(e)
        }
        return result
    }
}
