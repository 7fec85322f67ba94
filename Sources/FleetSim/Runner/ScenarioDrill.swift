import Foundation

/// A drill driving a live run (`fleettop watch --drill`): a `DrillSession` observed by `SimRunner` at
/// the ticks it asks for, so steps apply at their exact simulated times at any pacing and the report
/// matches the headless `DrillRunner` for the same seed. Its `status` is read by the dashboard thread.
public final class ScenarioDrill: ScenarioObserver, @unchecked Sendable {
    /// What the dashboard shows of the drill: progress, checks, and the report once finished.
    public struct Status: Sendable {
        public var name: String
        public var progress: DrillProgress
        public var checks: [ScenarioCheck]
        public var verdict: DrillVerdict
        /// The complete report, once the drill has finished.
        public var report: DrillReport?
    }

    public let drill: DrillFile
    /// Pause the run when the drill ends, so the final figures stay on screen under the summary.
    public let holdAtEnd: Bool
    private let lock = NSLock()
    private var session: DrillSession
    private var current: Status

    /// A drill from its start; the runner must be fresh (tick 0) for the report to match a headless run.
    public init(drill: DrillFile, holdAtEnd: Bool = true) {
        self.drill = drill
        self.holdAtEnd = holdAtEnd
        session = DrillSession(drill: drill)
        current = Status(name: drill.name, progress: session.progress, checks: [], verdict: .passed, report: nil)
    }

    /// The drill as it stands (a copy taken under the lock).
    public var status: Status {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    /// Observes from the first tick.
    public var firstObservationTick: UInt64 { 0 }

    /// See `ScenarioObserver.nextObservationTick(after:)`.
    public func nextObservationTick(after tick: UInt64) -> UInt64? {
        lock.lock(); defer { lock.unlock() }
        return session.finished ? nil : session.nextObservationTick(after: tick)
    }

    /// See `ScenarioObserver.observe(_:)`; called on the runner thread.
    public func observe(_ snapshot: Snapshot) -> [SimCommand] {
        lock.lock(); defer { lock.unlock() }
        guard !session.finished else { return [] }
        var commands = session.observe(snapshot)
        current.progress = session.progress
        current.checks = ScenarioCheck.lines(session.checkReports, checks: drill.steadyState + drill.stopWhen, snapshot: snapshot)
        current.verdict = session.verdict
        if session.finished {
            current.report = session.report()
            if holdAtEnd { commands.append(.pause) }
        }
        return commands
    }
}
