import Foundation
import FleetMetrics

/// About one agentic session in 10,000 followed individually (MODEL §3): each probe draws its chain
/// length, and every call's latency from the live wait, prefill, RTT and TPOT of the hall serving it,
/// so whole-task percentiles are true percentiles, not products of averages. Bounded in number.
public struct ProbeSessions: Sendable {
    struct Probe: Sendable {
        var id: UInt64
        var calls: Int
        var done: Int
        var inCall: Bool
        var remaining: Double
        var start: Double
        var rtt: Double
    }

    let knobs: AgenticKnobs
    let rng: CounterRNG
    let toolSigma: Double
    var probes: [Probe] = []
    var nextID: UInt64 = 1
    /// Chain-length multiplier from agentic surges.
    public var chainMultiplier = 1.0
    /// Whole-task latency over the last 10 minutes: ten one-minute histograms.
    var minutes = [LatencyHistogram](repeating: LatencyHistogram(), count: 10)
    var minuteHead = 0
    var currentMinute: UInt64 = 0
    /// Over the same window: Σ task time, Σ RTT time and Σ calls of completed probes.
    var windowTaskTime = [Double](repeating: 0, count: 10)
    var windowRtt = [Double](repeating: 0, count: 10)
    var windowCalls = [Double](repeating: 0, count: 10)
    var windowTasks = [Double](repeating: 0, count: 10)

    public init(knobs: AgenticKnobs, seed: UInt64) {
        self.knobs = knobs
        rng = CounterRNG(seed: seed)
        toolSigma = log(knobs.toolP99Seconds / knobs.toolMedianSeconds) / 2.326
    }

    public var inFlight: Int { probes.count }

    /// Whole-task latency histogram over the window.
    public var taskHistogram: LatencyHistogram {
        var h = LatencyHistogram()
        for m in minutes { h.merge(m) }
        return h
    }

    /// RTT share of task time and mean calls per task over the window's completed probes.
    public var rttShare: Double {
        let t = windowTaskTime.reduce(0, +)
        return t > 0 ? windowRtt.reduce(0, +) / t : 0
    }

    func chainLength(_ id: UInt64) -> Int {
        let sigma = log(knobs.callsP90 / knobs.callsMedian) / 1.2816
        let n = rng.lognormal(median: knobs.callsMedian * chainMultiplier, sigma: sigma, .chainLength, id, 0)
        return max(1, min(knobs.callsCap, Int(n.rounded(.up))))
    }

    /// One call's latency for probe `id`, drawn from the live state of a hall the router would use.
    func callSeconds(_ id: UInt64, _ n: Int, engine: FleetEngine) -> (Double, Double) {
        let topo = engine.topology
        let a = RequestClass.agentic.rawValue
        var u = rng.uniform(.probeDraw, id, UInt64(n) &* 4)
        var site = 0
        for s in 0..<topo.siteCount {
            let w = engine.router.siteShare[s * 4 + a]
            if u < w || s == topo.siteCount - 1 { site = s; break }
            u -= w
        }
        let halls = topo.siteHalls[site]
        let h = halls.lowerBound + min(halls.count - 1, Int(rng.uniform(.probeDraw, id, UInt64(n) &* 4 &+ 1) * Double(halls.count)))
        let i = h * 4 + a
        let w = engine.recorder.hallWaitMean[i], pw = engine.recorder.hallWaitProb[i]
        let q = rng.uniform(.probeDraw, id, UInt64(n) &* 4 &+ 2)
        let wait = (pw > 1e-9 && q > 1 - pw) ? w / pw * log(pw / (1 - q)) : 0
        let out = -log(rng.uniform(.probeDraw, id, UInt64(n) &* 4 &+ 3)) * engine.shape.outputTokens.2
        let tpot = max(engine.serving.table.decode[1] * 0.5,
                       engine.recorder.hallTPOT[h] * (1 + engine.spec.serving.tpotJitter * rng.normal(.probeDraw, id, UInt64(n))))
        let rtt = engine.siteRttMs[site] / 1000
        return (wait + engine.recorder.hallPrefill[i] + rtt + out * tpot, rtt)
    }

    /// Starts, advances and completes probes for one serving tick.
    mutating func tick(dt: Double, at t: Double, tick: UInt64, startRate: Double, engine: FleetEngine) {
        let minute = tick / 600
        if minute != currentMinute {
            currentMinute = minute
            minuteHead = (minuteHead + 1) % minutes.count
            minutes[minuteHead].reset()
            windowTaskTime[minuteHead] = 0; windowRtt[minuteHead] = 0
            windowCalls[minuteHead] = 0; windowTasks[minuteHead] = 0
        }
        let rate = max(startRate * knobs.probeShare, knobs.minProbesPerSecond)
        let starts = rng.poisson(rate * dt, .probeStart, 0, tick)
        for _ in 0..<starts where probes.count < knobs.maxProbes {
            let id = nextID
            nextID += 1
            let (call, rtt) = callSeconds(id, 0, engine: engine)
            probes.append(Probe(id: id, calls: chainLength(id), done: 0, inCall: true, remaining: call, start: t, rtt: rtt))
        }
        var i = 0
        while i < probes.count {
            probes[i].remaining -= dt
            while probes[i].remaining <= 0 {
                var p = probes[i]
                if p.inCall {
                    p.done += 1
                    if p.done >= p.calls {
                        let total = t + dt + p.remaining - p.start
                        minutes[minuteHead].record(max(total, 1e-3))
                        windowTaskTime[minuteHead] += total; windowRtt[minuteHead] += p.rtt
                        windowCalls[minuteHead] += Double(p.calls); windowTasks[minuteHead] += 1
                        probes[i] = p
                        break
                    }
                    p.inCall = false
                    let tool = rng.lognormal(median: knobs.toolMedianSeconds, sigma: toolSigma, .toolStep, p.id, UInt64(p.done))
                    p.remaining += min(knobs.toolTimeoutSeconds, tool)
                } else {
                    p.inCall = true
                    let (call, rtt) = callSeconds(p.id, p.done, engine: engine)
                    p.remaining += call
                    p.rtt += rtt
                }
                probes[i] = p
            }
            if probes[i].inCall && probes[i].done >= probes[i].calls {
                probes.remove(at: i)
            } else {
                i += 1
            }
        }
    }
}
