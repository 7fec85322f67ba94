/// Parses one line of the command language into a `SimCommand`:
///
///     fault <gpu|rack|cooling|power-cap|network|straggler|sensor> <selector...> [magnitude=X] [latency=D]
///           [ramp=D] [for=D] [repeat=D] [until=METRIC<VALUE|METRIC>VALUE]
///     surge <chat|code|agentic|batch|all> factor=X [ramp=D] [for=D]
///     repair <selector...|all|fault=N>
///     pause | resume | step | speed <X|max>
///
/// Selectors are `site=NAME hall=N rack=N replica=N gpu=N tag=NAME` plus `count=N` or `percent=P`.
/// Errors are `Diagnostic` values naming the column, the token and the valid choices.
public enum CommandParser {
    /// Parses a whole command line.
    public static func parse(_ text: String) throws(Diagnostic) -> SimCommand {
        let tokens = CommandToken.split(text)
        guard let verb = tokens.first else {
            throw Diagnostic.command(column: 0, token: "", message: "empty command", expected: CommandVocabulary.verbs)
        }
        let args = Array(tokens.dropFirst())
        switch verb.text.lowercased() {
        case "fault": return .fleet(.fault(try parseFault(verb: verb, args: args, lineLength: text.count)))
        case "surge": return .fleet(.surge(try parseSurge(verb: verb, args: args, lineLength: text.count)))
        case "repair": return .fleet(.repair(try parseRepair(args: args, lineLength: text.count)))
        case "pause": try expectEnd(args); return .clock(.pause)
        case "resume": try expectEnd(args); return .clock(.resume)
        case "step": try expectEnd(args); return .clock(.step)
        case "speed": return .clock(.speed(try parseSpeed(args: args, lineLength: text.count)))
        default:
            throw Diagnostic.command(column: verb.column, token: String(verb.text),
                                     message: "unknown command '\(verb.text)'", expected: CommandVocabulary.verbs)
        }
    }

    private static func missing(_ what: String, at lineLength: Int, expected: [String]) -> Diagnostic {
        Diagnostic.command(column: lineLength + 1, token: "", message: "missing \(what)", expected: expected)
    }

    private static func expectEnd(_ args: [CommandToken]) throws(Diagnostic) {
        if let extra = args.first {
            throw Diagnostic.command(column: extra.column, token: String(extra.text),
                                     message: "unexpected '\(extra.text)': this command takes no arguments")
        }
    }

    private static func parseFault(verb: CommandToken, args: [CommandToken], lineLength: Int) throws(Diagnostic) -> FaultSpec {
        guard let kindToken = args.first else {
            throw missing("fault kind", at: lineLength, expected: CommandVocabulary.faultKinds)
        }
        guard let kind = FaultKind(rawValue: kindToken.text.lowercased()) else {
            throw Diagnostic.command(column: kindToken.column, token: String(kindToken.text),
                                     message: "unknown fault kind '\(kindToken.text)'", expected: CommandVocabulary.faultKinds)
        }
        var builder = SelectorBuilder()
        var spec = FaultSpec(kind: kind, target: TargetSelector())
        var seen: Set<Substring> = []
        let allowed = CommandVocabulary.selectorKeys + CommandVocabulary.faultOptionKeys
        for token in args.dropFirst() {
            let key = try keyOf(token, allowed: allowed, seen: &seen)
            if try builder.take(key: key, token: token) { continue }
            let value = token.value ?? ""
            switch key {
            case "magnitude":
                guard CommandVocabulary.takesMagnitude(kind) else {
                    throw Diagnostic.command(column: token.column, token: String(token.text),
                                             message: "\(kind.rawValue) faults take no magnitude")
                }
                spec.magnitude = try magnitude(value, kind: kind, token: token)
            case "latency":
                guard kind == .network else {
                    throw Diagnostic.command(column: token.column, token: String(token.text),
                                             message: "latency= applies to network faults only")
                }
                let latency = try duration(value, token: token)
                guard latency <= CommandLimits.maxAddedLatencySeconds else {
                    throw Diagnostic.command(column: token.column, token: String(token.text),
                                             message: "latency '\(value)' must be at most \(QuantityText.formatDuration(CommandLimits.maxAddedLatencySeconds))")
                }
                spec.addedLatencySeconds = latency
            case "ramp": spec.rampSeconds = try duration(value, token: token)
            case "for": spec.durationSeconds = try positiveDuration(value, token: token)
            case "until": spec.stopCondition = try stopCondition(value, token: token)
            default: spec.repeatSeconds = try positiveDuration(value, token: token)
            }
        }
        spec.target = builder.selector
        return spec
    }

