/// The bottom line: the most useful keys (from the bindings in force) and, when there is one, a short
/// message such as "read-only: injections are off", which takes precedence.
public enum FooterBar {
    /// One hint: the key as the user types it and what it does.
    public struct Hint: Sendable, Equatable {
        public var key: String
        public var label: String
        public init(_ key: String, _ label: String) { self.key = key; self.label = label }
    }

    /// Draws the hints that fit (or the message) on the bar's one row.
    public static func draw(into canvas: inout Canvas, rect: Rect, hints: [Hint], message: String?,
                            messageIsError: Bool, ctx: PanelContext) {
        guard !rect.isEmpty else { return }
        let y = rect.y
        canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: ctx.text)
        var w = LineWriter(Rect(x: rect.x, y: y, width: rect.width, height: 1), row: 0)
        if let message, !message.isEmpty {
            w.write(" " + message, messageIsError ? ctx.critical : ctx.warning, into: &canvas)
            return
        }
        let keyStyle = ctx.theme.style(.highlight, .bold)
        w.skip(1)
        for h in hints {
            let need = DisplayWidth.of(h.key) + DisplayWidth.of(h.label) + 3
            guard w.remaining >= need else { break }
            w.write(h.key, keyStyle, into: &canvas)
            w.write(" " + h.label + "  ", ctx.label, into: &canvas)
        }
    }
}
