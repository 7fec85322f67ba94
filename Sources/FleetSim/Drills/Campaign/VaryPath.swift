/// What a campaign sweep varies (`--vary PATH=VALUES`, `--set PATH=VALUE`): a field of a drill step,
/// the drill's duration, or a fleet knob.
///
///     duration                              the drill's duration (a duration: 20m)
///     method[N].magnitude                   step N's fault magnitude (share, factor or °C by fault kind)
///     method[N].at | for | ramp | repeat | latency   step N's times (durations)
///     method[N].factor                      step N's surge factor
///     fleet.SECTION.KEY                     a fleet-file knob (fleet.serving.max_batch, fleet.power.governor_margin, …)
///     fleet.classes.CLASS.FIELD             rate_rps, input_tokens, output_tokens, cv, ttft_slo_s, tpot_slo_s
///     fleet.sites.SITE.FIELD                rtt_ms, price_usd_per_mwh, grid_limit_kw, pue, outside_temp_c
///
/// Steps count from 1 in the order the file lists them (`method[1]` is the first step).
public struct VaryPath: Sendable, Equatable {
    /// How values of a path are read and shown.
    public enum Kind: String, Sendable, Equatable {
        /// Seconds, written `90s`, `5m`, `1h30m`.
        case duration
        /// A share 0–1, written `60%` or `0.6`.
        case share
        /// A plain factor, written `3` or `3x`.
        case factor
        /// A signed °C offset (sensor faults), written `+20`.
        case temperature
        /// A plain number (fleet knobs), `60%` read as 0.6.
        case number
        /// A whole number (integer fleet knobs).
        case integer
    }

    /// The step fields a path may name.
    public static let stepFields = ["at", "magnitude", "factor", "for", "ramp", "repeat", "latency"]
    static let classFields = ["rate_rps", "input_tokens", "output_tokens", "cv", "ttft_slo_s", "tpot_slo_s"]
    static let siteFields = ["rtt_ms", "price_usd_per_mwh", "grid_limit_kw", "pue", "outside_temp_c"]

    enum Target: Sendable, Equatable {
        case duration
        /// A step by its 0-based position in file order.
        case step(Int, String)
        case knob(String, String)
        case classField(RequestClass, String)
        case siteField(Int, String)
    }

    /// The path as written.
    public let text: String
    public let kind: Kind
    let target: Target

    /// Reads a path and checks it names something the drill and fleet have.
    public init(_ text: String, drill: DrillFile, fleet: FleetSpec) throws(CampaignError) {
        self.text = text
        let forms = ["duration", "method[N].FIELD", "fleet.SECTION.KEY", "fleet.classes.CLASS.FIELD", "fleet.sites.SITE.FIELD"]
        if text == "duration" {
            (target, kind) = (.duration, .duration)
        } else if text.hasPrefix("method[") {
            (target, kind) = try Self.step(text, drill: drill)
        } else if text.hasPrefix("fleet.") {
            (target, kind) = try Self.fleet(text, fleet: fleet)
        } else {
            throw CampaignError("'\(text)' is not a path campaigns can vary", expected: forms)
        }
    }

    private static func step(_ text: String, drill: DrillFile) throws(CampaignError) -> (Target, Kind) {
        let steps = fileOrder(drill.method)
        let names = (1...max(1, steps.count)).map { "method[\($0)]" }
        guard let close = text.firstIndex(of: "]"), let n = Int(text[text.index(text.startIndex, offsetBy: 7)..<close]) else {
            throw CampaignError("'\(text)': a step is written method[N], N counting from 1", expected: steps.isEmpty ? [] : names)
        }
        guard n != 0 else {
            throw CampaignError("'\(text)': steps count from 1 here, in file order (a drill file's own errors count from 0, as YAML paths do)",
                                expected: steps.isEmpty ? [] : names)
        }
        guard n >= 1, n <= steps.count else {
            let has = steps.count == 1 ? "1 step" : "\(steps.count) steps"
            throw CampaignError("'\(text)': the drill has \(has), counted from 1 in file order", expected: steps.isEmpty ? [] : names)
        }
        let rest = text[text.index(after: close)...]
        guard rest.hasPrefix("."), stepFields.contains(String(rest.dropFirst())) else {
            throw CampaignError("'\(text)': name a field of the step", expected: stepFields.map { "method[\(n)].\($0)" })
        }
        let field = String(rest.dropFirst())
        let command = steps[n - 1].command
        let what = "method[\(n)] is '\(CommandFormatter.format(command))'"
        switch (field, command.fleetCommand) {
        case ("at", _):
            return (.step(n - 1, field), .duration)
        case ("magnitude", .fault(let f)):
            switch f.kind {
            case .cooling, .powerCap, .network: return (.step(n - 1, field), .share)
            case .straggler: return (.step(n - 1, field), .factor)
            case .sensor: return (.step(n - 1, field), .temperature)
            case .gpu, .rack: throw CampaignError("'\(text)': \(what); \(f.kind.rawValue) faults take no magnitude")
            }
        case ("latency", .fault(let f)) where f.kind == .network:
            return (.step(n - 1, field), .duration)
        case ("repeat", .fault):
            return (.step(n - 1, field), .duration)
        case ("for", .fault), ("for", .surge), ("ramp", .fault), ("ramp", .surge):
            return (.step(n - 1, field), .duration)
        case ("factor", .surge):
            return (.step(n - 1, field), .factor)
        default:
            throw CampaignError("'\(text)': \(what), which has no \(field)", expected: fields(of: command).map { "method[\(n)].\($0)" })
        }
    }

