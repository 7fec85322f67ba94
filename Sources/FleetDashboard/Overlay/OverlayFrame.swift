/// A framed, filled box drawn over the dashboard: a one-cell border (rounded, or `+-|` in ASCII)
/// with a title in the top edge and a hint in the bottom edge.
public enum OverlayFrame {
    /// Fills `rect` with `fill`, draws the border in `border` and the texts in `titleStyle`.
    public static func draw(_ rect: Rect, into canvas: inout Canvas, title: String, hint: String,
                            fill: CellStyle, border: CellStyle, titleStyle: CellStyle, ascii: Bool) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        canvas.fill(rect, style: fill)
        let (h, v, tl, tr, bl, br): (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar) =
            ascii ? ("-", "|", "+", "+", "+", "+") : ("─", "│", "╭", "╮", "╰", "╯")
        for x in rect.x + 1..<rect.maxX - 1 {
            canvas.put(h, x: x, y: rect.y, style: border)
            canvas.put(h, x: x, y: rect.maxY - 1, style: border)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            canvas.put(v, x: rect.x, y: y, style: border)
            canvas.put(v, x: rect.maxX - 1, y: y, style: border)
        }
        canvas.put(tl, x: rect.x, y: rect.y, style: border)
        canvas.put(tr, x: rect.maxX - 1, y: rect.y, style: border)
        canvas.put(bl, x: rect.x, y: rect.maxY - 1, style: border)
        canvas.put(br, x: rect.maxX - 1, y: rect.maxY - 1, style: border)
        let room = rect.width - 4
        if room > 0, !title.isEmpty {
            canvas.text(" \(title) ", x: rect.x + 1, y: rect.y, style: titleStyle, maxWidth: room + 2)
        }
        if room > 0, !hint.isEmpty {
            let w = min(DisplayWidth.of(hint) + 2, room + 2)
            canvas.text(" \(hint) ", x: rect.maxX - 1 - w, y: rect.maxY - 1, style: border, maxWidth: w)
        }
    }
}
