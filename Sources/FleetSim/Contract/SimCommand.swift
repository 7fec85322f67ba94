/// The fault kinds of MODEL.md §8 that the command language can inject.
public enum FaultKind: String, CaseIterable, Sendable, Codable, Hashable {
    case gpu, rack, cooling
    case powerCap = "power-cap"
    case network, straggler
    /// A thermal sensor reading wrong: the rack's reported die and inlet temperatures are offset,
    /// the physics is untouched (MODEL §8: "wrong readings raise alerts only").
    case sensor
}

/// How many of the selected entities a fault hits (AWS FIS's ALL | COUNT(n) | PERCENT(p)).
public enum SelectionMode: Sendable, Equatable, Hashable, Codable {
    case all
    case count(Int)
    /// Share in 0...1.
    case percent(Double)
}

/// Picks part of the fleet. Indices are 1-based and relative to their parent:
/// `site=metro-edge hall=1 rack=7` is the seventh rack of the first hall of metro-edge.
/// `gpu=N` counts GPUs within the selected rack (or replica when one is given).
/// `tag=NAME` keeps only what carries the fleet-file tag (see `TargetResolver` for each fault level).
public struct TargetSelector: Sendable, Equatable, Hashable, Codable {
    public var site: String?
    public var hall: Int?
    public var rack: Int?
    public var replica: Int?
    public var gpu: Int?
    /// A fleet-file tag (`tags` / `rack_tags`), intersected with the positions above.
    public var tag: String?
    public var mode: SelectionMode
    /// Repair only: the one active fault with this id (`repair fault=N`), whatever else it touches.
    public var fault: Int?

    public init(site: String? = nil, hall: Int? = nil, rack: Int? = nil, replica: Int? = nil,
                gpu: Int? = nil, tag: String? = nil, mode: SelectionMode = .all, fault: Int? = nil) {
        self.site = site; self.hall = hall; self.rack = rack
        self.replica = replica; self.gpu = gpu; self.tag = tag; self.mode = mode; self.fault = fault
    }

    /// True when nothing narrows the selection (the whole fleet).
    public var isWholeFleet: Bool {
        site == nil && hall == nil && rack == nil && replica == nil && gpu == nil && tag == nil && fault == nil
    }
}

/// One fault injection, as written in the command language.
public struct FaultSpec: Sendable, Equatable, Hashable, Codable {
    public var kind: FaultKind
    public var target: TargetSelector
    /// Meaning per kind: cooling — share of cooling lost (0...1); power-cap — cap as a share of the
    /// site's normal limit (0...1); network — share of traffic lost (1 = partition); straggler —
    /// slowdown factor (≥ 1); sensor — °C added to the reported readings (negative reads cold);
    /// gpu / rack — unused.
    public var magnitude: Double?
    /// Network only: round-trip time added, in seconds.
    public var addedLatencySeconds: Double?
    /// Seconds over which the effect ramps linearly to full magnitude.
    public var rampSeconds: Double
    /// Seconds the fault lasts; nil means until repaired.
    public var durationSeconds: Double?
    /// Re-inject every this many seconds (from one start to the next); nil means once.
    public var repeatSeconds: Double?
    /// Reverts the fault early, as a repair would, once this holds (`until=`); nil means never.
    public var stopCondition: FaultStopCondition?

    public init(kind: FaultKind, target: TargetSelector, magnitude: Double? = nil,
                addedLatencySeconds: Double? = nil, rampSeconds: Double = 0,
                durationSeconds: Double? = nil, repeatSeconds: Double? = nil,
                stopCondition: FaultStopCondition? = nil) {
        self.kind = kind; self.target = target; self.magnitude = magnitude
        self.addedLatencySeconds = addedLatencySeconds; self.rampSeconds = rampSeconds
        self.durationSeconds = durationSeconds; self.repeatSeconds = repeatSeconds
        self.stopCondition = stopCondition
    }
}

/// A demand surge: the arrival rate of a class (or all) multiplied by `factor`.
public struct SurgeSpec: Sendable, Equatable, Hashable, Codable {
    /// The classes surged; all four for `surge all`.
    public var classes: [RequestClass]
    public var factor: Double
    public var rampSeconds: Double
    /// nil means until repaired (`repair all` ends surges too).
    public var durationSeconds: Double?

    public init(classes: [RequestClass], factor: Double, rampSeconds: Double = 0, durationSeconds: Double? = nil) {
        self.classes = classes; self.factor = factor
        self.rampSeconds = rampSeconds; self.durationSeconds = durationSeconds
    }
}

/// Simulation speed: a multiple of real time, or as fast as the CPU allows.
public enum SimSpeed: Sendable, Equatable, Hashable, Codable {
    case times(Double)
    case max

    /// The speed ladder of MODEL.md §2 that `+` / `-` walk.
    public static let ladder: [SimSpeed] = [.times(1), .times(2), .times(5), .times(10), .times(60), .max]

    /// "×10", "max".
    public var label: String {
        switch self {
        case .max: "max"
        case .times(let x): x == x.rounded() ? "×\(Int(x))" : "×\(x)"
        }
    }
}

/// Everything an operator, a drill or a recording can tell the simulation, in one command language:
/// fleet commands go to the engine, clock commands to the runner that drives it. Applied at a tick
/// boundary.
public enum SimCommand: Sendable, Equatable, Hashable, Codable {
    case fleet(FleetCommand)
    case clock(ClockCommand)

    /// The fleet command, or nil for a clock command.
    public var fleetCommand: FleetCommand? {
        if case .fleet(let c) = self { c } else { nil }
    }

    /// True for commands that change the fleet (refused in read-only mode).
    public var isInjection: Bool { fleetCommand != nil }
}

/// A command that changes the fleet; `FleetEngine.apply` takes these.
public enum FleetCommand: Sendable, Equatable, Hashable, Codable {
    case fault(FaultSpec)
    case surge(SurgeSpec)
    /// Repair what the selector picks (faults on it end, failed GPUs come back); nil repairs everything
    /// and ends every surge.
    case repair(TargetSelector?)
}

/// A command to the clock that drives the engine; the runner obeys these and the engine never sees them.
public enum ClockCommand: Sendable, Equatable, Hashable, Codable {
    case pause
    case resume
    /// Advance one physics step (1 s) while paused.
    case step
    case speed(SimSpeed)
}
