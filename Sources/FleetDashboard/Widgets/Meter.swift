/// A horizontal bar: filled to `value/scale` with sub-cell precision, coloured by a gradient, with an
/// optional marker at a limit (a grid limit or an active cap).
public enum Meter {
    /// Draws the meter in `width` cells from (x, y). `limit` (same unit as `value`) draws a marker.
    public static func draw(into canvas: inout Canvas, x: Int, y: Int, width: Int, value: Double, scale: Double,
                            limit: Double? = nil, gradient: ThemeGradient, theme: Theme, glyphs: GlyphSet) {
        guard width > 0 else { return }
        let frac = scale > 0 && value.isFinite ? min(1, max(0, value / scale)) : 0
        let eighths = Int((frac * Double(width * 8)).rounded())
        let fill = CellStyle(foreground: theme.gradient(gradient, at: frac), background: theme.color(.mainBackground))
        let track = theme.style(.meterBackground)
        var markX = -1
        if let limit, scale > 0, limit.isFinite, limit < scale {
            markX = x + min(width - 1, max(0, Int((limit / scale * Double(width)).rounded(.down))))
        }
        for i in 0..<width {
            let cx = x + i
            let level = min(8, max(0, eighths - i * 8))
            if cx == markX && level < 8 {
                canvas.put(glyphs.limitMark, x: cx, y: y, style: theme.style(.warning, .bold))
            } else if level == 0 {
                canvas.put(glyphs.track, x: cx, y: y, style: track)
            } else {
                canvas.put(glyphs.barLevels[level], x: cx, y: y, style: fill)
            }
        }
    }
}
