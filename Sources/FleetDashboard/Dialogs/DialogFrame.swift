/// A centred modal box drawn over the panels: clears its area, frames it with a title, returns the inside.
public enum DialogFrame {
    /// Draws a dialog of `width`×`height` (clamped to the canvas) centred in `area`.
    public static func draw(into canvas: inout Canvas, area: Rect, width: Int, height: Int, title: String,
                            theme: Theme, glyphs: GlyphSet) -> Rect {
        let w = min(width, area.width), h = min(height, area.height)
        let rect = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        let bg = CellStyle(foreground: theme.color(.dialogForeground), background: theme.color(.dialogBackground))
        canvas.fill(rect, style: bg)
        var boxTheme = theme
        boxTheme.colors[.mainBackground] = theme.color(.dialogBackground)
        return Box.draw(into: &canvas, rect, title: title, role: .highlight, focused: true, theme: boxTheme, glyphs: glyphs)
    }

    /// The dialog's text style (its own background, so it reads over any panel).
    public static func style(_ theme: Theme, _ role: ThemeColor = .dialogForeground, _ attributes: TextAttributes = []) -> CellStyle {
        CellStyle(foreground: theme.color(role), background: theme.color(.dialogBackground), attributes: attributes)
    }
}
