/// One chapter of a story: a title, a caption filled from the live snapshot, the span of simulated
/// time it covers, the commands that make it true (at times relative to its start) and the panel
/// that proves it.
public struct StoryChapter: Sendable, Equatable {
    public var title: String
    public var caption: StoryCaption
    public var panel: StoryPanel
    /// Simulated seconds from the start of the story.
    public var startSeconds: Double
    public var durationSeconds: Double
    /// Steps with `atSeconds` relative to the chapter's start.
    public var commands: [DrillStep]
    /// Line in the file it came from.
    public var line: Int

    public init(title: String, caption: StoryCaption, panel: StoryPanel, startSeconds: Double, durationSeconds: Double,
                commands: [DrillStep] = [], line: Int = 0) {
        self.title = title; self.caption = caption; self.panel = panel; self.startSeconds = startSeconds
        self.durationSeconds = durationSeconds; self.commands = commands; self.line = line
    }

    public var endSeconds: Double { startSeconds + durationSeconds }
}
