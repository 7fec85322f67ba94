import FleetMetrics

/// Records every request that leaves (MODEL §4): its exact TTFT, TPOT and E2E into the class's last-60 s
/// window and its whole-run histograms, and whether it met both SLOs (goodput, DistServe's definition:
/// a dropped request counts against it).
public struct LatencyRecorder: Sendable {
    public var windows = [ClassWindow](repeating: ClassWindow(), count: 4)
    /// Every request completed since the start of the run, per class.
    public var runTTFT = [LatencyHistogram](repeating: LatencyHistogram(), count: 4)
    public var runTPOT = [LatencyHistogram](repeating: LatencyHistogram(), count: 4)
    public var runE2E = [LatencyHistogram](repeating: LatencyHistogram(), count: 4)
    /// Whole run, per class: weighted departures (completed + dropped) and Σ their time in system.
    public private(set) var runDeparted = SIMD4<Double>.zero
    public private(set) var runTimeInSystem = SIMD4<Double>.zero
    /// Whole-run counters at vLLM's bucket bounds, for the Prometheus exposition.
    public private(set) var export = ExportCounters()

    public init() {}

    /// Records one departure against its class's SLO.
    public mutating func record(_ d: Departure, slo: ServiceLevel) {
        let c = Int(d.classIndex), w = Double(d.weight)
        runDeparted[c] += w
        runTimeInSystem[c] += d.timeInSystem * w
        guard d.completed else {
            windows[c].withCurrent { slot in
                slot.dropped += w
                slot.departed += w
                slot.timeInSystemWeighted += d.timeInSystem * w
            }
            return
        }
        var good = true
        if let target = slo.ttftSeconds, !(d.ttft <= target) { good = false }
        if let target = slo.tpotSeconds, d.tpot.isFinite, !(d.tpot <= target) { good = false }
        export.recordCompletion(d)
        runTTFT[c].record(d.ttft, weight: w)
        runE2E[c].record(d.e2e, weight: w)
        if d.tpot.isFinite { runTPOT[c].record(d.tpot, weight: w) }
        windows[c].withCurrent { slot in
            slot.completed += w
            slot.departed += w
            if good { slot.good += w }
            slot.timeInSystemWeighted += d.timeInSystem * w
            slot.ttft.record(d.ttft, weight: w)
            slot.e2e.record(d.e2e, weight: w)
            if d.tpot.isFinite { slot.tpot.record(d.tpot, weight: w) }
        }
    }

    /// Adds arrivals of class `c` to the current window.
    public mutating func recordArrivals(_ amount: Double, class c: Int) {
        windows[c].withCurrent { $0.arrivals += amount }
    }

    /// Adds retried requests to the current window.
    public mutating func recordRetries(_ amount: Double, class c: Int) {
        windows[c].withCurrent { $0.retried += amount }
    }

    /// Adds ∫ requests in system dt per class, and the tick's length, to the current window.
    public mutating func recordOccupancy(_ area: SIMD4<Double>, seconds: Double) {
        for c in 0..<4 {
            windows[c].withCurrent { slot in
                slot.inSystemSeconds += area[c]
                slot.seconds += seconds
            }
        }
    }

    /// Starts a new 5-second slot in every class.
    public mutating func rotate() { for c in 0..<4 { windows[c].rotate() } }
}
