import Foundation

/// Agentic tasks as cohorts by step (MODEL §3): sessions whose k-th call is in the serving system, and
/// sessions in the tool step after call k. A task of N calls continues after step k with probability
/// S(k+1)/S(k), N lognormal (median 10, p90 50) capped at 150. No per-session objects.
public struct AgenticSessions: Sendable {
    let knobs: AgenticKnobs
    let baseInput: Double
    let outputTokens: Double
    /// Calls in the serving system, per step index k (1...cap at index k − 1).
    public private(set) var inCall: [Double]
    /// Sessions in a tool step after call k.
    public private(set) var inTool: [Double]
    /// Continuation probabilities S(k+1)/S(k) at the current chain-length multiplier.
    var continueProb: [Double]
    var chainMultiplier = 1.0
    /// Mean tool time, s (lognormal mean, truncated at the timeout).
    let toolMean: Double
    public private(set) var tasksStarted = 0.0
    public private(set) var tasksCompleted = 0.0
    public private(set) var tasksFailed = 0.0
    public private(set) var callsIssued = 0.0
    /// Mean prefill tokens of the calls issued last tick and mean KV context of calls in the system.
    public private(set) var newTokensPerCall: Double
    public private(set) var contextTokensPerCall: Double
    /// Mean context tokens a call issued last tick already has cached (prefix caching: held in KV, not
    /// prefilled again).
    public private(set) var cachedTokensPerCall = 0.0

    public init(knobs: AgenticKnobs, classSpec: ClassSpec) {
        self.knobs = knobs
        baseInput = classSpec.inputTokens
        outputTokens = classSpec.outputTokens
        inCall = [Double](repeating: 0, count: knobs.callsCap)
        inTool = inCall
        continueProb = Self.continuation(knobs: knobs, multiplier: 1)
        let sigma = LognormalQuantiles.sigma(median: knobs.toolMedianSeconds, p99: knobs.toolP99Seconds)
        toolMean = min(knobs.toolTimeoutSeconds, knobs.toolMedianSeconds * exp(sigma * sigma / 2))
        newTokensPerCall = classSpec.inputTokens
        contextTokensPerCall = classSpec.inputTokens + classSpec.outputTokens / 2
    }

    /// Lognormal chain-length sigma from the median and p90.
    static func sigma(_ k: AgenticKnobs) -> Double { LognormalQuantiles.sigma(median: k.callsMedian, p90: k.callsP90) }

    /// P(N ≥ k + 1) / P(N ≥ k) for k = 1...cap (index k − 1), N discretised lognormal capped.
    static func continuation(knobs: AgenticKnobs, multiplier: Double) -> [Double] {
        let sigma = Self.sigma(knobs)
        let mu = log(knobs.callsMedian * multiplier)
        func survival(_ k: Int) -> Double {
            if k <= 1 { return 1 }
            if k > knobs.callsCap { return 0 }
            let z = (log(Double(k) - 0.5) - mu) / sigma
            return 0.5 * erfc(z / 2.0.squareRoot())
        }
        return (1...knobs.callsCap).map { k in
            let s = survival(k)
            return s > 0 ? survival(k + 1) / s : 0
        }
    }

    /// Expected calls per task at the current chain multiplier.
    public var meanCallsPerTask: Double {
        var s = 1.0, total = 0.0
        for p in continueProb { total += s; s *= p }
        return total
    }

    /// Sets the chain-length multiplier (an agentic surge of ×m lengthens chains by m^k).
    public mutating func setChainMultiplier(_ m: Double) {
        guard abs(m - chainMultiplier) > 1e-9 else { return }
        chainMultiplier = m
        continueProb = Self.continuation(knobs: knobs, multiplier: m)
    }

    /// KV tokens a call at step k holds (its whole context, half its output on average).
    @inline(__always)
    func context(_ k: Int) -> Double { baseInput + Double(k) * knobs.contextGrowthTokens + outputTokens / 2 }

    /// One tick: `started` new tasks, `completed` and `dropped` agentic calls from serving.
    /// Returns the calls issued this tick (the agentic class's arrivals).
    public mutating func tick(dt: Double, started: Double, completed: Double, dropped: Double) -> Double {
        let total = inCall.reduce(0, +)
        if total > 0 {
            let doneShare = min(1, completed / total), dropShare = min(1 - doneShare, dropped / total)
            for k in 0..<inCall.count where inCall[k] > 0 {
                let done = inCall[k] * doneShare, lost = inCall[k] * dropShare
                inCall[k] -= done + lost
                inTool[k] += done
                tasksFailed += lost
            }
        }
        let exitShare = 1 - exp(-dt / toolMean)
        var issued = started, newTok = started * baseInput, cachedTok = 0.0, carry = 0.0
        for k in 0..<inTool.count {
            let exits = inTool[k] * exitShare
            inTool[k] -= exits
            let next = exits * continueProb[k]
            tasksCompleted += exits - next
            let moved = carry
            carry = next
            if k > 0 { inCall[k] += moved }
            issued += next
            newTok += next * knobs.contextGrowthTokens
            cachedTok += next * (baseInput + Double(k) * knobs.contextGrowthTokens)
        }
        inCall[0] += started
        tasksStarted += started
        callsIssued += issued
        if issued > 0 { newTokensPerCall = newTok / issued; cachedTokensPerCall = cachedTok / issued }
        var ctx = 0.0, n = 0.0
        for k in 0..<inCall.count where inCall[k] > 0 { ctx += inCall[k] * context(k); n += inCall[k] }
        if n > 0 { contextTokensPerCall = ctx / n }
        return issued
    }

    /// Tasks with a call in serving or in a tool step.
    public var tasksInFlight: Double { inCall.reduce(0, +) + inTool.reduce(0, +) }
}
