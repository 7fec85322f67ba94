import Foundation

/// Turns each serving tick's per-hall fluid figures into weighted latency points (MODEL §4): TTFT from
/// an Erlang-C style wait tail plus prefill and RTT, TPOT from the step-time spread, E2E from both, and
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
    public var hallTPOT: [Double], hallTPOTSpread: [Double]

    public init(halls: Int) {
        hallWaitMean = [Double](repeating: 0, count: halls * 4)
        hallWaitProb = hallWaitMean; hallPrefill = hallWaitMean
        hallTPOT = [Double](repeating: 0.0305, count: halls); hallTPOTSpread = [Double](repeating: 0, count: halls)
    }

    /// The wait at quantile index `i` given mean wait `w` and probability of waiting `pw`.
    @inline(__always)
    static func wait(_ i: Int, mean w: Double, prob pw: Double) -> Double {
        guard pw > 1e-9, w > 0 else { return 0 }
        let x = tails[i] + log(pw)
        return x > 0 ? w / pw * x : 0
    }

    /// Records one serving tick.
    public mutating func record(tick stats: HallTickStats, dt: Double, topology: Topology,
                                rttSeconds: [Double], shape: ServingModel.ClassShape,
                                slos: [ServiceLevel], minStep: Double, tpotJitter: Double,
                                retryPending: [Double]) {
        let outTok = [shape.outputTokens.0, shape.outputTokens.1, shape.outputTokens.2, shape.outputTokens.3]
        for h in 0..<stats.halls {
            let rtt = rttSeconds[Int(topology.hallSite[h])]
            let dw = stats.decodeWeight[h]
            let tpot = dw > 0 ? max(minStep, stats.decodeTime[h] / dw) : minStep
            let spread = dw > 0 ? max(0, stats.decodeTime2[h] / dw - tpot * tpot).squareRoot() : 0
            hallTPOT[h] = tpot
            hallTPOTSpread[h] = spread
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
                let jitter = tpot * tpotJitter + spread
                let slo = slos[c]
                var good = done
                if let t1 = slo.ttftSeconds {
                    let x = t1 - pre - rtt
                    good *= x <= 0 ? 0 : (w > 0 && pw > 0 ? 1 - pw * exp(-x * pw / w) : 1)
                }
                if let t2 = slo.tpotSeconds {
                    let z = jitter > 0 ? (t2 - tpot) / jitter : (t2 >= tpot ? 10 : -10)
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
                            let tp = max(minStep * 0.5, tpot + jitter * Self.normals[k])
                            slot.tpot.record(tp, weight: done * Self.widths[k])
                            let e2e = ttft + outTok[c] * Self.tails[k] * tpot
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
