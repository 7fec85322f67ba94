import Foundation

/// Turns each serving tick's per-hall fluid figures into weighted latency points (MODEL §4): TTFT from
/// an Erlang-C style wait tail plus prefill and RTT, TPOT per request
/// (its mean step time, spread shrinking with its output length), E2E from both, and
/// goodput as the share of completions inside both SLOs.
public struct LatencyRecorder: Sendable {
    /// Quantile bins (edges) the wait and output-length tails are represented by.
    static let edges: [Double] = [0, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 1]
    static let mids: [Double] = (0..<(edges.count - 1)).map { i in
        i == edges.count - 2 ? 0.9995 : (edges[i] + edges[i + 1]) / 2
    }
    static let widths: [Double] = (0..<(edges.count - 1)).map { edges[$0 + 1] - edges[$0] }
    /// −ln(1 − q) at each mid-quantile: the exponential tail multiplier.
    static let tails: [Double] = mids.map { -log(1 - $0) }
    /// Standard-normal quantile at each mid (for TPOT spread).
    static let normals: [Double] = [-0.674, 0.524, 1.036, 1.440, 1.960, 2.652, 3.291]
    /// Longest stage time reported, s (one hour, the histogram's top).
    static let cap = 3600.0

    public var windows = [ClassWindow](repeating: ClassWindow(), count: 4)
    /// Per hall × class latency parameters of the last tick (for probes and the detail panel).
    public var hallWaitMean: [Double], hallWaitProb: [Double], hallPrefill: [Double]
    /// Per hall: per-token mean step time (a request's expected TPOT) and the spread of one step's time.
    public var hallTPOT: [Double], hallTPOTSpread: [Double]
    /// Per hall × class: the mean step time over the last decode of a typical request (a moving average
    /// with the class's decode duration as its time constant), the mean a completing request's TPOT has.
    public var hallClassTPOT: [Double]

    public init(halls: Int) {
        hallWaitMean = [Double](repeating: 0, count: halls * 4)
        hallWaitProb = hallWaitMean; hallPrefill = hallWaitMean
        hallTPOT = [Double](repeating: 0.0305, count: halls); hallTPOTSpread = [Double](repeating: 0, count: halls)
        hallClassTPOT = [Double](repeating: 0, count: halls * 4)
    }

    /// The wait at quantile index `i` given mean wait `w` and probability of waiting `pw`.
    @inline(__always)
    static func wait(_ i: Int, mean w: Double, prob pw: Double) -> Double {
        guard pw > 1e-9, w > 0 else { return 0 }
        let x = tails[i] + log(pw)
        return x > 0 ? w / pw * x : 0
    }

    /// Standard deviation of a request's TPOT over `outputTokens` tokens: the between-replica part stays,
    /// the per-step part shrinks as 1/√(n − 1) since TPOT is the mean over the request's steps.
    @inline(__always)
    static func requestSpread(between: Double, perStep: Double, outputTokens n: Double) -> Double {
        (between + perStep / max(1, n - 1)).squareRoot()
    }

