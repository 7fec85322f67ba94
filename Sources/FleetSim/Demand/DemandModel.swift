import Foundation

/// Arrivals per class and serving tick (MODEL §3): λ(t) = λ0 · diurnal(t) · surge(t), Poisson counts,
/// Gamma-modulated bursts redrawn every second, or a replayed trace.
public struct DemandModel: Sendable {
    let classes: [ClassSpec]
    let diurnalOn: Bool
    let startHour: Double
    let rng: CounterRNG
    /// Surge multiplier per class in force now (set by the engine from active surges).
    public var surge: [Double] = [1, 1, 1, 1]
    /// Burst multiplier per class for the current second.
    public private(set) var burst: [Double] = [1, 1, 1, 1]
    var traces: [TraceReplay?]
    /// Prompt and output sizes per class, when not replaying a trace (MODEL §3).
    let sizes: [TokenSizeDistribution]

    public init(spec: FleetSpec, seed: UInt64) throws {
        classes = spec.classes
        diurnalOn = spec.diurnal
        startHour = spec.startHourOfDay
        rng = CounterRNG(seed: seed)
        traces = try spec.classes.map { c in
            if case .trace(let t) = c.arrivals { return try TraceReplay(spec: t) }
            return nil
        }
        sizes = spec.classes.map { c in
            TokenSizeDistribution(shape: TokenSizeDistribution.shape(for: c.requestClass),
                                  meanInput: c.inputTokens, meanOutput: c.outputTokens)
        }
    }

    /// Whether class `c` replays a trace.
    public func replaysTrace(_ c: Int) -> Bool { traces[c] != nil }

    /// The diurnal factor: 0.3× at night to 1.4× at the 14:00 peak, mean 1 over a day
    /// (0.3 + 1.1·|cos(θ/2)| has mean 0.3 + 1.1·2/π = 1.0).
    public func diurnal(at t: Double) -> Double {
        guard diurnalOn else { return 1 }
        let hour = startHour + t / 3600
        let theta = 2 * Double.pi * (hour - 14) / 24
        return 0.3 + 1.1 * abs(cos(theta / 2))
    }

    /// Mean arrival rate of a class now (per second), before Poisson noise.
    public func rate(_ c: Int, at t: Double) -> Double {
        if let replay = traces[c] {
            if let stop = replay.stopAfter, t >= stop { return 0 }
            return replay.meanRate * replay.scale * surge[c]
        }
        return classes[c].ratePerSecond * diurnal(at: t) * surge[c] * burst[c]
    }

    /// Redraws the Gamma bursts for the second starting at `second`.
    public mutating func newSecond(_ second: UInt64) {
        for c in 0..<4 {
            if case .gammaModulated(let cv) = classes[c].arrivals, cv > 0 {
                let k = 1 / (cv * cv)
                burst[c] = rng.gamma(shape: k, scale: cv * cv, .burst, UInt64(c), second)
            } else {
                burst[c] = 1
            }
        }
    }

    /// Trace requests of class `c` arriving in the tick [t, t + dt).
    mutating func traceRows(_ c: Int, at t: Double, dt: Double, into out: inout [TraceReplay.Row]) {
        guard var replay = traces[c] else { return }
        replay.take(at: t, dt: dt, surge: surge[c], into: &out)
        traces[c] = replay
    }

    /// Prompt and output tokens of a request of class `c`, from two uniforms.
    func sampleSize(_ c: Int, _ u: Double, _ v: Double) -> (prompt: Int32, output: Int32) {
        sizes[c].sample(u, v)
    }
}
