import Foundation

/// The Wilson score interval for a binomial proportion (Wilson 1927): for `successes` of `trials`,
/// the proportions the data do not rule out at the given confidence. Unlike the normal ("Wald")
/// interval it stays inside 0…1 and is sensible at 0 or all successes and for small samples
/// (Newcombe 1998, "Two-sided confidence intervals for the single proportion", method 3).
public struct WilsonInterval: Sendable, Equatable, Codable {
    public var successes: Int
    public var trials: Int
    /// successes / trials (0 when there are no trials).
    public var rate: Double
    public var low: Double
    public var high: Double

    /// The two-sided 95% normal quantile, Φ⁻¹(0.975).
    public static let z95 = 1.959963984540054

    /// The interval at confidence given by `z` (95% by default). No trials give 0…1.
    public init(successes: Int, trials: Int, z: Double = WilsonInterval.z95) {
        self.successes = successes
        self.trials = trials
        guard trials > 0 else {
            (rate, low, high) = (0, 0, 1)
            return
        }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        rate = p
        low = successes == 0 ? 0 : max(0, centre - half)
        high = successes == trials ? 1 : min(1, centre + half)
    }

    /// "93.5% (95% CI 89.2–96.2%)".
    public var text: String {
        "\(Self.percent(rate)) (95% CI \(Self.percent(low, sign: false))–\(Self.percent(high)))"
    }

    /// A share as a percentage with one decimal when it needs one: `100%`, `93.5%`.
    public static func percent(_ x: Double, sign: Bool = true) -> String {
        let tenths = (x * 1000).rounded()
        let text = tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
        return sign ? text + "%" : text
    }
}
