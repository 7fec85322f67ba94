import Foundation

/// Counter-based randomness (SplitMix64 finaliser keyed by seed, stream, entity and tick): a draw depends
/// only on its key, never on how many draws came before, so history is the same whatever the pacing.
public struct CounterRNG: Sendable, Equatable {
    public let seed: UInt64
    public init(seed: UInt64) { self.seed = seed }

    /// Named streams so different uses of the same entity and tick never share a draw.
    public enum Stream: UInt64, Sendable {
        case arrivals = 1, burst, background, backgroundKind, backgroundRepair, backgroundTarget
        case selection, probeStart, probeDraw, toolStep, chainLength
        case requestTime, requestPrompt, requestOutput, requestSite
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 64 random bits for one key.
    @inline(__always)
    public func bits(_ stream: Stream, _ entity: UInt64, _ counter: UInt64) -> UInt64 {
        Self.mix(Self.mix(Self.mix(seed ^ (stream.rawValue &* 0xD6E8_FEB8_6659_FD93)) ^ entity) ^ counter)
    }

    /// Uniform in (0, 1), never exactly 0 or 1.
    @inline(__always)
    public func uniform(_ stream: Stream, _ entity: UInt64, _ counter: UInt64) -> Double {
        (Double(bits(stream, entity, counter) >> 11) + 0.5) * 0x1p-53
    }

    /// Standard normal (Box–Muller on two keyed draws).
    public func normal(_ stream: Stream, _ entity: UInt64, _ counter: UInt64) -> Double {
        let u1 = uniform(stream, entity, counter)
        let u2 = uniform(stream, entity ^ 0x5851_F42D_4C95_7F2D, counter)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Poisson count with mean `mean` (inversion for small means, normal approximation above 30).
    public func poisson(_ mean: Double, _ stream: Stream, _ entity: UInt64, _ counter: UInt64) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 {
            return max(0, Int((mean + mean.squareRoot() * normal(stream, entity, counter)).rounded()))
        }
        let u = uniform(stream, entity, counter)
        var k = 0, p = exp(-mean), cdf = p
        while u > cdf && k < 200 {
            k += 1; p *= mean / Double(k); cdf += p
        }
        return k
    }

    /// Gamma(shape k, scale θ) by Marsaglia–Tsang, with Ahrens–Dieter boost for k < 1.
    public func gamma(shape: Double, scale: Double, _ stream: Stream, _ entity: UInt64, _ counter: UInt64) -> Double {
        guard shape > 0, scale > 0 else { return 0 }
        let boost: Double
        let k: Double
        if shape < 1 {
            boost = pow(uniform(stream, entity ^ 0xA5A5, counter), 1 / shape)
            k = shape + 1
        } else {
            boost = 1; k = shape
        }
        let d = k - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
        for attempt in 0..<64 as Range<UInt64> {
            let x = normal(stream, entity &+ attempt &* 0x1000_0000_01B3, counter)
            let v = pow(1 + c * x, 3)
            guard v > 0 else { continue }
            let u = uniform(stream, entity &+ attempt &* 0x1000_0000_01B3 ^ 0x77, counter)
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v * scale * boost }
        }
        return k * scale * boost
    }

    /// Lognormal with the given median and log-sigma.
    public func lognormal(median: Double, sigma: Double, _ stream: Stream, _ entity: UInt64, _ counter: UInt64) -> Double {
        median * exp(sigma * normal(stream, entity, counter))
    }
}
