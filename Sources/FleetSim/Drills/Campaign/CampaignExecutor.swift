import Foundation
import Synchronization

/// Runs a campaign's runs side by side on `jobs` threads, each run on its own `FleetEngine` (runs
/// share nothing mutable: the plan's drills and fleets are values). Workers take the next run in
/// plan order; results are keyed by run index, never by the order they finish in, so any number
/// of jobs gives the same results as one.
///
/// A fleet large enough to serve its own sites in parallel (`ServingModel.parallelReplicas`) already
/// uses every core inside one run; its runs share the global thread pool, so more jobs add little.
public final class CampaignExecutor: Sendable {
    /// What the workers share: the runs to take, the next one, the records so far, the first error.
    private struct State {
        var queue: [Int] = []
        var next = 0
        var results: [Int: CampaignRunRecord] = [:]
        var failure: Diagnostic?
        var finished = 0
    }

    private let plan: CampaignPlan
    private let jobs: Int
    private let state = Mutex(State())
    /// Held while a finished run is recorded and `onFinish` is called, so the calls come one at a time.
    private let reporting = Mutex(())

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
        state.withLock { $0 = State(queue: runs) }
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
        let (failure, results) = state.withLock { ($0.failure, $0.results) }
        if let failure { throw failure }
        return results
    }

    private func take() -> Int? {
        state.withLock { s in
            guard s.failure == nil, s.next < s.queue.count else { return nil }
            defer { s.next += 1 }
            return s.queue[s.next]
        }
    }

    private func work(_ onFinish: @Sendable (CampaignRunRecord, Int) -> Void) {
        while let r = take() {
            let start = ContinuousClock.now
            do {
                let result = try plan.execute(run: r)
                let elapsed = ContinuousClock.now - start
                let record = CampaignRunRecord(result: result, wallS: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                reporting.withLock { _ in
                    let count = state.withLock { s in
                        s.results[r] = record
                        s.finished += 1
                        return s.finished
                    }
                    onFinish(record, count)
                }
            } catch {
                state.withLock { s in if s.failure == nil { s.failure = error } }
            }
        }
    }
}
