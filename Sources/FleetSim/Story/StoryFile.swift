import Foundation

/// A narrated story: a drill plus chapters. Chapters follow one another; each has a
/// title, a caption with `{metric.path}` placeholders, a `panel` to highlight, a `duration`, and
/// the `commands` that make it true (a command string runs at the chapter's start; a mapping with
/// `at:` runs that long into the chapter). The drill's own `method` may add more steps; its
/// `duration`, when omitted, is the chapters' total.
public struct StoryFile: Sendable, Equatable {
    /// The drill: fleet, seed, checks, and a method holding every chapter's commands at absolute times.
    public var drill: DrillFile
    public var chapters: [StoryChapter]

    /// Keys of one chapter.
    public static let chapterKeys = ["title", "caption", "panel", "duration", "commands"]

    public init(drill: DrillFile, chapters: [StoryChapter]) { self.drill = drill; self.chapters = chapters }

    /// Reads a story file from disk.
    public static func load(path: String) throws(Diagnostic) -> StoryFile {
        try parse(yaml: DrillFile.readText(path: path), file: path)
    }

    /// Parses story YAML; `file` labels errors.
    public static func parse(yaml text: String, file: String) throws(Diagnostic) -> StoryFile {
        let yaml = DrillYAML(file: file)
        let root = try yaml.compose(text)
        var drill = try DrillFile.read(root: root, yaml: yaml, extraKeys: ["chapters"], durationRequired: false)
        guard let chaptersNode = root["chapters"] else {
            throw yaml.error(root, "chapters", "missing: a story needs chapters", expected: ["chapters: [- title: …, caption: …, duration: 45s]"])
        }
        var chapters: [StoryChapter] = []
        var start = 0.0
        for (i, item) in try yaml.sequence(chaptersNode, "chapters").enumerated() {
            let chapter = try readChapter(item, field: "chapters[\(i)]", start: start, yaml: yaml)
            chapters.append(chapter)
            start = chapter.endSeconds
        }
        guard !chapters.isEmpty else { throw yaml.error(chaptersNode, "chapters", "a story needs at least one chapter") }
        if drill.durationSeconds.isInfinite {
            drill.durationSeconds = start
        } else if drill.durationSeconds < start {
            throw yaml.error(root["duration"], "duration",
                             "\(QuantityText.formatDuration(drill.durationSeconds)) is shorter than the chapters' \(QuantityText.formatDuration(start))")
        }
        if let late = drill.method.first(where: { $0.atSeconds > drill.durationSeconds }) {
            throw Diagnostic(file: file, line: late.line, field: "method.at", message: "a step comes after the story ends")
        }
        let chapterSteps = chapters.flatMap { c in
            c.commands.map { DrillStep(atSeconds: c.startSeconds + $0.atSeconds, command: $0.command, line: $0.line) }
        }
        drill.method = (drill.method + chapterSteps).enumerated()
            .sorted { ($0.element.atSeconds, $0.offset) < ($1.element.atSeconds, $1.offset) }.map(\.element)
        return StoryFile(drill: drill, chapters: chapters)
    }

    private static func readChapter(_ node: ConfigNode, field f: String, start: Double, yaml: DrillYAML) throws(Diagnostic) -> StoryChapter {
        let entries = try yaml.mapping(node, f, allowed: chapterKeys)
        func entry(_ key: String) -> DrillYAML.Entry? { entries.first { $0.key == key } }
        for required in ["title", "caption", "duration"] where entry(required) == nil {
            throw yaml.error(node, "\(f).\(required)", "missing: every chapter needs a \(required)")
        }
        guard let titleEntry = entry("title"), let captionEntry = entry("caption"), let durationEntry = entry("duration") else {
            throw yaml.error(node, f, "incomplete chapter", expected: chapterKeys)
        }
        let duration = try yaml.duration(durationEntry.value, "\(f).duration")
        guard duration > 0 else { throw yaml.error(durationEntry.value, "\(f).duration", "must be longer than zero") }
        let captionText = try yaml.string(captionEntry.value, "\(f).caption")
        let caption: StoryCaption
        do {
            caption = try StoryCaption(captionText.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw yaml.error(captionEntry.value, "\(f).caption", "placeholder {\(error.placeholder)}: \(error.message)",
                             expected: error.expected)
        }
        var panel = StoryPanel.header
        if let e = entry("panel") {
            let name = try yaml.string(e.value, "\(f).panel")
            guard let p = StoryPanel(rawValue: name) else {
                throw yaml.error(e.value, "\(f).panel", "unknown panel '\(name)'", expected: StoryPanel.allCases.map(\.rawValue))
            }
            panel = p
        }
        var commands: [DrillStep] = []
        if let e = entry("commands") {
            let reader = DrillCommandReader(yaml: yaml)
            for (j, item) in try yaml.sequence(e.value, "\(f).commands").enumerated() {
                let cf = "\(f).commands[\(j)]"
                let line = item.line
                if item.scalar != nil {
                    let text = try yaml.string(item, cf)
                    do {
                        commands.append(DrillStep(atSeconds: 0, command: try CommandParser.parse(text), line: line))
                    } catch {
                        throw yaml.error(item, cf, error.located)
                    }
                    continue
                }
                let fields = try yaml.mapping(item, cf, allowed: ["at"] + DrillCommandReader.verbKeys + DrillCommandReader.optionKeys)
                var at = 0.0
                if let atEntry = fields.first(where: { $0.key == "at" }) {
                    at = try yaml.duration(atEntry.value, "\(cf).at")
                    guard at < duration else {
                        throw yaml.error(atEntry.value, "\(cf).at", "at \(QuantityText.formatDuration(at)) is not within the chapter's \(QuantityText.formatDuration(duration))")
                    }
                }
                let command = try reader.command(from: fields.filter { $0.key != "at" }, in: item, field: cf)
                commands.append(DrillStep(atSeconds: at, command: command, line: line))
            }
        }
        return StoryChapter(title: try yaml.string(titleEntry.value, "\(f).title"), caption: caption, panel: panel,
                            startSeconds: start, durationSeconds: duration, commands: commands, line: node.line)
    }

    /// Checks the story against its fleet: the drill's sites and halls, and every caption's.
    public func validate(against s: Snapshot) throws(Diagnostic) {
        try drill.validate(against: s)
        for (i, c) in chapters.enumerated() {
            for m in c.caption.metrics {
                do {
                    try m.validate(against: s)
                } catch {
                    throw Diagnostic(file: drill.source, line: c.line, field: "chapters[\(i)].caption",
                                     message: "placeholder {\(m.text)}: \(error.message)", expected: error.expected)
                }
            }
        }
    }

    /// The index of the chapter under way at a simulated time (the last one after the end).
    public func chapterIndex(at seconds: Double) -> Int {
        chapters.lastIndex { $0.startSeconds <= seconds } ?? 0
    }
}
