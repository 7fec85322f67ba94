import Foundation

/// CPU time consumed by the calling thread, so a benchmark can tell its own work from other load.
enum ThreadCPUTime {
    static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
