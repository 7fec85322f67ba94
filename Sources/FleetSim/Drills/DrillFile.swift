import Foundation

/// A failure drill (DESIGN §7): what healthy means (`steady_state`), what goes wrong and when
/// (`method`), when to give up (`stop_when`) and how to put things back (`rollback`).
/// Read from YAML with errors that name file, line and field.
public struct DrillFile: Sendable, Equatable {
    public var name: String
    public var description: String
    /// A preset name (`demo`, `tiny`, `hyperscale`) or a fleet file path.
    public var fleet: String
    public var seed: UInt64
    /// Simulated seconds the drill runs.
    public var durationSeconds: Double
    public var steadyState: [DrillCheck]
    /// Steps in time order.
    public var method: [DrillStep]
    public var stopWhen: [DrillCheck]
    public var rollback: [SimCommand]
    /// Where it came from: a path or "built-in: NAME".
    public var source: String
    /// Alerts that must fire (or never fire) when the drill runs with `--alert-rules`.
    public var alerts: [DrillAlertExpectation] = []

    /// The seed when a file gives none.
    public static let defaultSeed: UInt64 = 7
    /// The fleet when a file gives none.
    public static let defaultFleet = "demo"
    /// Top-level keys of a drill file.
    public static let keys = ["name", "description", "fleet", "seed", "duration", "steady_state", "method", "stop_when", "rollback", "alerts"]

    public init(name: String, description: String = "", fleet: String = DrillFile.defaultFleet,
                seed: UInt64 = DrillFile.defaultSeed, durationSeconds: Double, steadyState: [DrillCheck] = [],
                method: [DrillStep] = [], stopWhen: [DrillCheck] = [], rollback: [SimCommand] = [], source: String = "") {
        self.name = name; self.description = description; self.fleet = fleet; self.seed = seed
        self.durationSeconds = durationSeconds; self.steadyState = steadyState; self.method = method
        self.stopWhen = stopWhen; self.rollback = rollback; self.source = source
    }

    /// Reads a drill file from disk.
    public static func load(path: String) throws(Diagnostic) -> DrillFile {
        try parse(yaml: readText(path: path), file: path)
    }

    /// The UTF-8 text of a drill or story file, or a diagnostic naming the file.
    static func readText(path: String) throws(Diagnostic) -> String {
        do {
            return try TextFile.read(path, limit: TextFile.settingsLimit)
        } catch {
            throw Diagnostic(file: path, message: "cannot read the file: it \(error)")
        }
    }

    /// Parses drill YAML; `file` labels errors.
    public static func parse(yaml text: String, file: String) throws(Diagnostic) -> DrillFile {
        let yaml = DrillYAML(file: file)
        return try read(root: try yaml.compose(text), yaml: yaml, extraKeys: [])
    }

