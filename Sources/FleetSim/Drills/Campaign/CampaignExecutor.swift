import Foundation

/// Runs a campaign's runs side by side on `jobs` threads, each run on its own `FleetEngine` (runs
/// share nothing mutable: the plan's drills and fleets are values). Workers take the next run in
/// plan order; results are keyed by run index, never by the order they finish in, so any number
/// of jobs gives the same results as one.
///
/// A fleet large enough to serve its own sites in parallel (`ServingModel.parallelReplicas`) already
/// uses every core inside one run; its runs share the global thread pool, so more jobs add little.
public final class CampaignExecutor: @unchecked Sendable {
    private let plan: CampaignPlan
    private let jobs: Int
    private let lock = NSLock()
    private let reportLock = NSLock()
    private var queue: [Int] = []
    private var next = 0
    private var results: [Int: CampaignRunRecord] = [:]
    private var failure: Diagnostic?
    private var finished = 0

    /// Stack for each worker thread: a drill run's deepest frames fit the main thread's 8 MiB.
    static let stackSize = 8 << 20

    public init(plan: CampaignPlan, jobs: Int) {
        self.plan = plan
        self.jobs = max(1, jobs)
    }

    /// Runs `runs` (indices in plan order) and returns their records by index. `onFinish` is called
    /// once per finished run, one call at a time, with the number finished so far; a run that
    /// throws stops the workers taking new runs, and the first error is thrown once they are done.
    public func run(_ runs: [Int], onFinish: @escaping @Sendable (CampaignRunRecord, Int) -> Void) throws(Diagnostic) -> [Int: CampaignRunRecord] {
        lock.withLock {
            queue = runs; next = 0; results = [:]; failure = nil; finished = 0
        }
        let workers = min(jobs, runs.count)
        if workers <= 1 {
            work(onFinish)
        } else {
            let group = DispatchGroup()
            for _ in 0..<workers {
                group.enter()
                let thread = Thread { [self] in
                    work(onFinish)
                    group.leave()
                }
                thread.stackSize = Self.stackSize
                thread.start()
            }
            group.wait()
        }
        if let failure = lock.withLock({ failure }) { throw failure }
        return lock.withLock { results }
    }

    private func take() -> Int? {
        lock.withLock {
            guard failure == nil, next < queue.count else { return nil }
            defer { next += 1 }
            return queue[next]
        }
    }

    private func work(_ onFinish: @Sendable (CampaignRunRecord, Int) -> Void) {
        while let r = take() {
            let start = ContinuousClock.now
            do {
                let result = try plan.execute(run: r)
                let elapsed = ContinuousClock.now - start
                let record = CampaignRunRecord(result: result, wallS: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                reportLock.withLock {
                    let count = lock.withLock {
                        results[r] = record
                        finished += 1
                        return finished
                    }
                    onFinish(record, count)
                }
            } catch {
                lock.withLock { if failure == nil { failure = error } }
            }
        }
    }
}
