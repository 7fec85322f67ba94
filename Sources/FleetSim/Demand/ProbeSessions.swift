import Foundation
import FleetMetrics

/// About one agentic session in 10,000 followed individually (MODEL §3), at least `minProbesPerSecond`:
/// each probe draws its chain length and issues its calls as real requests, one after another with a
/// tool step between them, so whole-task percentiles come from requests that were actually served.
/// Probes are drawn from the class's task starts, not added to them (the cohorts start the rest), and
/// bounded in number: a start past the bound is handed back to the cohorts.
public struct ProbeSessions: Sendable {
    struct Probe: Sendable {
        var session: UInt64
        var calls: Int
        var done = 0
        var start: Double
        /// Σ round trips of its calls so far, s.
        var rtt = 0.0
        /// When its tool step ends and the next call is issued (nil while a call is in serving).
        var nextCall: Double?
    }

    /// A call a probe issues: which probe, which of its calls (0-based), and when.
    public struct Call: Sendable, Equatable {
        public var probe: Int32
        public var index: Int
        public var at: Double
    }

    let knobs: AgenticKnobs
    let rng: CounterRNG
    let toolSigma: Double
    var slots: [Probe?] = []
    var free: [Int32] = []
    var nextSession: UInt64 = 1
    /// Chain-length multiplier from agentic surges.
    public var chainMultiplier = 1.0
    /// Whole-task latency over the last 10 minutes: ten one-minute histograms.
    var minutes = [LatencyHistogram](repeating: LatencyHistogram(), count: 10)
    var minuteHead = 0
    var currentMinute: UInt64 = 0
    /// Over the same window: Σ task time and Σ RTT time of completed probes.
    var windowTaskTime = [Double](repeating: 0, count: 10)
    var windowRtt = [Double](repeating: 0, count: 10)
    /// Probes whose task failed (a call dropped), since start.
    public private(set) var failed = 0
    /// Probes started and finished since start.
    public private(set) var started = 0
    public private(set) var completed = 0
    /// Task starts drawn for probes while `maxProbes` were in flight, not yet handed to the cohorts.
    var overflow = 0

    public init(knobs: AgenticKnobs, seed: UInt64) {
        self.knobs = knobs
        rng = CounterRNG(seed: seed)
        toolSigma = LognormalQuantiles.sigma(median: knobs.toolMedianSeconds, p99: knobs.toolP99Seconds)
    }

    public var inFlight: Int { slots.count - free.count }

    /// When the oldest task still followed started (nil: none in flight).
    public var oldestStart: Double? {
        slots.lazy.compactMap { $0?.start }.min()
    }

    /// Probe starts per second out of `startRate` task starts per second: a share, with a floor, never
    /// more than the tasks that start.
    public static func rate(of startRate: Double, knobs: AgenticKnobs) -> Double {
        startRate > 0 ? min(startRate, max(startRate * knobs.probeShare, knobs.minProbesPerSecond)) : 0
    }

    /// Starts refused for want of room since the last call, for the cohorts to start instead.
    mutating func takeOverflow() -> Int {
        defer { overflow = 0 }
        return overflow
    }

    /// Whole-task latency histogram over the window.
    public var taskHistogram: LatencyHistogram {
        var h = LatencyHistogram()
        for m in minutes { h.merge(m) }
        return h
    }

    /// RTT share of task time over the window's completed probes.
    public var rttShare: Double {
        let t = windowTaskTime.reduce(0, +)
        return t > 0 ? windowRtt.reduce(0, +) / t : 0
    }

    /// Round trips a completed probe task paid over the window, mean seconds per task (its calls × the
    /// RTT of the site each went to): the network-distance cost agents multiply.
    public var rttPerTask: Double {
        let n = taskHistogram.totalWeight
        return n > 0 ? windowRtt.reduce(0, +) / n : 0
    }

    func chainLength(_ session: UInt64) -> Int {
        let sigma = LognormalQuantiles.sigma(median: knobs.callsMedian, p90: knobs.callsP90)
        let n = rng.lognormal(median: knobs.callsMedian * chainMultiplier, sigma: sigma, .chainLength, session, 0)
        guard n.isFinite else { return knobs.callsCap }
        return max(1, min(knobs.callsCap, Int(min(1e9, n.rounded(.up)))))
    }

    /// Starts probes and returns the calls due in the tick [t, t + dt), in time order.
    mutating func tick(at t: Double, dt: Double, tick: UInt64, startRate: Double) -> [Call] {
        let minute = tick / 600
        if minute != currentMinute {
            currentMinute = minute
            minuteHead = (minuteHead + 1) % minutes.count
            minutes[minuteHead].reset()
            windowTaskTime[minuteHead] = 0; windowRtt[minuteHead] = 0
        }
        var calls: [Call] = []
        let rate = Self.rate(of: startRate, knobs: knobs)
        let starts = rng.poisson(min(1e6, rate * dt), .probeStart, 0, tick)
        for k in 0..<starts {
            guard inFlight < knobs.maxProbes else {
                overflow += 1
                continue
            }
            started += 1
            let session = nextSession
            nextSession += 1
            let at = t + dt * rng.uniform(.probeStart, 1 + UInt64(k), tick)
            let probe = Probe(session: session, calls: chainLength(session), start: at)
            let id: Int32
            if let f = free.popLast() { id = f; slots[Int(f)] = probe } else { id = Int32(slots.count); slots.append(probe) }
            calls.append(Call(probe: id, index: 0, at: at))
        }
        for i in 0..<slots.count {
            guard var p = slots[i], let next = p.nextCall, next < t + dt else { continue }
            p.nextCall = nil
            slots[i] = p
            calls.append(Call(probe: Int32(i), index: p.done, at: max(t, next)))
        }
        return calls.sorted { ($0.at, $0.probe) < ($1.at, $1.probe) }
    }

    /// A probe's call left serving: the next call after a tool step, the end of the task, or (a drop)
    /// the task failed.
    mutating func callEnded(_ d: Departure) {
        let i = Int(d.probe)
        guard i >= 0, i < slots.count, var p = slots[i] else { return }
        guard d.completed else {
            failed += 1
            release(i)
            return
        }
        let seen = d.at - d.timeInSystem + d.e2e
        p.done += 1
        p.rtt += d.rtt
        if p.done >= p.calls {
            let total = max(seen - p.start, 1e-3)
            minutes[minuteHead].record(total)
            windowTaskTime[minuteHead] += total
            windowRtt[minuteHead] += p.rtt
            completed += 1
            release(i)
            return
        }
        let tool = rng.lognormal(median: knobs.toolMedianSeconds, sigma: toolSigma, .toolStep, p.session, UInt64(p.done))
        p.nextCall = seen + min(knobs.toolTimeoutSeconds, tool.isFinite ? tool : knobs.toolTimeoutSeconds)
        slots[i] = p
    }

    mutating func release(_ i: Int) {
        slots[i] = nil
        free.append(Int32(i))
    }
}