    /// Reads the drill part of a root mapping, allowing `extraKeys` for formats built on drills (stories).
    /// Without `durationRequired`, a missing duration reads as nil (infinity) for the caller to fill.
    static func read(root: ConfigNode, yaml: DrillYAML, extraKeys: [String], durationRequired: Bool = true) throws(Diagnostic) -> DrillFile {
        let entries = try yaml.mapping(root, "", allowed: keys + extraKeys)
        func entry(_ key: String) -> DrillYAML.Entry? { entries.first { $0.key == key } }
        guard let nameEntry = entry("name") else { throw yaml.error(root, "name", "missing: every drill needs a name") }
        var duration = Double.infinity
        if let durationEntry = entry("duration") {
            duration = try yaml.duration(durationEntry.value, "duration")
            guard duration > 0 else { throw yaml.error(durationEntry.value, "duration", "must be longer than zero") }
        } else if durationRequired {
            throw yaml.error(root, "duration", "missing: how long the drill runs", expected: ["duration: 30m"])
        }
        var drill = DrillFile(name: try yaml.string(nameEntry.value, "name"), durationSeconds: duration, source: yaml.file)
        if let e = entry("description") { drill.description = try yaml.string(e.value, "description") }
        if let e = entry("fleet") { drill.fleet = try yaml.string(e.value, "fleet") }
        if let e = entry("seed") { drill.seed = try yaml.unsigned(e.value, "seed") }
        if let e = entry("steady_state") { drill.steadyState = try checks(e.value, "steady_state", yaml: yaml, steady: true) }
        if let e = entry("stop_when") { drill.stopWhen = try checks(e.value, "stop_when", yaml: yaml, steady: false) }
        if let e = entry("alerts") { drill.alerts = try alertExpectations(e.value, yaml: yaml) }
        if let e = entry("method") { drill.method = try steps(e.value, yaml: yaml, duration: drill.durationSeconds) }
        if let e = entry("rollback") {
            let reader = DrillCommandReader(yaml: yaml)
            for (i, item) in try yaml.sequence(e.value, "rollback").enumerated() {
                let field = "rollback[\(i)]"
                if item.scalar != nil {
                    let text = try yaml.string(item, field)
                    do {
                        drill.rollback.append(try CommandParser.parse(text))
                    } catch {
                        throw yaml.error(item, field, error.located)
                    }
                } else {
                    let fields = try yaml.mapping(item, field, allowed: DrillCommandReader.verbKeys + DrillCommandReader.optionKeys)
                    drill.rollback.append(try reader.command(from: fields, in: item, field: field))
                }
            }
        }
        return drill
    }

    private static func checks(_ node: ConfigNode, _ field: String, yaml: DrillYAML, steady: Bool) throws(Diagnostic) -> [DrillCheck] {
        let allowed = steady ? ["metric", "below", "above", "continuous", "tolerance"] : ["metric", "below", "above", "tolerance"]
        var result: [DrillCheck] = []
        for (i, item) in try yaml.sequence(node, field).enumerated() {
            let f = "\(field)[\(i)]"
            let entries = try yaml.mapping(item, f, allowed: allowed)
            func entry(_ key: String) -> DrillYAML.Entry? { entries.first { $0.key == key } }
            guard let metricEntry = entry("metric") else {
                throw yaml.error(item, "\(f).metric", "missing: which metric to check", expected: ["metric: chat.ttft.p99"])
            }
            let metricText = try yaml.string(metricEntry.value, "\(f).metric")
            let metric: MetricPath
            do {
                metric = try MetricPath(metricText)
            } catch {
                throw yaml.error(metricEntry.value, "\(f).metric", error.message, expected: error.expected)
            }
            let sides = entries.filter { $0.key == "below" || $0.key == "above" }
            guard sides.count == 1, let side = sides.first else {
                throw yaml.error(item, f, sides.isEmpty ? "needs a threshold" : "give below or above, not both",
                                 expected: ["below: X", "above: X"])
            }
            let thresholdText = try yaml.string(side.value, "\(f).\(side.key)")
            guard let threshold = metric.unit.parseThreshold(thresholdText) else {
                var message = "'\(thresholdText)' is not a threshold in \(metric.unit.symbol) for \(metric.text)"
                if metric.unit == .count, thresholdText.hasSuffix("%") {
                    message += " (a count); for a share use a ratio metric such as \(metric.text)_ratio if listed"
                }
                throw yaml.error(side.value, "\(f).\(side.key)", message, expected: metric.unit.thresholdExamples)
            }
            var check = DrillCheck(metric: metric, comparison: side.key == "below" ? .below : .above,
                                   threshold: threshold, line: item.line)
            if let e = entry("continuous") { check.continuous = try yaml.bool(e.value, "\(f).continuous") }
            if let e = entry("tolerance") { check.toleranceSeconds = try yaml.duration(e.value, "\(f).tolerance") }
            result.append(check)
        }
        return result
    }