    private static func magnitude(_ value: Substring, kind: FaultKind, token: CommandToken) throws(Diagnostic) -> Double {
        if CommandVocabulary.magnitudeIsShare(kind) {
            guard let share = QuantityText.parseShare(value), (0...1).contains(share) else {
                throw Diagnostic.command(column: token.column, token: String(token.text),
                                         message: "\(kind.rawValue) magnitude '\(value)' must be a share from 0% to 100%",
                                         expected: ["a percentage like 60%", "a fraction like 0.6"])
            }
            return share
        }
        if kind == .sensor {
            guard let offset = QuantityText.parseTemperatureOffset(value), offset != 0, abs(offset) <= 100 else {
                throw Diagnostic.command(column: token.column, token: String(token.text),
                                         message: "sensor magnitude '\(value)' must be a reading offset in °C, not zero, within ±100",
                                         expected: ["an offset like +25 or -15", "with a unit like +25C"])
            }
            return offset
        }
        guard let factor = QuantityText.parseFactor(value), factor >= 1, factor <= CommandLimits.maxStragglerFactor else {
            throw Diagnostic.command(column: token.column, token: String(token.text),
                                     message: "straggler magnitude '\(value)' must be a slowdown factor from 1 to \(QuantityText.shortest(CommandLimits.maxStragglerFactor))",
                                     expected: ["a factor like 3 or 3x"])
        }
        return factor
    }

    /// `METRIC<VALUE` or `METRIC>VALUE`: the metric path checked like a drill's, the threshold in its unit.
    private static func stopCondition(_ value: Substring, token: CommandToken) throws(Diagnostic) -> FaultStopCondition {
        let examples = ["until=gpus_down_ratio>5%", "until=fleet.gpus_up<900000", "until=sites.NAME.h1.die_c_max>90C"]
        guard let op = value.firstIndex(where: { $0 == "<" || $0 == ">" }) else {
            throw Diagnostic.command(column: token.column, token: String(token.text),
                                     message: "until= needs a stop condition METRIC<VALUE or METRIC>VALUE, got '\(value)'",
                                     expected: examples)
        }
        let name = String(value[..<op]), raw = String(value[value.index(after: op)...])
        let metric: MetricPath
        do {
            metric = try MetricPath(name)
        } catch {
            throw Diagnostic.command(column: token.column, token: String(token.text),
                                     message: "until=: \(error.message)", expected: error.expected.isEmpty ? examples : error.expected)
        }
        guard !raw.isEmpty, let threshold = metric.unit.parseThreshold(raw) else {
            throw Diagnostic.command(column: token.column, token: String(token.text),
                                     message: "until=: threshold '\(raw)' does not read as \(metric.unit.symbol) for \(name)",
                                     expected: metric.unit.thresholdExamples)
        }
        return FaultStopCondition(metric: metric, comparison: value[op] == "<" ? .below : .above, threshold: threshold)
    }

    private static func parseSurge(verb: CommandToken, args: [CommandToken], lineLength: Int) throws(Diagnostic) -> SurgeSpec {
        guard let classToken = args.first else {
            throw missing("request class", at: lineLength, expected: CommandVocabulary.surgeTargets)
        }
        var classes: [RequestClass] = []
        for name in classToken.text.lowercased().split(separator: ",", omittingEmptySubsequences: false) {
            if name == "all" {
                classes = RequestClass.allCases
            } else if let c = RequestClass(name: String(name)) {
                if !classes.contains(c) { classes.append(c) }
            } else {
                throw Diagnostic.command(column: classToken.column, token: String(classToken.text),
                                         message: "unknown request class '\(name)'", expected: CommandVocabulary.surgeTargets)
            }
        }
        var factor: Double?
        var spec = SurgeSpec(classes: classes, factor: 1)
        var seen: Set<Substring> = []
        for token in args.dropFirst() {
            let key = try keyOf(token, allowed: CommandVocabulary.surgeOptionKeys, seen: &seen)
            let value = token.value ?? ""
            switch key {
            case "factor":
                guard let f = QuantityText.parseFactor(value), f > 0, f <= CommandLimits.maxSurgeFactor else {
                    throw Diagnostic.command(column: token.column, token: String(token.text),
                                             message: "surge factor '\(value)' must be above 0 and at most \(QuantityText.shortest(CommandLimits.maxSurgeFactor))",
                                             expected: ["a multiplier like 3 or 3x"])
                }
                factor = f
            case "ramp": spec.rampSeconds = try duration(value, token: token)
            default: spec.durationSeconds = try positiveDuration(value, token: token)
            }
        }
        guard let factor else { throw missing("factor=X", at: lineLength, expected: ["factor=X, e.g. factor=3"]) }
        spec.factor = factor
        return spec
    }

