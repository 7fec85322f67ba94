import Foundation

/// A recorded session driving a live run (`fleettop replay`): each recorded injection applies at its
/// recorded tick through the runner's scenario hook, so the history repeats bit for bit; clock
/// commands (pause, speed, step) are left out, since they never changed the history. The run holds
/// (pauses) at the recorded end tick.
public final class ScenarioReplay: ScenarioObserver, @unchecked Sendable {
    /// Where the replay stands.
    public struct Status: Sendable, Equatable {
        public var applied: Int
        public var total: Int
        /// The tick of the next command, if any remain.
        public var nextTick: UInt64?
        public var endTick: UInt64?
        /// True once the end tick (or, without one, the last command) has been reached.
        public var finished: Bool
    }

    public let recording: SessionRecording
    private let lock = NSLock()
    private var replay: SessionReplay
    private var current: Status

    /// Replays `recording`; start the runner with the recording's fleet and seed.
    public init(_ recording: SessionRecording) {
        var kept = recording
        kept.entries = recording.entries.filter(\.command.isInjection)
        self.recording = kept
        replay = SessionReplay(kept)
        current = Status(applied: 0, total: kept.entries.count, nextTick: replay.nextTick, endTick: kept.endTick, finished: false)
    }

    /// The tick the replay holds at: the recorded end, else the last command's tick.
    public var holdTick: UInt64 { recording.endTick ?? recording.entries.last?.tick ?? 0 }

    /// Where it stands now (a copy taken under the lock; safe from any thread).
    public var status: Status {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    /// Observes from the first tick.
    public var firstObservationTick: UInt64 { 0 }

    /// See `ScenarioObserver.nextObservationTick(after:)`.
    public func nextObservationTick(after tick: UInt64) -> UInt64? {
        lock.lock(); defer { lock.unlock() }
        guard !current.finished else { return nil }
        return min(replay.nextTick ?? .max, holdTick)
    }

    /// See `ScenarioObserver.observe(_:)`; called on the runner thread.
    public func observe(_ snapshot: Snapshot) -> [SimCommand] {
        lock.lock(); defer { lock.unlock() }
        guard !current.finished else { return [] }
        var commands = replay.due(atTick: snapshot.tick)
        current.applied += commands.count
        current.nextTick = replay.nextTick
        if snapshot.tick >= holdTick && replay.isFinished {
            current.finished = true
            commands.append(.pause)
        }
        return commands
    }
}
