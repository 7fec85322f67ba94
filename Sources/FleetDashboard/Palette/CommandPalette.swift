import FleetSim

/// The `:` command palette: one line of the simulation's command language with Tab completion
/// (verbs, kinds, sites, option keys and values), history on ↑/↓ (↑ then Enter re-runs), and the
/// parser's error shown inline under the offending column.
public struct CommandPalette: Sendable, Equatable {
    /// What a key did: still editing, closed, or a command parsed and ready.
    public enum Outcome: Sendable, Equatable { case stay, closed, command(SimCommand, text: String) }

    /// Most lines kept in the history.
    public static let historyLimit = 100

    /// The line being typed.
    public private(set) var text = ""
    /// Lines run before, oldest first.
    public private(set) var history: [String] = []
    /// Position while walking the history (nil when editing a new line).
    public private(set) var historyIndex: Int?
    /// The parser's complaint about the last Enter, shown until the line changes.
    public private(set) var error: Diagnostic?
    /// Candidates offered by the last Tab (shown under the line until the text changes).
    public private(set) var candidates: [String] = []

    public init(history: [String] = []) { self.history = history }

    /// Puts `line` back for editing with the fleet's reason for refusing it, shown where the
    /// parser's errors are (the line stays in the history).
    public mutating func refuse(_ line: String, message: String) {
        text = line
        historyIndex = nil
        candidates = []
        error = Diagnostic(message: message)
    }

    /// Clears the line for a new command, keeping the history.
    public mutating func reset() {
        text = ""; historyIndex = nil; error = nil; candidates = []
    }

    /// Edits, completes, walks the history or runs the line; `siteNames` and `tags` feed completion.
    public mutating func handle(_ key: Key, siteNames: [String], tags: [String] = []) -> Outcome {
        switch key {
        case .escape:
            return .closed
        case .enter:
            let line = Self.trimmed(text)
            if line.isEmpty { return .closed }
            do {
                let command = try CommandParser.parse(line)
                if history.last != line { history.append(line) }
                if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
                reset()
                return .command(command, text: line)
            } catch {
                self.error = error
                return .stay
            }
        case .tab:
            complete(siteNames: siteNames, tags: tags)
        case .up:
            guard !history.isEmpty else { break }
            let i = max(0, (historyIndex ?? history.count) - 1)
            historyIndex = i; text = history[i]; error = nil; candidates = []
        case .down:
            guard let i = historyIndex else { break }
            if i + 1 < history.count { historyIndex = i + 1; text = history[i + 1] } else { historyIndex = nil; text = "" }
            error = nil; candidates = []
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
            edited()
        case .control("u"):
            text = ""; edited()
        case .character(let c):
            guard !c.isNewline, !(c.unicodeScalars.first.map(DisplayWidth.isControl) ?? true) else { break }
            text.append(c); edited()
        default:
            break
        }
        return .stay
    }

    /// The line without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }

    private mutating func edited() { error = nil; candidates = []; historyIndex = nil }

    /// Tab: extends the word to the candidates' common prefix; one candidate completes the word
    /// (with a space after it unless it is a `key=`); several are listed.
    public mutating func complete(siteNames: [String], tags: [String] = []) {
        let c = CommandCompleter.complete(text, siteNames: siteNames, tags: tags)
        error = nil
        guard !c.candidates.isEmpty else { candidates = []; return }
        let head = String(text.prefix(c.wordStart))
        if c.candidates.count == 1 {
            let word = c.candidates[0]
            text = head + word + (word.hasSuffix("=") ? "" : " ")
            candidates = []
        } else {
            text = head + c.commonPrefix
            candidates = c.candidates
        }
    }

    /// Draws the palette as a band of up to three lines at the bottom of `area`: candidates or the
    /// error above the input line.
    public func draw(into canvas: inout Canvas, area: Rect, theme: Theme, glyphs: GlyphSet) {
        guard area.height >= 1, area.width >= 4 else { return }
        let bg = DialogFrame.style(theme)
        let y = area.maxY - 1
        canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: bg)
        var x = area.x
        x += canvas.text(":", x: x, y: y, style: DialogFrame.style(theme, .highlight, .bold))
        let room = area.width - 2
        let shown = DisplayWidth.of(text) > room ? String(text.suffix(room)) : text
        x += canvas.text(shown, x: x, y: y, style: bg, maxWidth: room)
        var cursor = bg; cursor.attributes = .reverse
        canvas.put(" ", x: x, y: y, style: cursor, clip: area)
        guard area.height >= 2 else { return }
        if let error {
            let ey = y - 1
            canvas.fill(Rect(x: area.x, y: ey, width: area.width, height: 1), style: bg)
            if let column = error.column {
                let cx = area.x + min(area.width - 1, column)
                canvas.put(glyphs.isASCII ? "^" : "↑", x: cx, y: ey, style: DialogFrame.style(theme, .critical, .bold))
            }
            let msg = " " + error.description
            let mx = error.column.map { area.x + min(area.width - 1, $0) + 1 } ?? area.x
            canvas.text(msg, x: mx, y: ey, style: DialogFrame.style(theme, .critical, .bold), maxWidth: area.maxX - mx)
        } else if !candidates.isEmpty {
            let cy = y - 1
            canvas.fill(Rect(x: area.x, y: cy, width: area.width, height: 1), style: bg)
            canvas.text(" " + candidates.joined(separator: "  "), x: area.x, y: cy, style: DialogFrame.style(theme, .inactive),
                        maxWidth: area.width)
        } else if text.isEmpty {
            let hy = y - 1
            canvas.fill(Rect(x: area.x, y: hy, width: area.width, height: 1), style: bg)
            canvas.text(" fault cooling site=NAME hall=1 magnitude=60% for=10m · surge agentic factor=3 · repair all · Tab completes",
                        x: area.x, y: hy, style: DialogFrame.style(theme, .inactive), maxWidth: area.width)
        }
    }
}
