/// The words of the command language in one place, shared by the parser, the formatter, the
/// completer and the drill-file reader so their lists of valid choices never disagree.
public enum CommandVocabulary {
    /// Verbs in the order the help and the completer show them.
    public static let verbs = ["fault", "surge", "repair", "pause", "resume", "step", "speed"]
    /// Fault kinds as written (`power-cap`, not `powerCap`).
    public static let faultKinds = FaultKind.allCases.map(\.rawValue)
    /// Surge targets: the four classes and `all`.
    public static let surgeTargets = RequestClass.allCases.map(\.name) + ["all"]
    /// Selector keys that narrow where a fault or repair applies (`tag` names a fleet-file tag).
    public static let placeKeys = ["site", "hall", "rack", "replica", "gpu", "tag"]
    /// Selector keys that choose how many of the selected entities are hit.
    public static let modeKeys = ["count", "percent"]
    /// Every selector key.
    public static var selectorKeys: [String] { placeKeys + modeKeys }
    /// The key of `repair` that names one active fault by its id (`repair fault=3`).
    public static let repairFaultKey = "fault"
    /// Option keys of `fault`.
    public static let faultOptionKeys = ["magnitude", "latency", "ramp", "for", "repeat", "until"]
    /// The comparisons a stop condition (`until=METRIC<VALUE`) may use.
    public static let stopOperators = ["<", ">"]
    /// Option keys of `surge`.
    public static let surgeOptionKeys = ["factor", "ramp", "for"]
    /// Values `speed` accepts besides a plain multiple.
    public static let speedWords = ["1", "2", "5", "10", "60", "max"]

    /// Fault kinds whose magnitude is a share in 0...1.
    public static func magnitudeIsShare(_ kind: FaultKind) -> Bool {
        switch kind {
        case .cooling, .powerCap, .network: true
        case .gpu, .rack, .straggler, .sensor: false
        }
    }

    /// Fault kinds that take a magnitude at all.
    public static func takesMagnitude(_ kind: FaultKind) -> Bool {
        switch kind {
        case .cooling, .powerCap, .network, .straggler, .sensor: true
        case .gpu, .rack: false
        }
    }
}
