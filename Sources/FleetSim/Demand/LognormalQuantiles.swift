import Foundation

/// A lognormal's spread from two of its quantiles: its p-quantile is median × exp(zₚ σ), so
/// σ = ln(qₚ / median) / zₚ, with zₚ the standard normal's p-quantile (MODEL.md's agentic knobs give
/// tool time as median and p99, chain length as median and p90).
public enum LognormalQuantiles {
    /// Φ⁻¹(0.99), the standard normal's 99th percentile.
    public static let z99 = 2.326
    /// Φ⁻¹(0.90), the standard normal's 90th percentile.
    public static let z90 = 1.2816

    /// σ of the lognormal with this median and 99th percentile.
    public static func sigma(median: Double, p99: Double) -> Double { log(p99 / median) / z99 }

    /// σ of the lognormal with this median and 90th percentile.
    public static func sigma(median: Double, p90: Double) -> Double { log(p90 / median) / z90 }
}
