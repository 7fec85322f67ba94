/// Prompt and output token counts of one class (MODEL §3): the empirical shape of an Azure 2023 trace
/// (`TokenQuantiles`), scaled so its mean is the class's configured mean. Sampled by inverse CDF with
/// linear interpolation between the tabulated quantiles, so the tails are the trace's own, not a
/// parametric guess.
public struct TokenSizeDistribution: Sendable, Equatable {
    let input: [Double]
    let output: [Double]

    /// The trace whose shape a class borrows: conversation for chat, agentic and batch, code for code.
    public enum Shape: Sendable { case conversation, code }

    public init(shape: Shape, meanInput: Double, meanOutput: Double) {
        let (i, o) = shape == .code ? (TokenQuantiles.codeInput, TokenQuantiles.codeOutput)
                                    : (TokenQuantiles.conversationInput, TokenQuantiles.conversationOutput)
        input = Self.scaled(i, toMean: meanInput)
        output = Self.scaled(o, toMean: meanOutput)
    }

    /// The shape for a class.
    public static func shape(for c: RequestClass) -> Shape { c == .code ? .code : .conversation }

    /// Mean of the piecewise-linear inverse CDF through `q`.
    static func mean(_ q: [Double]) -> Double {
        let p = TokenQuantiles.probabilities
        var m = 0.0
        for k in 1..<p.count { m += (p[k] - p[k - 1]) * (q[k] + q[k - 1]) / 2 }
        return m
    }

    static func scaled(_ q: [Double], toMean target: Double) -> [Double] {
        let m = mean(q)
        let f = m > 0 && target.isFinite && target > 0 ? target / m : 1
        return q.map { $0 * f }
    }

    /// The quantile at probability `u` in [0, 1).
    static func quantile(_ q: [Double], _ u: Double) -> Double {
        let p = TokenQuantiles.probabilities
        let x = min(max(u, 0), 1)
        var lo = 0, hi = p.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if p[mid] <= x { lo = mid } else { hi = mid }
        }
        let span = p[hi] - p[lo]
        let f = span > 0 ? (x - p[lo]) / span : 0
        return q[lo] + (q[hi] - q[lo]) * f
    }

    /// Token counts (at least 1, at most 10⁶) for the uniforms `u` (prompt) and `v` (output).
    public func sample(_ u: Double, _ v: Double) -> (prompt: Int32, output: Int32) {
        func clamp(_ x: Double) -> Int32 { Int32(min(1e6, max(1, x.rounded()))) }
        return (clamp(Self.quantile(input, u)), clamp(Self.quantile(output, v)))
    }
}
