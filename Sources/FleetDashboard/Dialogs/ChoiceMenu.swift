/// One step of a menu: a titled list of options, moved through with ↑/↓ (or picked by digit) and
/// chosen with Enter; Esc goes back.
public struct ChoiceMenu: Sendable, Equatable {
    /// What a key did to the menu.
    public enum Outcome: Sendable, Equatable { case stay, chosen(Int), back }

    public var title: String
    public var options: [String]
    public var selected: Int

    public init(title: String, options: [String], selected: Int = 0) {
        self.title = title; self.options = options
        self.selected = max(0, min(selected, options.count - 1))
    }

    /// Moves, picks or backs out on a key.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .up: selected = (selected - 1 + options.count) % max(1, options.count)
        case .down, .tab: selected = (selected + 1) % max(1, options.count)
        case .home: selected = 0
        case .end: selected = max(0, options.count - 1)
        case .enter: return options.isEmpty ? .back : .chosen(selected)
        case .escape, .backspace, .left: return .back
        case .character(let c):
            if let d = c.wholeNumberValue, d >= 1, d <= options.count { selected = d - 1; return .chosen(d - 1) }
        default: break
        }
        return .stay
    }

    /// Draws the menu as a dialog centred in `area`; `trail` is shown above the options and
    /// `error`, when set, in the critical colour below them.
    public func draw(into canvas: inout Canvas, area: Rect, trail: String, error: String? = nil, theme: Theme, glyphs: GlyphSet) {
        let width = min(area.width, max(36, (options.map { DisplayWidth.of($0) }.max() ?? 0) + 10, DisplayWidth.of(trail) + 4,
                                        DisplayWidth.of(error ?? "") + 4))
        let inner = DialogFrame.draw(into: &canvas, area: area, width: width, height: options.count + 5 + (error == nil ? 0 : 1),
                                     title: title, theme: theme, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        if let error, inner.height >= 3 {
            var w = LineWriter(Rect(x: inner.x + 1, y: inner.maxY - 2, width: inner.width - 1, height: 1), row: 0)
            w.write(error, DialogFrame.style(theme, .critical, .bold), into: &canvas)
        }
        canvas.text(trail, x: inner.x + 1, y: inner.y, style: DialogFrame.style(theme, .inactive), maxWidth: inner.width - 1)
        for (i, o) in options.enumerated() where i + 1 < inner.height - 1 - (error == nil ? 0 : 1) {
            let mark = i == selected ? "> " : "  "
            var style = DialogFrame.style(theme)
            if i == selected { style.attributes = [.reverse, .bold] }
            let line = mark + (i < 9 ? "\(i + 1) " : "  ") + o
            canvas.text(NumberFormat.padRight(line, inner.width - 2), x: inner.x + 1, y: inner.y + 1 + i, style: style,
                        maxWidth: inner.width - 2)
        }
        canvas.text((glyphs.isASCII ? "Up/Down" : "↑↓") + " move  Enter choose  Esc back", x: inner.x + 1, y: inner.maxY - 1,
                    style: DialogFrame.style(theme, .inactive), maxWidth: inner.width - 1)
    }
}
