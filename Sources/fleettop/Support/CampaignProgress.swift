import FleetSim
import Foundation
import Synchronization

/// A campaign's progress on standard error: on a terminal one bar redrawn in place (runs done, runs
/// that did not pass, time elapsed and an estimate of the time left); otherwise one plain line per
/// finished run, for batch logs. Calls arrive one at a time (`CampaignExecutor` serialises them);
/// each holds the lock on `notPassed` while it writes, so even concurrent calls would not interleave.
final class CampaignProgress: Sendable {
    private let plan: CampaignPlan
    private let total: Int
    private let alreadyDone: Int
    private let jobs: Int
    private let terminal: Bool
    private let start = ContinuousClock.now
    /// Runs finished in this session that did not pass.
    private let notPassed = Mutex(0)

    init(plan: CampaignPlan, total: Int, alreadyDone: Int, jobs: Int, terminal: Bool) {
        self.plan = plan; self.total = total; self.alreadyDone = alreadyDone; self.jobs = jobs; self.terminal = terminal
    }

    /// Draws the bar before the first run finishes.
    func begin() {
        guard terminal else { return }
        notPassed.withLock { draw(done: alreadyDone, notPassed: $0) }
    }

    /// Notes a finished run; `count` runs have finished in this session.
    func finished(_ record: CampaignRunRecord, count: Int) {
        notPassed.withLock { notPassed in
            if record.result.verdict != .passed { notPassed += 1 }
            let done = alreadyDone + count
            if terminal {
                draw(done: done, notPassed: notPassed)
                return
            }
            let values = plan.spec.labels(ofPoint: record.result.point).joined(separator: " ")
            let place = "seed \(record.result.seed)" + (values.isEmpty ? "" : " \(values)")
            Stderr.print("run \(done)/\(total) (\(place)): \(record.result.verdict.rawValue) in \(String(format: "%.1f", record.wallS)) s\(left(count: count, done: done))")
        }
    }

    /// Clears the bar.
    func end() {
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }

    private func draw(done: Int, notPassed: Int) {
        let width = 24
        let filled = total > 0 ? Int(Double(width) * Double(done) / Double(total)) : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let elapsed = ClockText.elapsed(seconds(ContinuousClock.now - start))
        var line = "[\(bar)] \(done)/\(total) runs · \(notPassed) not passed · \(jobs) job\(jobs == 1 ? "" : "s") · \(elapsed)"
        line += left(count: done - alreadyDone, done: done)
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
    }

    private func left(count: Int, done: Int) -> String {
        guard count > 0, done < total else { return "" }
        let perRun = seconds(ContinuousClock.now - start) / Double(count)
        return " · ~\(ClockText.elapsed(perRun * Double(total - done))) left"
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

}