    private static func parseRepair(args: [CommandToken], lineLength: Int) throws(Diagnostic) -> TargetSelector? {
        guard let first = args.first else {
            throw missing("what to repair", at: lineLength, expected: ["all"] + CommandVocabulary.selectorKeys.map { $0 + "=" })
        }
        if first.text.lowercased() == "all" {
            try expectEnd(Array(args.dropFirst()))
            return nil
        }
        var builder = SelectorBuilder()
        var seen: Set<Substring> = []
        var fault: Int?
        for token in args {
            let key = try keyOf(token, allowed: CommandVocabulary.selectorKeys + [CommandVocabulary.repairFaultKey], seen: &seen)
            if key == Substring(CommandVocabulary.repairFaultKey) {
                guard let id = Int(token.value ?? ""), id >= 1 else {
                    throw Diagnostic.command(column: token.column, token: String(token.text),
                                             message: "fault '\(token.value ?? "")' must be a fault id from the faults list",
                                             expected: ["fault=3"])
                }
                fault = id
                continue
            }
            _ = try builder.take(key: key, token: token)
        }
        var selector = builder.selector
        selector.fault = fault
        if fault != nil, selector != TargetSelector(fault: fault) {
            throw Diagnostic.command(column: args[0].column, token: String(args[0].text),
                                     message: "repair fault=N names one fault; give no other selector with it")
        }
        return selector
    }

    private static func parseSpeed(args: [CommandToken], lineLength: Int) throws(Diagnostic) -> SimSpeed {
        guard let token = args.first else {
            throw missing("speed", at: lineLength, expected: CommandVocabulary.speedWords)
        }
        try expectEnd(Array(args.dropFirst()))
        if token.text.lowercased() == "max" { return .max }
        guard let x = QuantityText.parseFactor(token.text), x > 0, x <= CommandLimits.maxSpeed else {
            throw Diagnostic.command(column: token.column, token: String(token.text),
                                     message: "speed '\(token.text)' must be a multiple of real time above 0 and at most \(QuantityText.shortest(CommandLimits.maxSpeed)), or max",
                                     expected: CommandVocabulary.speedWords)
        }
        return .times(x)
    }

    /// The key of a `key=value` token, checked against the allowed keys and not repeated.
    static func keyOf(_ token: CommandToken, allowed: [String], seen: inout Set<Substring>) throws(Diagnostic) -> Substring {
        let key = token.key
        guard token.value != nil else {
            throw Diagnostic.command(column: token.column, token: String(token.text),
                                     message: "expected key=value, got '\(token.text)'", expected: allowed.map { $0 + "=" })
        }
        guard allowed.contains(String(key)) else {
            throw Diagnostic.command(column: token.column, token: String(token.text),
                                     message: "unknown key '\(key)'", expected: allowed)
        }
        guard seen.insert(key).inserted else {
            throw Diagnostic.command(column: token.column, token: String(token.text), message: "'\(key)' given twice")
        }
        return key
    }

    static func duration(_ value: Substring, token: CommandToken) throws(Diagnostic) -> Double {
        guard let d = QuantityText.parseDuration(value) else {
            throw Diagnostic.command(column: token.column, token: String(token.text),
                                     message: "bad duration '\(value)' for \(token.key)",
                                     expected: ["a duration like 90s, 10m, 1m30s, 2h, \(QuantityText.durationLimitText)"])
        }
        return d
    }

    static func positiveDuration(_ value: Substring, token: CommandToken) throws(Diagnostic) -> Double {
        let d = try duration(value, token: token)
        guard d > 0 else {
            throw Diagnostic.command(column: token.column, token: String(token.text),
                                     message: "\(token.key) must be longer than zero")
        }
        return d
    }
}