    private static func fields(of command: SimCommand) -> [String] {
        switch command.fleetCommand {
        case .fault(let f):
            let magnitude = [FaultKind.gpu, .rack].contains(f.kind) ? [] : ["magnitude"]
            return ["at"] + magnitude + (f.kind == .network ? ["latency"] : []) + ["for", "ramp", "repeat"]
        case .surge: return ["at", "factor", "for", "ramp"]
        default: return ["at"]
        }
    }

    private static func fleet(_ text: String, fleet: FleetSpec) throws(CampaignError) -> (Target, Kind) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let sections = FleetKnobTable.numbers.keys.sorted()
        guard let section = parts.first else { throw CampaignError("'\(text)': name a knob", expected: sections) }
        if section == "classes" {
            let names = RequestClass.allCases.map(\.name)
            guard parts.count == 3, let c = RequestClass(name: parts[1]) else {
                throw CampaignError("'\(text)': write fleet.classes.CLASS.FIELD", expected: names.map { "fleet.classes.\($0).rate_rps" })
            }
            guard classFields.contains(parts[2]) else {
                throw CampaignError("'\(text)': no class field '\(parts[2])'", expected: classFields)
            }
            if parts[2] == "cv", case .gammaModulated = fleet[c].arrivals {} else if parts[2] == "cv" {
                throw CampaignError("'\(text)': class \(parts[1]) does not have gamma arrivals, so it has no cv")
            }
            return (.classField(c, parts[2]), .number)
        }
        if section == "sites" {
            let names = fleet.sites.map(\.name)
            guard parts.count == 3, let s = names.firstIndex(of: parts[1]) else {
                throw CampaignError("'\(text)': write fleet.sites.SITE.FIELD with a site of fleet \(fleet.name)",
                                    expected: names.map { "fleet.sites.\($0).grid_limit_kw" })
            }
            guard siteFields.contains(parts[2]) else { throw CampaignError("'\(text)': no site field '\(parts[2])'", expected: siteFields) }
            return (.siteField(s, parts[2]), .number)
        }
        guard parts.count == 2, FleetKnobTable.numbers[section] != nil else {
            throw CampaignError("'\(text)': write fleet.SECTION.KEY", expected: sections.map { "fleet.\($0)" } + ["fleet.classes", "fleet.sites"])
        }
        let key = parts[1]
        if FleetKnobTable.numbers[section]?.contains(where: { $0.0 == key }) == true { return (.knob(section, key), .number) }
        if FleetKnobTable.integers[section]?.contains(where: { $0.0 == key }) == true { return (.knob(section, key), .integer) }
        let keys = (FleetKnobTable.numbers[section] ?? []).map(\.0) + (FleetKnobTable.integers[section] ?? []).map(\.0)
        throw CampaignError("'\(text)': no numeric knob '\(key)' in section \(section)", expected: keys.map { "fleet.\(section).\($0)" })
    }

    /// A drill's steps in the order its file lists them (the drill keeps them in time order).
    static func fileOrder(_ steps: [DrillStep]) -> [DrillStep] {
        steps.indices.sorted { (steps[$0].line, $0) < (steps[$1].line, $1) }.map { steps[$0] }
    }

    /// Reads one value of this path's kind; nil when malformed.
    public func parse(_ text: Substring) -> Double? {
        switch kind {
        case .duration: QuantityText.parseDuration(text)
        case .share, .number: QuantityText.parseShare(text)
        case .factor: QuantityText.parseFactor(text)
        case .temperature: QuantityText.parseTemperatureOffset(text)
        case .integer: Double(text).flatMap { $0.isFinite ? $0 : nil }
        }
    }

    /// Examples of values for messages.
    public var examples: [String] {
        switch kind {
        case .duration: ["5m", "90s", "5m..20m/4"]
        case .share: ["60%", "0.6", "40%..100%/7"]
        case .factor: ["3", "1.5..4/6"]
        case .temperature: ["+20", "+5..+40/8"]
        case .number: ["0.5", "64..256/4", "50%..150%/5"]
        case .integer: ["3", "1..4/4"]
        }
    }

    /// Sets this path to `value` in a drill whose steps are in file order, and in its fleet; refuses
    /// values the command language or the fleet file would refuse, with the reason.
    func apply(_ value: Double, label: String, to drill: inout DrillFile, fleet: inout FleetSpec) throws(CampaignError) {
        let head = "\(text)=\(label)"
        switch target {
        case .duration:
            guard value > 0 else { throw CampaignError("\(head): a drill's duration must be longer than zero") }
            drill.durationSeconds = value
        case .step(let i, let field):
            var command = drill.method[i].command
            switch (field, command.fleetCommand) {
            case ("at", _): drill.method[i].atSeconds = value
            case ("magnitude", .fault(var f)): f.magnitude = value; command = .fleet(.fault(f))
            case ("latency", .fault(var f)): f.addedLatencySeconds = value; command = .fleet(.fault(f))
            case ("repeat", .fault(var f)): f.repeatSeconds = value; command = .fleet(.fault(f))
            case ("for", .fault(var f)): f.durationSeconds = value; command = .fleet(.fault(f))
            case ("ramp", .fault(var f)): f.rampSeconds = value; command = .fleet(.fault(f))
            case ("for", .surge(var s)): s.durationSeconds = value; command = .fleet(.surge(s))
            case ("ramp", .surge(var s)): s.rampSeconds = value; command = .fleet(.surge(s))
            case ("factor", .surge(var s)): s.factor = value; command = .fleet(.surge(s))
            default: break
            }
            do {
                drill.method[i].command = try CommandParser.parse(CommandFormatter.format(command))
            } catch {
                throw CampaignError("\(head): \(error.message)", expected: error.expected)
            }
        case .knob(let section, let key):
            let range = FleetKnobTable.ranges["\(section).\(key)"] ?? FleetKnobTable.defaultRange
            guard range.contains(value) else { throw outOfRange(head, range) }
            if let kp = FleetKnobTable.numbers[section]?.first(where: { $0.0 == key })?.1 {
                fleet[keyPath: kp] = value
            } else if let kp = FleetKnobTable.integers[section]?.first(where: { $0.0 == key })?.1 {
                guard value == value.rounded() else { throw CampaignError("\(head): \(section).\(key) takes whole numbers") }
                fleet[keyPath: kp] = Int(value)
            }
        case .classField(let c, let field):
            let range = FleetKnobTable.classRanges[field] ?? FleetKnobTable.defaultRange
            guard range.contains(value) else { throw outOfRange(head, range) }
            switch field {
            case "rate_rps": fleet[c].ratePerSecond = value
            case "input_tokens": fleet[c].inputTokens = value
            case "output_tokens": fleet[c].outputTokens = value
            case "cv": fleet[c].arrivals = .gammaModulated(cv: value)
            case "ttft_slo_s": fleet[c].slo.ttftSeconds = value
            default: fleet[c].slo.tpotSeconds = value
            }
        case .siteField(let s, let field):
            let range = FleetKnobTable.siteRanges[field] ?? FleetKnobTable.defaultRange
            guard range.contains(value) else { throw outOfRange(head, range) }
            switch field {
            case "rtt_ms": fleet.sites[s].rttMs = value
            case "price_usd_per_mwh": fleet.sites[s].pricePerMWh = value
            case "grid_limit_kw": fleet.sites[s].gridLimitKW = value
            case "pue": fleet.sites[s].basePUE = value
            default: fleet.sites[s].outsideTempMeanC = value
            }
        }
    }

    private func outOfRange(_ head: String, _ range: ClosedRange<Double>) -> CampaignError {
        CampaignError("\(head): outside \(QuantityText.shortest(range.lowerBound))…\(QuantityText.shortest(range.upperBound))")
    }
}
