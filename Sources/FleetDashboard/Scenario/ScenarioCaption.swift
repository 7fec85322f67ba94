/// The narration box of a story: a chapter line ("chapter 3/7 · The metro site meets its power cap ·
/// 01:12 left"), the caption with live numbers, an optional note ("rewinding…") and the keys.
public struct ScenarioCaption: Sendable, Equatable {
    public var chapterLine: String
    public var text: String
    public var note: String?
    public var keys: String

    /// A caption box's contents.
    public init(chapterLine: String, text: String, note: String? = nil, keys: String) {
        self.chapterLine = chapterLine; self.text = text; self.note = note; self.keys = keys
    }

    /// Every line of the box's inside at `width` columns: the chapter line, the caption, the note
    /// and the keys, each word-wrapped.
    public func lines(width: Int) -> [(text: String, role: Role)] {
        var out = Self.wrap(chapterLine, width: width).map { ($0, Role.chapter) }
        out += Self.wrap(text, width: width).map { ($0, Role.text) }
        if let note { out += Self.wrap(note, width: width).map { ($0, Role.note) } }
        out += Self.wrap(keys, width: width).map { ($0, Role.keys) }
        return out
    }

    /// How a line of the box is styled.
    public enum Role: Sendable, Equatable { case chapter, text, note, keys }

    /// Greedy word wrap by display width; a word longer than the line is cut.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            var w = String(word)
            var ww = DisplayWidth.of(w)
            if ww > width {
                w = String(w.prefix(width)); ww = DisplayWidth.of(w)
            }
            if lineWidth == 0 {
                line = w; lineWidth = ww
            } else if lineWidth + 1 + ww <= width {
                line += " " + w; lineWidth += 1 + ww
            } else {
                lines.append(line)
                line = w; lineWidth = ww
            }
        }
        if lineWidth > 0 { lines.append(line) }
        return lines
    }
}
