/// Writes a `SimCommand` as canonical command-language text — the inverse of `CommandParser`
/// (`CommandParser.parse(CommandFormatter.format(c)) == c`). Used by recordings, drill files,
/// the events panel and reports.
public enum CommandFormatter {
    /// The canonical one-line text of a command, e.g. `fault cooling site=metro-edge hall=1 magnitude=60% for=10m`.
    public static func format(_ command: SimCommand) -> String {
        switch command {
        case .fleet(let c): return format(c)
        case .clock(let c): return format(c)
        }
    }

    /// The canonical text of a fleet command.
    public static func format(_ command: FleetCommand) -> String {
        switch command {
        case .fault(let f): return format(f)
        case .surge(let s): return format(s)
        case .repair(nil): return "repair all"
        case .repair(let target?):
            let words = selectorWords(target)
            return words.isEmpty ? "repair all" : "repair " + words.joined(separator: " ")
        }
    }

    /// The canonical text of a clock command.
    public static func format(_ command: ClockCommand) -> String {
        switch command {
        case .pause: return "pause"
        case .resume: return "resume"
        case .step: return "step"
        case .speed(.max): return "speed max"
        case .speed(.times(let x)): return "speed \(QuantityText.shortest(x))"
        }
    }

    /// The canonical text of a fault injection.
    public static func format(_ f: FaultSpec) -> String {
        var words = ["fault", f.kind.rawValue] + selectorWords(f.target)
        if let m = f.magnitude {
            let text = CommandVocabulary.magnitudeIsShare(f.kind) ? QuantityText.formatShare(m)
                : f.kind == .sensor ? QuantityText.formatTemperatureOffset(m) : QuantityText.shortest(m)
            words.append("magnitude=" + text)
        }
        if let l = f.addedLatencySeconds { words.append("latency=" + QuantityText.formatDuration(l)) }
        if f.rampSeconds != 0 { words.append("ramp=" + QuantityText.formatDuration(f.rampSeconds)) }
        if let d = f.durationSeconds { words.append("for=" + QuantityText.formatDuration(d)) }
        if let r = f.repeatSeconds { words.append("repeat=" + QuantityText.formatDuration(r)) }
        if let c = f.stopCondition { words.append("until=" + stopConditionText(c)) }
        return words.joined(separator: " ")
    }

    /// `METRIC<VALUE` with the threshold written so that it reads back exactly in the metric's unit:
    /// shares as percentages, seconds as durations, everything else as a plain number.
    public static func stopConditionText(_ c: FaultStopCondition) -> String {
        let value = switch c.metric.unit {
        case .ratio: QuantityText.formatShare(c.threshold)
        case .seconds: QuantityText.formatDuration(c.threshold)
        default: QuantityText.shortest(c.threshold)
        }
        return c.metric.text + c.symbol + value
    }

    /// The canonical text of a surge; `all` when every class is surged.
    public static func format(_ s: SurgeSpec) -> String {
        let target = Set(s.classes) == Set(RequestClass.allCases) ? "all"
            : s.classes.map(\.name).joined(separator: ",")
        var words = ["surge", target, "factor=" + QuantityText.shortest(s.factor)]
        if s.rampSeconds != 0 { words.append("ramp=" + QuantityText.formatDuration(s.rampSeconds)) }
        if let d = s.durationSeconds { words.append("for=" + QuantityText.formatDuration(d)) }
        return words.joined(separator: " ")
    }

    /// `site=… hall=… rack=… replica=… gpu=… tag=…` then `count=` or `percent=`, in that order.
    public static func selectorWords(_ t: TargetSelector) -> [String] {
        var words: [String] = []
        if let s = t.site { words.append("site=\(s)") }
        if let h = t.hall { words.append("hall=\(h)") }
        if let r = t.rack { words.append("rack=\(r)") }
        if let r = t.replica { words.append("replica=\(r)") }
        if let g = t.gpu { words.append("gpu=\(g)") }
        if let tag = t.tag { words.append("tag=\(tag)") }
        if let f = t.fault { words.append("fault=\(f)") }
        switch t.mode {
        case .all: break
        case .count(let n): words.append("count=\(n)")
        case .percent(let p): words.append("percent=" + (QuantityText.percentDigits(p) ?? QuantityText.shortest(p * 100)))
        }
        return words
    }

    /// A short operator label of where a selector points: "metro-edge/h1/r07", "whole fleet",
    /// "tag=pdu-a", "metro-edge tag=pdu-a".
    public static func placeLabel(_ t: TargetSelector) -> String {
        var parts: [String] = []
        if let s = t.site { parts.append(s) }
        if let h = t.hall { parts.append("h\(h)") }
        if let r = t.rack { parts.append(r < 10 ? "r0\(r)" : "r\(r)") }
        if let r = t.replica { parts.append("replica \(r)") }
        if let g = t.gpu { parts.append("gpu \(g)") }
        let place = parts.joined(separator: "/")
        if let f = t.fault, parts.isEmpty, t.tag == nil { return "fault #\(f)" }
        guard let tag = t.tag else { return parts.isEmpty ? "whole fleet" : place }
        return parts.isEmpty ? "tag=\(tag)" : "\(place) tag=\(tag)"
    }
}
