import FleetSim

/// Asks before an injection: names the target and the effect, answers `y` / `n`, Enter / Esc, with
/// No chosen until the operator moves to Yes — a stray Enter never changes the fleet.
public struct ConfirmDialog: Sendable, Equatable {
    /// What a key did to the dialog.
    public enum Outcome: Sendable, Equatable { case stay, confirmed, cancelled }

    public var title: String
    public var lines: [String]
    /// The command sent on Yes.
    public var command: SimCommand
    /// True while Yes is highlighted; starts false (No is the default).
    public private(set) var yesSelected = false

    public init(title: String, lines: [String], command: SimCommand) {
        self.title = title; self.lines = lines; self.command = command
    }

    /// y / Enter on Yes confirm; n, Esc and Enter on No cancel; arrows and Tab move between the buttons.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character("y"), .character("Y"): return .confirmed
        case .character("n"), .character("N"), .escape: return .cancelled
        case .enter: return yesSelected ? .confirmed : .cancelled
        case .left, .right, .tab, .backTab: yesSelected.toggle()
        default: break
        }
        return .stay
    }

    /// Draws the dialog centred in `area`, the highlighted answer reversed.
    public func draw(into canvas: inout Canvas, area: Rect, theme: Theme, glyphs: GlyphSet) {
        let width = max(40, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 6)
        let inner = DialogFrame.draw(into: &canvas, area: area, width: width, height: lines.count + 4,
                                     title: title, theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        for (i, line) in lines.enumerated() where i < inner.height - 2 {
            canvas.text(line, x: inner.x + 1, y: inner.y + i, style: DialogFrame.style(theme, i == 0 ? .dialogForeground : .inactive, i == 0 ? .bold : []),
                        maxWidth: inner.width - 1)
        }
        let y = inner.maxY - 1
        var yes = DialogFrame.style(theme, .dialogForeground), no = yes
        if yesSelected { yes.attributes = [.reverse, .bold] } else { no.attributes = [.reverse, .bold] }
        var x = inner.x + 1
        x += canvas.text("[ y Yes ]", x: x, y: y, style: yes, maxWidth: inner.maxX - x)
        x += canvas.text("  ", x: x, y: y, style: DialogFrame.style(theme), maxWidth: inner.maxX - x)
        x += canvas.text("[ N No ]", x: x, y: y, style: no, maxWidth: inner.maxX - x)
        canvas.text("  Enter = highlighted", x: x, y: y, style: DialogFrame.style(theme, .inactive), maxWidth: inner.maxX - x)
    }
}
