import Foundation
import Synchronization

/// A story driving a live run (`fleettop demo`): its drill session applies every chapter's commands
/// at their simulated times; chapters follow simulated time (auto-advance) or the run holds at a
/// chapter's end until `next()`. Moving forward seeks at maximum speed to the next chapter's start;
/// moving back is a fresh runner with a scenario made by `init(story:seekTo:)`, which replays the
/// story from tick 0 at maximum speed — the same seed gives the same history, so this is exact.
public final class ScenarioStory: ScenarioObserver, Sendable {
    /// Where the story stands, for the chapter line and caption.
    public struct Status: Sendable, Equatable {
        /// The chapter shown (the one being sought while seeking).
        public var chapter: Int
        public var chapterCount: Int
        public var auto: Bool
        /// Holding at the end of `chapter` until the presenter moves on (auto-advance off).
        public var held: Bool
        /// Running at maximum speed towards the start of `chapter`.
        public var seeking: Bool
        /// True when the seek goes backwards (a rewind from tick 0).
        public var rewinding: Bool
        /// The last chapter has ended; the run holds.
        public var ended: Bool
    }

    public let story: StoryFile

    /// The drill session, the status, the chapter being sought and the pace, under one lock.
    private struct State {
        var session: DrillSession
        var current: Status
        var seekTarget: Int?
        /// The speed the story asked for (its `speed` commands) or the run started at; restored after a seek.
        var pace: SimSpeed
    }

    private let state: Mutex<State>

    /// A story from its start, or seeking (at maximum speed) to the start of chapter `seekTo`.
    /// Start the runner at `.max` when seeking, at `pace` otherwise.
    public init(story: StoryFile, seekTo chapter: Int = 0, auto: Bool = true, pace: SimSpeed = .times(1)) {
        self.story = story
        let target = max(0, min(chapter, story.chapters.count - 1))
        state = Mutex(State(session: DrillSession(drill: story.drill),
                            current: Status(chapter: target, chapterCount: story.chapters.count, auto: auto, held: false,
                                            seeking: target > 0, rewinding: target > 0, ended: false),
                            seekTarget: target > 0 ? target : nil,
                            pace: pace))
    }

    /// Where it stands now (a copy taken under the lock; safe from any thread).
    public var status: Status {
        state.withLock { $0.current }
    }

    /// The speed to restore after a seek.
    public var storyPace: SimSpeed {
        state.withLock { $0.pace }
    }

    private func startTick(_ chapter: Int) -> UInt64 { SessionRecording.tick(atSeconds: story.chapters[chapter].startSeconds) }
    private func endTick(_ chapter: Int) -> UInt64 { SessionRecording.tick(atSeconds: story.chapters[chapter].endSeconds) }

    /// Observes from the first tick.
    public var firstObservationTick: UInt64 { 0 }

    /// See `ScenarioObserver.nextObservationTick(after:)`.
    public func nextObservationTick(after tick: UInt64) -> UInt64? {
        let boundary = story.chapters.indices.map(endTick).first(where: { $0 > tick })
        return state.withLock { state in
            var next = state.session.finished ? UInt64.max : state.session.nextObservationTick(after: tick)
            if let boundary { next = min(next, boundary) }
            return next == .max ? nil : next
        }
    }

    /// See `ScenarioObserver.observe(_:)`; called on the runner thread.
    public func observe(_ snapshot: Snapshot) -> [SimCommand] {
        state.withLock { state in
            var commands: [SimCommand] = []
            for c in state.session.observe(snapshot) {
                if case .clock(.speed(let s)) = c {
                    state.pace = s
                    if state.seekTarget != nil { continue }
                }
                commands.append(c)
            }
            let tick = snapshot.tick
            if let target = state.seekTarget {
                guard tick >= startTick(target) else { return commands }
                state.seekTarget = nil
                state.current.seeking = false
                state.current.rewinding = false
                state.current.chapter = target
                return commands + [.clock(.speed(state.pace))]
            }
            guard !state.current.ended, !state.current.held, tick >= endTick(state.current.chapter) else { return commands }
            if state.current.chapter == story.chapters.count - 1 {
                state.current.ended = true
                commands.append(.clock(.pause))
            } else if state.current.auto {
                state.current.chapter += 1
            } else {
                state.current.held = true
                commands.append(.clock(.pause))
            }
            return commands
        }
    }

    /// → / space: the next chapter. Returns what to send to the runner: resume when holding at a
    /// chapter's end, else a seek at maximum speed to the next chapter's start.
    public func next() -> [SimCommand] {
        let count = story.chapters.count
        return state.withLock { state in
            if state.current.held {
                state.current.held = false
                state.current.chapter += 1
                return [.clock(.resume)]
            }
            let from = state.seekTarget ?? state.current.chapter
            guard from + 1 < count else { return [] }
            state.seekTarget = from + 1
            state.current.chapter = from + 1
            state.current.seeking = true
            return [.clock(.speed(.max)), .clock(.resume)]
        }
    }

    /// `a`: auto-advance on or off. Turning it on while holding moves on at once.
    public func toggleAuto() -> [SimCommand] {
        state.withLock { state in
            state.current.auto.toggle()
            guard state.current.auto, state.current.held else { return [] }
            state.current.held = false
            state.current.chapter += 1
            return [.clock(.resume)]
        }
    }

    /// The chapter ← goes back to: the previous one, or this one's start when seeking has not begun.
    public var previousChapter: Int {
        state.withLock { max(0, ($0.seekTarget ?? $0.current.chapter) - 1) }
    }

    /// The drill report of the story so far (its checks and timeline).
    public func report() -> DrillReport {
        state.withLock { $0.session.report() }
    }
}
