/// A bordered panel frame with a title in the top edge; rounded corners in Unicode, `+-|` in ASCII.
public enum Box {
    /// Draws the frame of `rect` and its title, and returns the inner rectangle (one cell in on each side).
    /// A focused box draws its border and title in the theme's highlight colour, bold.
    @discardableResult
    public static func draw(into canvas: inout Canvas, _ rect: Rect, title: String, subtitle: String = "",
                            role: ThemeColor, focused: Bool, theme: Theme, glyphs: GlyphSet) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let border = focused ? theme.style(.highlight, .bold) : theme.style(role)
        let x0 = rect.x, x1 = rect.maxX - 1, y0 = rect.y, y1 = rect.maxY - 1
        for x in (x0 + 1)..<x1 {
            canvas.put(glyphs.horizontal, x: x, y: y0, style: border)
            canvas.put(glyphs.horizontal, x: x, y: y1, style: border)
        }
        for y in (y0 + 1)..<y1 {
            canvas.put(glyphs.vertical, x: x0, y: y, style: border)
            canvas.put(glyphs.vertical, x: x1, y: y, style: border)
        }
        canvas.put(glyphs.topLeft, x: x0, y: y0, style: border)
        canvas.put(glyphs.topRight, x: x1, y: y0, style: border)
        canvas.put(glyphs.bottomLeft, x: x0, y: y1, style: border)
        canvas.put(glyphs.bottomRight, x: x1, y: y1, style: border)
        let room = rect.width - 4
        if room > 2, !title.isEmpty {
            let titleStyle = focused ? theme.style(.highlight, .bold) : theme.style(.title, .bold)
            var x = x0 + 1
            canvas.put(glyphs.horizontal, x: x, y: y0, style: border)
            x += 1
            x += canvas.text(TextFit.fit(" " + title, width: room), x: x, y: y0, style: titleStyle, maxWidth: room)
            let left = x0 + 2 + room - x
            if !subtitle.isEmpty, left > 3 {
                x += canvas.text(TextFit.fit(glyphs.separator + subtitle, width: left - 1), x: x, y: y0,
                                 style: theme.style(.graphText), maxWidth: left - 1)
            }
            if x < x1 - 1 { canvas.put(" ", x: x, y: y0, style: titleStyle) }
        }
        return rect.inset(by: 1)
    }
}
