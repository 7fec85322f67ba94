/// Plays a story headless on an engine as fast as the CPU allows: applies every chapter's commands
/// at their times (through a `DrillSession`, so the story's checks are evaluated too) and fills
/// each caption from the snapshot at the chapter's end.
public enum StoryRunner {
    /// Runs the story on a fresh engine and returns the handout.
    public static func run<E: DrillSimulation>(_ story: StoryFile, on engine: inout E,
                                               progress: ((DrillProgress) -> Void)? = nil) throws(Diagnostic) -> StoryHandout {
        var snapshot = engine.currentSnapshot()
        try story.validate(against: snapshot)
        var session = DrillSession(drill: story.drill)
        var played: [StoryHandout.Chapter] = []
        while true {
            while played.count < story.chapters.count,
                  SessionRecording.tick(atSeconds: story.chapters[played.count].endSeconds) <= snapshot.tick {
                played.append(chapterAsPlayed(story.chapters[played.count], snapshot: snapshot))
            }
            for command in session.observe(snapshot) { engine.perform(command) }
            progress?(session.progress)
            if session.finished && played.count == story.chapters.count { break }
            var next = session.finished ? UInt64.max : session.nextObservationTick(after: engine.tick)
            if played.count < story.chapters.count {
                next = min(next, max(engine.tick + 1, SessionRecording.tick(atSeconds: story.chapters[played.count].endSeconds)))
            }
            engine.advance(toTick: next)
            snapshot = engine.currentSnapshot()
        }
        return StoryHandout(name: story.drill.name, description: story.drill.description, fleet: story.drill.fleet,
                            seed: story.drill.seed, chapters: played, report: session.report())
    }

    /// A chapter's caption and figures from a snapshot.
    public static func chapterAsPlayed(_ c: StoryChapter, snapshot s: Snapshot) -> StoryHandout.Chapter {
        var seen = Set<String>()
        let figures = c.caption.metrics.filter { seen.insert($0.text).inserted }.map {
            (path: $0.text, value: $0.value(in: s).map($0.format) ?? "–")
        }
        var values: [String: Double] = [:]
        for m in c.caption.metrics { if let v = m.value(in: s) { values[m.text] = v } }
        return StoryHandout.Chapter(title: c.title, panel: c.panel, startSeconds: c.startSeconds, endSeconds: c.endSeconds,
                                    caption: c.caption.render(s), figures: figures, values: values,
                                    commands: c.commands.map(\.text))
    }
}

extension StoryRunner {
    /// Plays a story on a fresh `FleetEngine` built from `fleet` with the story's seed (or `seed`).
    public static func run(_ story: StoryFile, fleet: FleetSpec, seed: UInt64? = nil,
                           progress: ((DrillProgress) -> Void)? = nil) throws(Diagnostic) -> StoryHandout {
        var s = story
        if let seed { s.drill.seed = seed }
        var engine = try DrillRunner.makeEngine(fleet: fleet, seed: s.drill.seed, source: s.drill.source)
        try s.drill.validateCommands(engine.validate)
        return try run(s, on: &engine, progress: progress)
    }
}
