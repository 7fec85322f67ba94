/// Times a closure with the monotonic `ContinuousClock`: several runs after a warm-up, reporting
/// the median (what a user sees) and the minimum (the least disturbed run).
public struct BenchTimer: Sendable {
    /// Timed runs after the warm-up run.
    public var repetitions: Int

    public init(repetitions: Int) {
        precondition(repetitions > 0, "need at least one timed run")
        self.repetitions = repetitions
    }

    /// Median and minimum seconds of `body` over the timed runs.
    public func measure(_ body: () -> Void) -> (median: Double, min: Double) {
        let clock = ContinuousClock()
        body()
        var times: [Double] = []
        times.reserveCapacity(repetitions)
        for _ in 0..<repetitions {
            let start = clock.now
            body()
            times.append(Self.seconds(clock.now - start))
        }
        times.sort()
        return (times[times.count / 2], times[0])
    }

    static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
