import FleetSim

/// The words a confirmation dialog uses: what will be injected, where, for how long, what it does to
/// the fleet (MODEL.md §8), and the equivalent command-language line.
public enum InjectionSummary {
    /// A confirmation dialog for a command (injections only; others get a generic line); `scope`,
    /// when known, adds what it hits in numbers under the first line.
    public static func dialog(for command: SimCommand, scope: CommandScope? = nil) -> ConfirmDialog {
        var text = lines(command)
        if let scope { text.insert(scopeLine(command, scope), at: 1) }
        return ConfirmDialog(title: title(command), lines: text, command: command)
    }

    /// "takes down 512 GPUs (12.5% of the fleet), 64 replicas": the verb of the command, the
    /// entities hit at its level (of how many in scope, when count=/percent= pick some), the GPUs and
    /// their share of the fleet, the replicas.
    public static func scopeLine(_ c: SimCommand, _ s: CommandScope) -> String {
        func n(_ k: Int, _ noun: String) -> String { "\(k) \(noun)\(k == 1 ? "" : "s")" }
        let share = NumberFormat.percent(s.shareOfFleet, decimals: s.shareOfFleet < 0.001 && s.gpus > 0 ? 2 : 1) + " of the fleet"
        let of = s.entities < s.candidates ? " of \(s.candidates)" : ""
        let gpus = n(s.gpus, "GPU"), replicas = n(s.replicas, "replica")
        let noun: String
        switch s.level {
        case .site: noun = "site"
        case .hall: noun = "hall"
        case .rack: noun = "rack"
        case .replica: noun = "replica"
        case .gpu: noun = "GPU"
        }
        let entities = n(s.entities, noun) + of
        switch c {
        case .fleet(.fault(let f)):
            switch f.kind {
            case .gpu: return "takes down \(gpus)\(of) (\(share)), \(replicas)"
            case .rack: return "takes down \(entities): \(gpus) (\(share)), \(replicas)"
            case .cooling: return "cuts cooling to \(entities): \(gpus) (\(share)), \(replicas)"
            case .powerCap: return "caps \(entities): \(gpus) (\(share)), \(replicas)"
            case .network: return "degrades the network of \(entities): \(gpus) (\(share)), \(replicas)"
            case .straggler: return "slows \(entities): \(gpus) (\(share))"
            case .sensor: return "falsifies readings of \(entities): \(gpus) (\(share))"
            }
        case .fleet(.repair): return "repairs \(gpus) (\(share)), \(replicas)"
        default: return ""
        }
    }

    static func title(_ c: SimCommand) -> String {
        switch c {
        case .fleet(.fault): "inject fault?"
        case .fleet(.surge): "start surge?"
        case .fleet(.repair(nil)): "repair everything?"
        case .fleet(.repair): "repair?"
        default: "send command?"
        }
    }

    static func lines(_ c: SimCommand) -> [String] {
        var out: [String] = []
        switch c {
        case .fleet(.fault(let f)):
            out.append("\(f.kind.rawValue) fault on \(place(f.target))" + magnitudeText(f))
            out.append(timing(ramp: f.rampSeconds, duration: f.durationSeconds))
            out.append(effect(f.kind))
        case .fleet(.surge(let s)):
            let who = s.classes.count == RequestClass.allCases.count ? "all classes" : s.classes.map(\.name).joined(separator: ", ")
            out.append("demand surge ×\(QuantityText.shortest(s.factor)) on \(who)")
            out.append(timing(ramp: s.rampSeconds, duration: s.durationSeconds))
            out.append(s.classes.contains(.agentic) ? "arrivals ×\(QuantityText.shortest(s.factor)); agentic tasks also fan out more and chain longer"
                                                    : "arrival rate ×\(QuantityText.shortest(s.factor)); queues and latency rise where capacity is short")
        case .fleet(.repair(let t?)):
            out.append("repair \(place(t))")
            out.append("faults on it end now; failed GPUs come back")
        case .fleet(.repair(nil)):
            out.append("repair the whole fleet")
            out.append("every fault ends, failed GPUs come back, every surge stops")
        default:
            out.append("change the simulation clock")
        }
        out.append("command: " + CommandFormatter.format(c))
        return out
    }

    static func place(_ t: TargetSelector) -> String {
        var s = CommandFormatter.placeLabel(t)
        switch t.mode {
        case .all: break
        case .count(let n): s = "\(n) of " + s
        case .percent(let p): s = NumberFormat.percent(p) + " of " + s
        }
        return s
    }

    static func magnitudeText(_ f: FaultSpec) -> String {
        var parts: [String] = []
        if let m = f.magnitude {
            switch f.kind {
            case .cooling: parts.append(NumberFormat.percent(m) + " of cooling lost")
            case .powerCap: parts.append("cap at " + NumberFormat.percent(m) + " of the grid limit")
            case .network: parts.append(m >= 1 ? "partitioned" : NumberFormat.percent(m, decimals: m < 0.1 ? 1 : 0) + " packet loss")
            case .straggler: parts.append("×" + QuantityText.shortest(m) + " slower")
            case .sensor: parts.append("readings " + QuantityText.formatTemperatureOffset(m) + " °C off")
            case .gpu, .rack: break
            }
        }
        if let l = f.addedLatencySeconds { parts.append("+" + NumberFormat.duration(l) + " RTT") }
        return parts.isEmpty ? "" : ", " + parts.joined(separator: ", ")
    }

    static func timing(ramp: Double, duration: Double?) -> String {
        let r = ramp > 0 ? "ramp " + QuantityText.formatDuration(ramp) : "no ramp"
        let d = duration.map { "lasts " + QuantityText.formatDuration($0) } ?? "lasts until repaired"
        return r + ", " + d
    }

    /// The fault's effect in the model, from MODEL.md §8.
    static func effect(_ k: FaultKind) -> String {
        switch k {
        case .gpu: "GPU down → its replica down → requests retry elsewhere"
        case .rack: "all its GPUs down → burst of retries → router shifts load"
        case .cooling: "inlet rises → throttling → shutdowns: slow creep, then a cliff"
        case .powerCap: "site cap drops → GPU caps drop → prefill slows first → shedding"
        case .network: "RTT added per call (N× per agent task); loss → retries; partition → no traffic"
        case .straggler: "one slow replica drags its batch"
        case .sensor: "die and inlet readings wrong → false alerts; real temperatures, clocks and power unchanged"
        }
    }
}
