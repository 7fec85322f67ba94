extension SimEvent {
    /// What an event is about, as values: tests and views match on it, and the events panel's words
    /// (`text`) are derived from it in one place.
    public enum Subject: Sendable, Equatable {
        /// An injected fault: its id, kind, the magnitude in force (the kind's default when the command
        /// gave none), a network fault's added latency, and where it hit ("metro-edge/h1").
        case fault(id: Int, kind: FaultKind, magnitude: Double, addedLatencySeconds: Double?, target: String)
        /// A background failure: its id, cause and the GPU or rack path.
        case failure(id: Int, cause: BackgroundFailures.Cause, target: String)
        /// A fault ended by a repair.
        case repaired(faultID: Int, kind: FaultKind, target: String)
        /// A fault reverted because its stop condition (`until=`) was met.
        case reverted(faultID: Int, kind: FaultKind, target: String, condition: String)
        /// A demand surge on these classes by this factor.
        case surge(id: Int, classes: [RequestClass], factor: Double)
        /// A class breaching its SLO: `metric` is "TTFT" or "TPOT" with the target in seconds, or
        /// anything else for a class that is served nothing.
        case sloBreach(RequestClass, metric: String, targetSeconds: Double?)
        /// The power governor shedding racks at a site.
        case shedding(site: Int, name: String)
        /// A site's power cap biting, with the limit in force.
        case powerCap(site: Int, name: String, limitKW: Int)
        /// Thermal throttling in a hall.
        case throttling(hall: Int, path: String)
        /// Thermal shutdown in a hall.
        case shutdown(hall: Int, path: String)
        /// A hall's die reading at the slowdown threshold, naming the rack that reads hottest.
        case temperatureAlert(hall: Int, rack: String, readingC: Int)
        /// A fleet command the engine refused, and why.
        case rejected(FleetCommand, Diagnostic)
        /// A line in someone's own words that no structured subject covers (`EventKind.info`).
        case note(String)

        /// Operator words, e.g. "cooling −60% metro-edge/h1", "power cap biting at near (limit 560 kW)".
        public var text: String {
            switch self {
            case .fault(_, let kind, let m, let latency, let target):
                let pct = Int((m * 100).rounded())
                switch kind {
                case .gpu: return "GPU failure \(target)"
                case .rack: return "rack failure \(target)"
                case .cooling: return "cooling −\(pct)% \(target)"
                case .powerCap: return "power cap \(pct)% \(target)"
                case .network:
                    let lat = latency.map { " +\(Int(($0 * 1000).rounded())) ms" } ?? ""
                    return (m >= 1 ? "partition" : "network loss \(pct)%") + lat + " \(target)"
                case .straggler: return "straggler ×\(m) \(target)"
                case .sensor: return "sensor \(QuantityText.formatTemperatureOffset(m)) °C \(target)"
                }
            case .failure(_, let cause, let target):
                return "\(cause.rawValue) failure \(target)" + (cause == .host ? " (8 GPUs)" : "")
            case .repaired(_, let kind, let target):
                return "repaired \(kind.rawValue) \(target)"
            case .reverted(_, let kind, let target, let condition):
                return "reverted \(kind.rawValue) \(target): stop condition \(condition) met"
            case .surge(_, let classes, let factor):
                let names = classes.count == RequestClass.allCases.count ? "all" : classes.map(\.name).joined(separator: ",")
                return "surge \(names) ×\(factor.formatted2)"
            case .sloBreach(let c, let metric, let target):
                switch metric {
                case "TTFT": return "SLO breach \(c.name) TTFT p99 > \((target ?? 0).formatted2) s"
                case "TPOT": return "SLO breach \(c.name) TPOT p99 > \(((target ?? 0) * 1000).formatted2) ms"
                default: return "SLO breach \(c.name): nothing served"
                }
            case .shedding(_, let name):
                return "governor shedding racks at \(name)"
            case .powerCap(_, let name, let limit):
                return "power cap biting at \(name) (limit \(limit) kW)"
            case .throttling(_, let path):
                return "thermal throttling \(path)"
            case .shutdown(_, let path):
                return "thermal shutdown \(path)"
            case .temperatureAlert(_, let rack, let reading):
                return "die temperature alert \(rack) reads \(reading) °C"
            case .rejected(_, let reason):
                return "rejected: \(reason)"
            case .note(let text):
                return text
            }
        }
    }
}