    /// Reads a list of steps (`at:` plus one command) under `field`, each at most `duration` in.
    static func steps(_ node: ConfigNode, field: String = "method", yaml: DrillYAML, duration: Double) throws(Diagnostic) -> [DrillStep] {
        let reader = DrillCommandReader(yaml: yaml)
        var result: [DrillStep] = []
        for (i, item) in try yaml.sequence(node, field).enumerated() {
            let f = "\(field)[\(i)]"
            let entries = try yaml.mapping(item, f, allowed: ["at"] + DrillCommandReader.verbKeys + DrillCommandReader.optionKeys)
            guard let atEntry = entries.first(where: { $0.key == "at" }) else {
                throw yaml.error(item, "\(f).at", "missing: when the step happens", expected: ["at: 5m"])
            }
            let at = try yaml.duration(atEntry.value, "\(f).at")
            guard at <= duration else {
                throw yaml.error(atEntry.value, "\(f).at", "at \(QuantityText.formatDuration(at)) is after the \(field == "method" ? "drill's duration" : "chapter's length") of \(QuantityText.formatDuration(duration))")
            }
            let command = try reader.command(from: entries.filter { $0.key != "at" }, in: item, field: f)
            result.append(DrillStep(atSeconds: at, command: command, line: item.line))
        }
        return result.enumerated().sorted { ($0.element.atSeconds, $0.offset) < ($1.element.atSeconds, $1.offset) }.map(\.element)
    }
}

extension DrillFile {
    /// Checks the drill against the fleet it will run on: every site, hall and tag it names exists, in
    /// checks, targets and faults' stop conditions.
    public func validate(against s: Snapshot) throws(Diagnostic) {
        for (role, checks) in [(DrillCheck.Role.steadyState, steadyState), (.stopWhen, stopWhen)] {
            for (i, c) in checks.enumerated() {
                do {
                    try c.metric.validate(against: s)
                } catch {
                    throw Diagnostic(file: source, line: c.line, field: "\(role.rawValue)[\(i)].metric",
                                     message: error.message, expected: error.expected)
                }
            }
        }
        // Steps are kept in time order; errors number them as they stand in the file, as parse errors do.
        let fileOrder = method.indices.sorted { (method[$0].line, $0) < (method[$1].line, $1) }
        let stepTargets = fileOrder.enumerated().map { ("method[\($0.offset)]", method[$0.element].line, method[$0.element].command) }
        let rollbackTargets = rollback.enumerated().map { ("rollback[\($0.offset)]", 0, $0.element) }
        for (field, line, command) in stepTargets + rollbackTargets {
            if case .fleet(.fault(let f)) = command, let stop = f.stopCondition {
                do {
                    try stop.metric.validate(against: s)
                } catch {
                    throw Diagnostic(file: source, line: line, field: "\(field).until",
                                     message: error.message, expected: error.expected)
                }
            }
            let target: TargetSelector?
            switch command {
            case .fleet(.fault(let f)): target = f.target
            case .fleet(.repair(let t)): target = t
            default: target = nil
            }
            guard let target else { continue }
            if let tag = target.tag, !s.tags.contains(tag) {
                throw Diagnostic(file: source, line: line, field: "\(field).target.tag",
                                 message: "no tag '\(tag)' in fleet \(s.fleetName)", expected: s.tags)
            }
            guard let site = target.site else { continue }
            guard let siteIndex = s.sites.firstIndex(where: { $0.name == site }) else {
                throw Diagnostic(file: source, line: line, field: "\(field).target.site",
                                 message: "no site '\(site)' in fleet \(s.fleetName)", expected: s.sites.map(\.name))
            }
            let halls = s.halls.filter { $0.site == siteIndex }
            if let h = target.hall, !halls.contains(where: { $0.number == h }) {
                throw Diagnostic(file: source, line: line, field: "\(field).target.hall",
                                 message: "no hall \(h) at \(site)", expected: halls.map { String($0.number) })
            }
        }
    }
}
