import Foundation

/// A story driving a live run (`fleettop demo`): its drill session applies every chapter's commands
/// at their simulated times; chapters follow simulated time (auto-advance) or the run holds at a
/// chapter's end until `next()`. Moving forward seeks at maximum speed to the next chapter's start;
/// moving back is a fresh runner with a scenario made by `init(story:seekTo:)`, which replays the
/// story from tick 0 at maximum speed — the same seed gives the same history, so this is exact.
public final class ScenarioStory: ScenarioObserver, @unchecked Sendable {
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
    private let lock = NSLock()
    private var session: DrillSession
    private var current: Status
    private var seekTarget: Int?
    /// The speed the story asked for (its `speed` commands) or the run started at; restored after a seek.
    private var pace: SimSpeed

    /// A story from its start, or seeking (at maximum speed) to the start of chapter `seekTo`.
    /// Start the runner at `.max` when seeking, at `pace` otherwise.
    public init(story: StoryFile, seekTo chapter: Int = 0, auto: Bool = true, pace: SimSpeed = .times(1)) {
        self.story = story
        self.pace = pace
        session = DrillSession(drill: story.drill)
        let target = max(0, min(chapter, story.chapters.count - 1))
        seekTarget = target > 0 ? target : nil
        current = Status(chapter: target, chapterCount: story.chapters.count, auto: auto, held: false,
                         seeking: target > 0, rewinding: target > 0, ended: false)
    }

    /// Where it stands now (a copy taken under the lock; safe from any thread).
    public var status: Status {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    /// The speed to restore after a seek.
    public var storyPace: SimSpeed {
        lock.lock(); defer { lock.unlock() }
        return pace
    }

    private func startTick(_ chapter: Int) -> UInt64 { SessionRecording.tick(atSeconds: story.chapters[chapter].startSeconds) }
    private func endTick(_ chapter: Int) -> UInt64 { SessionRecording.tick(atSeconds: story.chapters[chapter].endSeconds) }

    /// Observes from the first tick.
    public var firstObservationTick: UInt64 { 0 }

    /// See `ScenarioObserver.nextObservationTick(after:)`.
    public func nextObservationTick(after tick: UInt64) -> UInt64? {
        lock.lock(); defer { lock.unlock() }
        var next = session.finished ? UInt64.max : session.nextObservationTick(after: tick)
        if let boundary = story.chapters.indices.map(endTick).first(where: { $0 > tick }) { next = min(next, boundary) }
        return next == .max ? nil : next
    }

    /// See `ScenarioObserver.observe(_:)`; called on the runner thread.
    public func observe(_ snapshot: Snapshot) -> [SimCommand] {
        lock.lock(); defer { lock.unlock() }
        var commands: [SimCommand] = []
        for c in session.observe(snapshot) {
            if case .speed(let s) = c {
                pace = s
                if seekTarget != nil { continue }
            }
            commands.append(c)
        }
        let tick = snapshot.tick
        if let target = seekTarget {
            guard tick >= startTick(target) else { return commands }
            seekTarget = nil
            current.seeking = false
            current.rewinding = false
            current.chapter = target
            return commands + [.speed(pace)]
        }
        guard !current.ended, !current.held, tick >= endTick(current.chapter) else { return commands }
        if current.chapter == story.chapters.count - 1 {
            current.ended = true
            commands.append(.pause)
        } else if current.auto {
            current.chapter += 1
        } else {
            current.held = true
            commands.append(.pause)
        }
        return commands
    }

    /// → / space: the next chapter. Returns what to send to the runner: resume when holding at a
    /// chapter's end, else a seek at maximum speed to the next chapter's start.
    public func next() -> [SimCommand] {
        lock.lock(); defer { lock.unlock() }
        if current.held {
            current.held = false
            current.chapter += 1
            return [.resume]
        }
        let from = seekTarget ?? current.chapter
        guard from + 1 < story.chapters.count else { return [] }
        seekTarget = from + 1
        current.chapter = from + 1
        current.seeking = true
        return [.speed(.max), .resume]
    }

    /// `a`: auto-advance on or off. Turning it on while holding moves on at once.
    public func toggleAuto() -> [SimCommand] {
        lock.lock(); defer { lock.unlock() }
        current.auto.toggle()
        guard current.auto, current.held else { return [] }
        current.held = false
        current.chapter += 1
        return [.resume]
    }

    /// The chapter ← goes back to: the previous one, or this one's start when seeking has not begun.
    public var previousChapter: Int {
        lock.lock(); defer { lock.unlock() }
        return max(0, (seekTarget ?? current.chapter) - 1)
    }

    /// The drill report of the story so far (its checks and timeline).
    public func report() -> DrillReport {
        lock.lock(); defer { lock.unlock() }
        return session.report()
    }
}
