#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times a closure over several runs after a warm-up, reporting the median and the minimum.
/// The default clock is the calling thread's CPU time (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`):
/// it advances only while this thread runs, so on a machine shared with other work a run is not
/// charged for the time the scheduler gave to someone else (a 20 ms loop on a busy 2-core box is
/// almost always preempted, which wall time would count). On an idle machine both clocks agree;
/// `.wall` (the monotonic `ContinuousClock`) is there to check that.
public struct BenchTimer: Sendable {
    /// What a run's duration is measured with.
    public enum Clock: String, Sendable, Codable { case threadCPU = "thread_cpu", wall }

    /// Timed runs after the warm-up run.
    public var repetitions: Int
    public var clock: Clock

    public init(repetitions: Int, clock: Clock = .threadCPU) {
        precondition(repetitions > 0, "need at least one timed run")
        self.repetitions = repetitions
        self.clock = clock
    }

    /// Median and minimum seconds of `body` over the timed runs.
    public func measure(_ body: () -> Void) -> (median: Double, min: Double) {
        body()
        var times: [Double] = []
        times.reserveCapacity(repetitions)
        for _ in 0..<repetitions {
            let start = now()
            body()
            times.append(now() - start)
        }
        times.sort()
        return (times[times.count / 2], times[0])
    }

    /// Seconds on the chosen clock.
    func now() -> Double {
        switch clock {
        case .wall:
            let c = Self.epoch.duration(to: ContinuousClock.now).components
            return Double(c.seconds) + Double(c.attoseconds) * 1e-18
        case .threadCPU:
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
        }
    }

    private static let epoch = ContinuousClock.now
}
