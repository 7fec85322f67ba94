import Foundation
import Synchronization

/// A drill driving a live run (`fleettop watch --drill`): a `DrillSession` observed by `SimRunner` at
/// the ticks it asks for, so steps apply at their exact simulated times at any pacing and the report
/// matches the headless `DrillRunner` for the same seed. Its `status` is read by the dashboard thread.
public final class ScenarioDrill: ScenarioObserver, Sendable {
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
    /// The session and what the dashboard sees of it, read and written under one lock.
    private struct State {
        var session: DrillSession
        var current: Status
    }

    private let state: Mutex<State>

    /// A drill from its start; the runner must be fresh (tick 0) for the report to match a headless run.
    public init(drill: DrillFile, holdAtEnd: Bool = true) {
        self.drill = drill
        self.holdAtEnd = holdAtEnd
        let session = DrillSession(drill: drill)
        state = Mutex(State(session: session,
                            current: Status(name: drill.name, progress: session.progress, checks: [], verdict: .passed, report: nil)))
    }

    /// The drill as it stands (a copy taken under the lock).
    public var status: Status {
        state.withLock { $0.current }
    }

    /// Observes from the first tick.
    public var firstObservationTick: UInt64 { 0 }

    /// See `ScenarioObserver.nextObservationTick(after:)`.
    public func nextObservationTick(after tick: UInt64) -> UInt64? {
        state.withLock { $0.session.finished ? nil : $0.session.nextObservationTick(after: tick) }
    }

    /// See `ScenarioObserver.observe(_:)`; called on the runner thread.
    public func observe(_ snapshot: Snapshot) -> [SimCommand] {
        let checks = drill.steadyState + drill.stopWhen
        let hold = holdAtEnd
        return state.withLock { state in
            guard !state.session.finished else { return [] }
            var commands = state.session.observe(snapshot)
            state.current.progress = state.session.progress
            state.current.checks = ScenarioCheck.lines(state.session.checkReports, checks: checks, snapshot: snapshot)
            state.current.verdict = state.session.verdict
            if state.session.finished {
                state.current.report = state.session.report()
                if hold { commands.append(.clock(.pause)) }
            }
            return commands
        }
    }
}
