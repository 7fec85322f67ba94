/// The story told once, headless, with the live numbers: each chapter's caption filled from the
/// snapshot at the chapter's end, the figures it quoted, and the drill report of the run.
public struct StoryHandout: Sendable {
    /// One chapter as it played.
    public struct Chapter: Sendable {
        public var title: String
        public var panel: StoryPanel
        public var startSeconds: Double
        public var endSeconds: Double
        /// The caption with its placeholders filled.
        public var caption: String
        /// Each placeholder's path and written value.
        public var figures: [(path: String, value: String)]
        /// Each placeholder's value as a number (absent when the metric had none), for checking claims.
        public var values: [String: Double]
        /// The chapter's commands in the command language.
        public var commands: [String]
    }

    public var name: String
    public var description: String
    public var fleet: String
    public var seed: UInt64
    public var chapters: [Chapter]
    public var report: DrillReport

    /// The handout as Markdown (`fleettop demo --headless --markdown PATH`).
    public var markdown: String {
        var out = "# \(TextSanitizer.strip(name))\n\n"
        if !description.isEmpty { out += "\(TextSanitizer.strip(description))\n\n" }
        out += "Simulated fleet `\(TextSanitizer.strip(fleet))`, seed \(seed). Every number below comes from the running simulation at the end of its chapter.\n\n"
        for (i, c) in chapters.enumerated() {
            out += "## \(i + 1). \(TextSanitizer.strip(c.title))\n\n"
            out += "*\(ClockText.elapsed(c.startSeconds))–\(ClockText.elapsed(c.endSeconds)) simulated · look at the \(c.panel.rawValue) panel*\n\n"
            out += "\(TextSanitizer.strip(c.caption))\n\n"
            if !c.commands.isEmpty {
                out += "What happens: " + c.commands.map { "`\(TextSanitizer.strip($0))`" }.joined(separator: ", ") + "\n\n"
            }
            if !c.figures.isEmpty {
                out += "| figure | value |\n|---|---|\n"
                for f in c.figures { out += "| `\(f.path)` | \(f.value) |\n" }
                out += "\n"
            }
        }
        let checks = report.checks.filter { $0.role == .steadyState }
        if !checks.isEmpty {
            out += "## Service levels over the story\n\n"
            for c in checks { out += "- \(c.held ? "✔" : "✘") `\(c.text)` — \(DrillReportWriter.evaluationSummary(c))\n" }
            out += "\n"
        }
        return out
    }
}
