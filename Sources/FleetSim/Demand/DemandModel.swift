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
    /// Mean tokens of the trace arrivals last tick, per class (nil when not replaying).
    public private(set) var traceTokens: [(input: Double, output: Double)?] = [nil, nil, nil, nil]

    public init(spec: FleetSpec, seed: UInt64) throws {
        classes = spec.classes
        diurnalOn = spec.diurnal
        startHour = spec.startHourOfDay
        rng = CounterRNG(seed: seed)
        traces = try spec.classes.map { c in
            if case .trace(let t) = c.arrivals { return try TraceReplay(spec: t) }
            return nil
        }
    }

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
        classes[c].ratePerSecond * diurnal(at: t) * surge[c] * burst[c]
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

    /// Arrivals of class `c` in the tick starting at `t`.
    public mutating func arrivals(_ c: Int, at t: Double, dt: Double, tick: UInt64) -> Double {
        if var replay = traces[c] {
            let (n, input, output) = replay.take(dt: dt, surge: surge[c])
            traces[c] = replay
            traceTokens[c] = n > 0 ? (input, output) : traceTokens[c]
            return n
        }
        let mean = rate(c, at: t) * dt
        return Double(rng.poisson(mean, .arrivals, UInt64(c), tick))
    }
}
