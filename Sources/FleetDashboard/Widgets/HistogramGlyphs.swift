/// A distribution drawn as a row of height glyphs, one per bin, scaled to the fullest bin.
public enum HistogramGlyphs {
    /// Draws `bins` counts from (x, y), one cell per bin; empty bins draw as the track glyph.
    public static func draw(into canvas: inout Canvas, x: Int, y: Int, bins: [Int], gradient: ThemeGradient,
                            theme: Theme, glyphs: GlyphSet) {
        let peak = bins.max() ?? 0
        guard peak > 0 else { return }
        let n = bins.count
        for (i, c) in bins.enumerated() {
            let pos = n > 1 ? Double(i) / Double(n - 1) : 0
            if c == 0 {
                canvas.put(glyphs.track, x: x + i, y: y, style: theme.style(.meterBackground))
            } else {
                let f = Float(c) / Float(peak)
                let style = CellStyle(foreground: theme.gradient(gradient, at: pos), background: theme.color(.mainBackground))
                canvas.put(glyphs.height(max(f, 0.01)), x: x + i, y: y, style: style)
            }
        }
    }

    /// Counts `values` into `binCount` equal bins over `lower...upper` (out-of-range values go to the ends).
    public static func bin(_ values: [Float], lower: Float, upper: Float, binCount: Int) -> [Int] {
        var bins = [Int](repeating: 0, count: max(1, binCount))
        let span = upper - lower
        guard span > 0 else { return bins }
        let scale = Float(bins.count) / span
        let last = bins.count - 1
        bins.withUnsafeMutableBufferPointer { b in
            for v in values where v.isFinite {
                let x = (v - lower) * scale
                b[x < 1 ? 0 : (x >= Float(last) ? last : Int(x))] += 1
            }
        }
        return bins
    }
}