    /// Records one serving tick.
    public mutating func record(tick stats: HallTickStats, dt: Double, topology: Topology,
                                rttSeconds: [Double], shape: ServingModel.ClassShape,
                                slos: [ServiceLevel], minStep: Double, tpotJitter: Double,
                                retryPending: [Double]) {
        let outTok = [shape.outputTokens.0, shape.outputTokens.1, shape.outputTokens.2, shape.outputTokens.3]
        for h in 0..<stats.halls {
            let rtt = rttSeconds[Int(topology.hallSite[h])]
            let dw = stats.decodeWeight[h], tok = stats.tokens[h]
            // Per-token mean step time, the spread between replicas (persists over a request's life)
            // and the per-step spread within a replica (prefill-bearing vs decode-only steps, plus jitter),
            // which averages out over a request's output tokens (MLPerf TPOT: mean time per output token).
            var tpot = minStep, between = 0.0, perStep = 0.0
            if dw > 0, tok > 0 {
                tpot = dw * dt / tok
                let m2 = stats.replicaStepSquares[h] / tok
                between = max(0, m2 - tpot * tpot)
                perStep = max(0, stats.stepSquares[h] / tok - m2) + (tpot * tpotJitter) * (tpot * tpotJitter)
            }
            hallTPOT[h] = tpot
            hallTPOTSpread[h] = perStep.squareRoot()
            let up = max(1, stats.upReplicas[h])
            for c in 0..<4 {
                let i = h * 4 + c
                let waitingN = stats.waiting[i]
                let admRate = stats.admitted[i] / dt
                let w = waitingN > 0 ? min(Self.cap, waitingN / max(admRate, waitingN / Self.cap)) : 0
                let perReplica = waitingN / up
                let pw = perReplica / (perReplica + 1)
                let firstRate = stats.firstTokens[i] / dt
                let pre = stats.prefilling[i] > 0
                    ? max(minStep, min(Self.cap, stats.prefilling[i] / max(firstRate, stats.prefilling[i] / Self.cap)))
                    : minStep
                hallWaitMean[i] = w; hallWaitProb[i] = pw; hallPrefill[i] = pre
                let first = stats.firstTokens[i], done = stats.completed[i]
                let compRate = done / dt
                let decodeStage = stats.decoding[i] > 0
                    ? min(Self.cap, stats.decoding[i] / max(compRate, stats.decoding[i] / Self.cap)) : 0
                var meanTPOT = hallClassTPOT[i]
                if dw > 0, tok > 0 {
                    meanTPOT = meanTPOT > 0 ? meanTPOT + (tpot - meanTPOT) * min(1, dt / (outTok[c] * tpot)) : tpot
                    hallClassTPOT[i] = meanTPOT
                }
                if meanTPOT <= 0 { meanTPOT = tpot }
                let spread = Self.requestSpread(between: between, perStep: perStep, outputTokens: outTok[c])
                let slo = slos[c]
                var good = done
                if let t1 = slo.ttftSeconds {
                    let x = t1 - pre - rtt
                    good *= x <= 0 ? 0 : (w > 0 && pw > 0 ? 1 - pw * exp(-x * pw / w) : 1)
                }
                if let t2 = slo.tpotSeconds {
                    let z = spread > 0 ? (t2 - meanTPOT) / spread : (t2 >= meanTPOT ? 10 : -10)
                    good *= 1 / (1 + exp(-1.702 * z))
                }
                windows[c].withCurrent { slot in
                    slot.arrivals += stats.arrivals[i]
                    slot.completed += done
                    slot.good += good
                    slot.dropped += stats.dropped[i]
                    slot.inSystemSeconds += (waitingN + stats.prefilling[i] + stats.decoding[i]) * dt
                    slot.timeInSystemWeighted += done * (w + pre + decodeStage)
                    for k in 0..<Self.mids.count {
                        let wq = Self.wait(k, mean: w, prob: pw)
                        let ttft = wq + pre + rtt
                        if first > 0 { slot.ttft.record(ttft, weight: first * Self.widths[k]) }
                        if done > 0 {
                            let tp = max(minStep * 0.5, meanTPOT + spread * Self.normals[k])
                            slot.tpot.record(tp, weight: done * Self.widths[k])
                            let n = outTok[c] * Self.tails[k]
                            let sdN = Self.requestSpread(between: between, perStep: perStep, outputTokens: n)
                            let e2e = ttft + n * max(minStep * 0.5, meanTPOT + sdN * Self.normals[k])
                            slot.e2e.record(e2e, weight: done * Self.widths[k])
                        }
                    }
                }
            }
        }
        for c in 0..<4 {
            windows[c].withCurrent { slot in
                slot.inSystemSeconds += retryPending[c] * dt
                slot.seconds += dt
            }
        }
    }

    /// Adds retried requests to the current window.
    public mutating func recordRetries(_ amount: Double, class c: Int) {
        windows[c].withCurrent { $0.retried += amount }
    }

    /// Starts a new 5-second slot in every class.
    public mutating func rotate() { for c in 0..<4 { windows[c].rotate() } }
}
