/// The end of a live drill: the verdict, the checks that failed, and "Save the report to PATH?"
/// answered with y / n, Enter / Esc — No until the operator moves to Yes. `e` edits the path; a
/// save that failed keeps the dialog open with the reason, to retry or give another path.
public struct ScenarioSummaryDialog: Sendable, Equatable {
    /// What a key did.
    public enum Outcome: Sendable, Equatable { case stay, save, dismiss }

    public var title: String
    public var lines: [String]
    /// Where Yes writes the report (shown in the dialog).
    public var path: String
    /// True while Yes is highlighted; starts false.
    public private(set) var yesSelected = false
    /// True while the path is being edited (keys go to the path; Enter or Esc ends the edit).
    public private(set) var editingPath = false
    /// Why the last save failed, in words (shown until the next attempt).
    public var failure: String?

    /// A summary with its verdict lines and the report path (without extension).
    public init(title: String, lines: [String], path: String) {
        self.title = title; self.lines = lines; self.path = path
    }

    /// The key bar while the dialog is open.
    public static let hints: [FooterBar.Hint] = [.init("y", "save"), .init("n/Esc", "don't save"), .init("e", "edit path"),
                                                 .init("Enter", "highlighted (No)"), .init("Tab", "toggle")]

    /// Pasted text: typed into the path while it is being edited (one line, control characters
    /// dropped); ignored otherwise, so a `y` in a paste saves nothing. True when it was taken.
    public mutating func paste(_ text: String) -> Bool {
        guard editingPath else { return false }
        path += String(DashboardApp.pastedCharacters(text))
        return true
    }

    /// Applies one key: y saves, n or Esc dismisses, Enter takes the highlighted button, arrows or Tab move.
    public mutating func handle(_ key: Key) -> Outcome {
        if editingPath { return editPath(key) }
        switch key {
        case .character("e"), .character("E"): editingPath = true; failure = nil
        case .character("y"), .character("Y"): return .save
        case .character("n"), .character("N"), .escape: return .dismiss
        case .enter: return yesSelected ? .save : .dismiss
        case .left, .right, .tab, .backTab: yesSelected.toggle()
        default: break
        }
        return .stay
    }

    private mutating func editPath(_ key: Key) -> Outcome {
        switch key {
        case .enter, .escape: editingPath = false
        case .backspace, .delete: if !path.isEmpty { path.removeLast() }
        case .character(let c) where !c.isNewline && c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }): path.append(c)
        default: break
        }
        return .stay
    }

    /// The question, with the path on a line of its own so it fits narrow screens; after a failed
    /// save, the reason and what to do next.
    public var question: [String] {
        let target = "  " + path + (editingPath ? "▏ (Enter: done)" : ".md and .json")
        let head = failure.map { ["Not saved: \($0)", "y to retry, e to change the path, n to give up."] } ?? []
        return head + ["Save the report (Markdown and JSON)? e edits the path", target]
    }

    /// Draws the dialog centred in `area`.
    public func draw(into canvas: inout Canvas, area: Rect, theme: Theme, glyphs: GlyphSet) {
        let body = lines + [""] + question
        let widest = body.map { DisplayWidth.of($0) }.max() ?? 0
        let width = min(area.width, max(44, widest + 4))
        let inner = DialogFrame.draw(into: &canvas, area: area, width: width, height: body.count + 4,
                                     title: title, theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        for (i, line) in body.enumerated() where i < inner.height - 1 {
            let role: ThemeColor = i == 0 ? .dialogForeground : .inactive
            canvas.text(line, x: inner.x + 1, y: inner.y + i, style: DialogFrame.style(theme, role, i == 0 ? .bold : []),
                        maxWidth: inner.width - 1)
        }
        let y = inner.maxY - 1
        var yes = DialogFrame.style(theme, .dialogForeground), no = yes
        if yesSelected { yes.attributes = [.reverse, .bold] } else { no.attributes = [.reverse, .bold] }
        var x = inner.x + 1
        x += canvas.text("[ y Save ]", x: x, y: y, style: yes, maxWidth: inner.maxX - x)
        x += canvas.text("  ", x: x, y: y, style: DialogFrame.style(theme), maxWidth: inner.maxX - x)
        x += canvas.text("[ N No ]", x: x, y: y, style: no, maxWidth: inner.maxX - x)
        canvas.text("  Enter = highlighted", x: x, y: y, style: DialogFrame.style(theme, .inactive), maxWidth: inner.maxX - x)
    }
}
