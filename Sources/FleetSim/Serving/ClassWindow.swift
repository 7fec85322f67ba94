import FleetMetrics

/// The last 60 simulated seconds of one class, as a ring of 5-second slots: latency histograms and the
/// counts behind throughput, goodput, shedding and Little's law. Memory is fixed whatever the run length.
public struct ClassWindow: Sendable {
    public static let slotSeconds = 5.0
    public static let slotCount = 12

    struct Slot: Sendable {
        var ttft = LatencyHistogram(), tpot = LatencyHistogram(), e2e = LatencyHistogram()
        var arrivals = 0.0, completed = 0.0, good = 0.0, dropped = 0.0, retried = 0.0
        /// Requests that left (completed or dropped).
        var departed = 0.0
        /// ∫ requests in system dt, and Σ departures × their time in system.
        var inSystemSeconds = 0.0, timeInSystemWeighted = 0.0
        var seconds = 0.0

        mutating func reset() {
            ttft.reset(); tpot.reset(); e2e.reset()
            arrivals = 0; completed = 0; good = 0; dropped = 0; retried = 0; departed = 0
            inSystemSeconds = 0; timeInSystemWeighted = 0; seconds = 0
        }
    }

    var slots = [Slot](repeating: Slot(), count: slotCount)
    var head = 0

    public init() {}

    /// Moves to a fresh slot (called every `slotSeconds` of simulated time).
    public mutating func rotate() {
        head = (head + 1) % Self.slotCount
        slots[head].reset()
    }

    mutating func withCurrent(_ body: (inout Slot) -> Void) { body(&slots[head]) }

    /// Totals over the window.
    public struct Summary: Sendable {
        public var ttft = LatencyHistogram(), tpot = LatencyHistogram(), e2e = LatencyHistogram()
        public var arrivals = 0.0, completed = 0.0, good = 0.0, dropped = 0.0, retried = 0.0, departed = 0.0
        public var inSystemSeconds = 0.0, timeInSystemWeighted = 0.0, seconds = 0.0
    }

    /// Merges every slot of the window.
    public func summary() -> Summary {
        var s = Summary()
        for slot in slots {
            s.ttft.merge(slot.ttft); s.tpot.merge(slot.tpot); s.e2e.merge(slot.e2e)
            s.arrivals += slot.arrivals; s.completed += slot.completed; s.good += slot.good
            s.dropped += slot.dropped; s.retried += slot.retried; s.departed += slot.departed
            s.inSystemSeconds += slot.inSystemSeconds; s.timeInSystemWeighted += slot.timeInSystemWeighted
            s.seconds += slot.seconds
        }
        return s
    }
}
