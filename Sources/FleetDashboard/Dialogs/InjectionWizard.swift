import FleetSim

/// The `f` fault menu (kind → target → magnitude → ramp → duration) and the `s` surge menu
/// (class → factor → ramp → duration), one `ChoiceMenu` per step, ending in a confirmation dialog.
/// The target list starts at the map selection and widens to its hall, site and the whole fleet.
public struct InjectionWizard: Sendable {
    /// Which menu: `f` (fault) or `s` (surge).
    public enum Flow: Sendable { case fault, surge }
    /// What a key did: still choosing, backed out of the first step, or ready to confirm.
    public enum Outcome: Sendable { case stay, cancelled, confirm(ConfirmDialog) }

    enum Step: Sendable { case kind, target, magnitude, ramp, duration, surgeClass, factor }

    /// A labelled choice with the value it stands for.
    struct Option<Value: Sendable>: Sendable {
        var label: String
        var value: Value
        init(_ label: String, _ value: Value) { self.label = label; self.value = value }
    }

    /// A fault magnitude choice: the share (or factor) and, for network faults, the RTT added.
    struct Magnitude: Sendable {
        var magnitude: Double?
        var addedLatency: Double?
    }

    /// Menu choices (UI knobs, not model numbers): ramps, durations, magnitudes per kind, surge factors.
    static let ramps: [Option<Double>] = [.init("no ramp", 0), .init("30 s", 30), .init("1 min", 60), .init("5 min", 300)]
    static let durations: [Option<Double?>] = [.init("1 min", 60), .init("5 min", 300), .init("10 min", 600),
                                               .init("30 min", 1_800), .init("until repaired", nil)]
    static let coolingLoss: [Double] = [0.3, 0.6, 0.9, 1.0]
    static let powerCapShare: [Double] = [0.9, 0.7, 0.5]
    static let stragglerFactor: [Double] = [1.5, 2, 4]
    static let sensorOffsetC: [Double] = [15, 25, 40, -20]
    static let networkChoices: [Option<Magnitude>] = [
        .init("+50 ms RTT per call", Magnitude(magnitude: nil, addedLatency: 0.05)),
        .init("+200 ms RTT per call", Magnitude(magnitude: nil, addedLatency: 0.2)),
        .init("5% packet loss", Magnitude(magnitude: 0.05, addedLatency: nil)),
        .init("partition (100% loss)", Magnitude(magnitude: 1, addedLatency: nil)),
    ]
    static let surgeFactors: [Double] = [1.5, 2, 3, 5]

    public let flow: Flow
    private var steps: [Step]
    private var index = 0
    /// The step on screen.
    public private(set) var menu: ChoiceMenu
    /// The label chosen at each step so far, by step index (skipped steps have none).
    private var chosen: [Int: String] = [:]
    /// Why the fleet refused the command the choices describe, shown in the menu until the next key.
    public private(set) var error: String?
    private let snapshot: Snapshot
    private let selection: MapSelection?

    private var kind: FaultKind = .gpu
    private var targets: [Option<TargetSelector>] = []
    private var magnitudes: [Option<Magnitude>] = []
    private var target = TargetSelector()
    private var magnitude = Magnitude()
    private var ramp = 0.0
    private var duration: Double? = nil
    private var classes: [RequestClass] = []
    private var factor = 2.0

    public init(flow: Flow, snapshot: Snapshot, selection: MapSelection?) {
        self.flow = flow; self.snapshot = snapshot; self.selection = selection
        steps = flow == .fault ? [.kind, .target, .magnitude, .ramp, .duration] : [.surgeClass, .factor, .ramp, .duration]
        menu = ChoiceMenu(title: "", options: [])
        menu = makeMenu(steps[0])
    }

    /// The trail of choices so far ("fault · cooling · metro-edge/h1").
    public var trailText: String {
        ([flow == .fault ? "fault" : "surge"] + chosen.keys.sorted().compactMap { chosen[$0] }).joined(separator: " · ")
    }

    /// Stays on the last step with the fleet's reason for refusing the command (e.g. a rack that
    /// does not exist), so another target or option can be picked.
    public mutating func refuse(_ message: String) {
        index = steps.count - 1
        while index > 0, !needs(steps[index]) { index -= 1 }
        chosen = chosen.filter { $0.key < index }
        menu = makeMenu(steps[index])
        error = message
    }

    /// Passes a key to the current step; a choice moves on, Esc moves back.
    public mutating func handle(_ key: Key) -> Outcome {
        error = nil
        switch menu.handle(key) {
        case .stay: return .stay
        case .back:
            if index == 0 { return .cancelled }
            index -= 1
            while index > 0, !needs(steps[index]) { index -= 1 }
            chosen = chosen.filter { $0.key < index }
            menu = makeMenu(steps[index])
            return .stay
        case .chosen(let i):
            choose(i)
            index += 1
            while index < steps.count, !needs(steps[index]) { index += 1 }
            if index >= steps.count { return .confirm(InjectionSummary.dialog(for: command)) }
            menu = makeMenu(steps[index])
            return .stay
        }
    }

