import Foundation
import Synchronization

/// A recorded session driving a live run (`fleettop replay`): each recorded injection applies at its
/// recorded tick through the runner's scenario hook, so the history repeats bit for bit; clock
/// commands (pause, speed, step) are left out, since they never changed the history. The run holds
/// (pauses) at the recorded end tick.
///
/// Seeking: `seek(to:)` makes the replay hold (pause) at a later tick, which the runner reaches at
/// maximum speed; an earlier tick needs a fresh runner over `ScenarioReplay(recording, seekTo:)`,
/// which replays from tick 0 at maximum speed and holds there. Either way the history is the
/// recording's, bit for bit, and the speed the replay ran at is restored on arrival.
public final class ScenarioReplay: ScenarioObserver, Sendable {
    /// Where the replay stands.
    public struct Status: Sendable, Equatable {
        public var applied: Int
        public var total: Int
        /// The tick of the next command, if any remain.
        public var nextTick: UInt64?
        public var endTick: UInt64?
        /// True once the end tick (or, without one, the last command) has been reached.
        public var finished: Bool
        /// The tick being sought, while a seek runs.
        public var seekTick: UInt64?
    }

    public let recording: SessionRecording
    /// The replay's position, its status and the pace, read and written under one lock.
    private struct State {
        var replay: SessionReplay
        var current: Status
        /// The speed to restore when a seek arrives.
        var pace: SimSpeed
    }

    private let state: Mutex<State>

    /// Replays `recording`; start the runner with the recording's fleet and seed (at `.max` when
    /// `seekTo` is given: the replay holds at that tick and asks for `pace` again).
    public init(_ recording: SessionRecording, seekTo: UInt64? = nil, pace: SimSpeed = .times(1)) {
        var kept = recording
        kept.entries = recording.entries.filter(\.command.isInjection)
        self.recording = kept
        let replay = SessionReplay(kept)
        state = Mutex(State(replay: replay,
                            current: Status(applied: 0, total: kept.entries.count, nextTick: replay.nextTick,
                                            endTick: kept.endTick, finished: false, seekTick: seekTo),
                            pace: pace))
    }

    /// Holds at `tick`, a later tick than the run's now, restoring `pace` there (send `.speed(.max)`
    /// and `.resume` to get there fast). Later than the recording's end holds at the end.
    public func seek(to tick: UInt64, pace: SimSpeed) {
        let hold = holdTick
        state.withLock { state in
            state.current.seekTick = min(tick, hold)
            state.current.finished = false
            state.pace = pace
        }
    }

    /// The tick the replay holds at: the recorded end, else the last command's tick.
    public var holdTick: UInt64 { recording.endTick ?? recording.entries.last?.tick ?? 0 }

    /// Where it stands now (a copy taken under the lock; safe from any thread).
    public var status: Status {
        state.withLock { $0.current }
    }

    /// Observes from the first tick.
    public var firstObservationTick: UInt64 { 0 }

    /// See `ScenarioObserver.nextObservationTick(after:)`.
    public func nextObservationTick(after tick: UInt64) -> UInt64? {
        let hold = holdTick
        return state.withLock { state in
            let seek = state.current.seekTick.map { max($0, tick + 1) } ?? .max
            guard !state.current.finished else { return state.current.seekTick == nil ? nil : seek }
            return min(state.replay.nextTick ?? .max, hold, seek)
        }
    }

    /// See `ScenarioObserver.observe(_:)`; called on the runner thread.
    public func observe(_ snapshot: Snapshot) -> [SimCommand] {
        let hold = holdTick
        return state.withLock { state in
            var commands: [SimCommand] = []
            if let seek = state.current.seekTick, snapshot.tick >= seek {
                state.current.seekTick = nil
                commands += [.clock(.pause), .clock(.speed(state.pace))]
            }
            guard !state.current.finished else { return commands }
            let due = state.replay.due(atTick: snapshot.tick)
            commands += due
            state.current.applied += due.count
            state.current.nextTick = state.replay.nextTick
            if snapshot.tick >= hold && state.replay.isFinished {
                state.current.finished = true
                commands.append(.clock(.pause))
            }
            return commands
        }
    }
}
