/// A latency histogram over a sliding window of whole seconds (e.g. the last 60 s): a ring of
/// per-second bucket arrays plus their running sum, advanced by the caller's clock (simulated
/// time), so a percentile over the window costs one walk of one histogram.
///
/// Expiring a second subtracts its buckets from the running sum; a per-bucket count of seconds
/// holding weight makes a bucket exactly zero once no second in the window holds any, so rounding
/// can never leave phantom weight behind.
public struct RollingHistogram: Sendable, Equatable {
    /// Seconds covered: the current second and the `windowSeconds - 1` before it.
    public let windowSeconds: Int
    /// The second that `record` writes into.
    public private(set) var currentSecond: Int64
    /// The running sum over the window, ready to read, merge or copy into a snapshot.
    public private(set) var window = LatencyHistogram()
    /// Per-second buckets, `slot * bucketCount + bucket`.
    private var slots: [Double]
    /// Per bucket: how many seconds in the window hold weight there.
    private var live: [UInt16]

    /// An empty window of `windowSeconds` (1...65535) whose current second is `startSecond`.
    public init(windowSeconds: Int = 60, startSecond: Int64 = 0) {
        precondition(windowSeconds > 0 && windowSeconds <= Int(UInt16.max), "window must be 1...65535 s")
        self.windowSeconds = windowSeconds
        currentSecond = startSecond
        slots = [Double](repeating: 0, count: windowSeconds * LatencyHistogram.bucketCount)
        live = [UInt16](repeating: 0, count: LatencyHistogram.bucketCount)
    }

    /// Records `seconds` standing for `weight` requests in the current second.
    @inlinable
    public mutating func record(_ seconds: Double, weight: Double = 1) {
        guard weight > 0, seconds.isFinite else { return }
        add(bucket: LatencyHistogram.bucket(for: seconds), weight: weight)
    }

    @usableFromInline
    mutating func add(bucket b: Int, weight: Double) {
        let j = slotIndex(currentSecond) * LatencyHistogram.bucketCount + b
        if slots[j] == 0 { live[b] += 1 }
        slots[j] += weight
        window.add(bucket: b, weight: weight)
    }

    /// Moves the current second forward to `second`, expiring seconds that leave the window.
    /// A jump of a whole window or more empties it. Going backwards is a programming error.
    public mutating func advance(to second: Int64) {
        precondition(second >= currentSecond, "the window's clock cannot go backwards")
        if second - currentSecond >= Int64(windowSeconds) {
            reset()
            currentSecond = second
            return
        }
        while currentSecond < second {
            currentSecond += 1
            expire(slotIndex(currentSecond))
        }
    }

    /// Quantile `q` (0...1) over the window; 0 when it is empty.
    public func quantile(_ q: Double) -> Double { window.quantile(q) }

    /// Total weight in the window.
    public var totalWeight: Double { window.totalWeight }

    /// Empties the window, keeping the current second.
    public mutating func reset() {
        slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        live.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        window.reset()
    }

    private func slotIndex(_ second: Int64) -> Int {
        let w = Int64(windowSeconds)
        return Int(((second % w) + w) % w)
    }

    /// Subtracts one slot from the running sum and clears it for reuse.
    private mutating func expire(_ slot: Int) {
        let base = slot * LatencyHistogram.bucketCount
        var removed = false
        for b in 0..<LatencyHistogram.bucketCount where slots[base + b] != 0 {
            live[b] -= 1
            window.storage[b] = live[b] == 0 ? 0 : Swift.max(0, window.storage[b] - slots[base + b])
            slots[base + b] = 0
            removed = true
        }
        if removed {
            var total = 0.0
            for w in window.storage { total += w }
            window.total = total
        }
    }
}