    /// The command the choices so far describe.
    public var command: SimCommand {
        switch flow {
        case .fault:
            var t = target
            if kind == .gpu && t.gpu == nil { t.mode = .count(1) }
            return .fleet(.fault(FaultSpec(kind: kind, target: t, magnitude: magnitude.magnitude,
                                           addedLatencySeconds: magnitude.addedLatency, rampSeconds: ramp, durationSeconds: duration)))
        case .surge:
            return .fleet(.surge(SurgeSpec(classes: classes, factor: factor, rampSeconds: ramp, durationSeconds: duration)))
        }
    }

    /// GPU and rack faults fail at once: they have no magnitude and no ramp.
    private func needs(_ step: Step) -> Bool {
        guard flow == .fault, kind == .gpu || kind == .rack else { return true }
        return step != .magnitude && step != .ramp
    }

    private mutating func choose(_ i: Int) {
        let label = i < menu.options.count ? menu.options[i] : ""
        switch steps[index] {
        case .kind:
            kind = FaultKind.allCases[i]
            chosen = [index: kind.rawValue]
            if !needs(.ramp) { ramp = 0 }
            return
        case .target: target = targets[i].value; chosen[index] = targets[i].label
        case .magnitude: magnitude = magnitudes[i].value
        case .ramp: ramp = Self.ramps[i].value
        case .duration: duration = Self.durations[i].value
        case .surgeClass:
            classes = i < RequestClass.allCases.count ? [RequestClass.allCases[i]] : RequestClass.allCases
            chosen = [:]
        case .factor: factor = Self.surgeFactors[i]
        }
        if steps[index] != .target { chosen[index] = label }
    }

    private mutating func makeMenu(_ step: Step) -> ChoiceMenu {
        switch step {
        case .kind:
            return ChoiceMenu(title: "fault: kind", options: FaultKind.allCases.map { "\($0.rawValue) — " + Self.kindHint($0) })
        case .target:
            targets = Self.targets(for: kind, selection: selection, in: snapshot)
            return ChoiceMenu(title: "fault: target", options: targets.map(\.label))
        case .magnitude:
            magnitudes = Self.magnitudes(for: kind)
            return ChoiceMenu(title: "fault: magnitude", options: magnitudes.map(\.label))
        case .ramp:
            return ChoiceMenu(title: "\(flow == .fault ? "fault" : "surge"): ramp", options: Self.ramps.map(\.label))
        case .duration:
            return ChoiceMenu(title: "\(flow == .fault ? "fault" : "surge"): duration", options: Self.durations.map(\.label))
        case .surgeClass:
            return ChoiceMenu(title: "surge: class", options: RequestClass.allCases.map(\.name) + ["all"])
        case .factor:
            return ChoiceMenu(title: "surge: factor", options: Self.surgeFactors.map { "×" + QuantityText.shortest($0) + " arrivals" })
        }
    }

    static func kindHint(_ k: FaultKind) -> String {
        switch k {
        case .gpu: "one GPU fails"
        case .rack: "PDU or switch: whole rack down"
        case .cooling: "a hall loses cooling"
        case .powerCap: "site power cap / brownout"
        case .network: "added RTT, loss or partition"
        case .straggler: "one slow replica"
        case .sensor: "temperature readings wrong"
        }
    }

    /// Where a fault of this kind can go, narrowest first, starting from the selection.
    static func targets(for kind: FaultKind, selection: MapSelection?, in s: Snapshot) -> [Option<TargetSelector>] {
        var chain: [MapSelection] = []
        var cur = selection.flatMap { $0.isValid(in: s) ? $0 : nil }
        while let c = cur { chain.append(c); cur = c.parent(in: s) }
        if chain.isEmpty { chain = s.sites.indices.map { MapSelection.site($0) } }
        let allowed: (MapSelection) -> Bool = { sel in
            switch (kind, sel) {
            case (.cooling, .rack), (.powerCap, .rack), (.powerCap, .hall), (.network, .rack), (.network, .hall): false
            default: true
            }
        }
        var out = chain.filter(allowed).map { sel -> Option<TargetSelector> in
            let word: String
            switch sel { case .site: word = "site"; case .hall: word = "hall"; case .rack: word = "rack" }
            let prefix = kind == .gpu ? "one GPU in " : (kind == .straggler ? "one replica in " : "")
            return Option(prefix + word + " " + sel.path(in: s), sel.selector(in: s))
        }
        let fleetLabel = kind == .gpu ? "one GPU anywhere in the fleet" : (kind == .straggler ? "one replica anywhere in the fleet" : "whole fleet")
        out.append(Option(fleetLabel, TargetSelector()))
        return out
    }

    static func magnitudes(for kind: FaultKind) -> [Option<Magnitude>] {
        switch kind {
        case .cooling: coolingLoss.map { Option(NumberFormat.percent($0) + " of cooling lost", Magnitude(magnitude: $0, addedLatency: nil)) }
        case .powerCap: powerCapShare.map { Option("cap at " + NumberFormat.percent($0) + " of grid limit", Magnitude(magnitude: $0, addedLatency: nil)) }
        case .network: networkChoices
        case .straggler: stragglerFactor.map { Option("×" + QuantityText.shortest($0) + " slower", Magnitude(magnitude: $0, addedLatency: nil)) }
        case .sensor: sensorOffsetC.map { Option("reads " + QuantityText.formatTemperatureOffset($0) + " °C off", Magnitude(magnitude: $0, addedLatency: nil)) }
        case .gpu, .rack: []
        }
    }
}
