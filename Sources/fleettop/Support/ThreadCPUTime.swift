import Foundation

/// CPU time consumed by the calling thread, or by the whole process (the simulation runs its sites on
/// every core), so a benchmark can tell its own work from other load.
enum ThreadCPUTime {
    static func seconds() -> Double { read(CLOCK_THREAD_CPUTIME_ID) }

    static func processSeconds() -> Double { read(CLOCK_PROCESS_CPUTIME_ID) }

    private static func read(_ clock: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
