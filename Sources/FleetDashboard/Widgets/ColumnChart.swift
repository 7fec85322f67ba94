/// A multi-row column chart: one column per bucket of samples (the bucket's maximum, so a spike is
/// never averaged away), eighth blocks for sub-row precision, and an optional target drawn as a
/// dotted line where the columns do not reach it.
public enum ColumnChart {
    /// The maxima of `values` in `width` equal buckets (the newest at the right); empty buckets are nil.
    public static func buckets(_ values: [Float], width: Int, span: Int) -> [Float?] {
        guard width > 0, span > 0 else { return [] }
        var out = [Float?](repeating: nil, count: width)
        let offset = span - values.count
        for (i, v) in values.enumerated() where v.isFinite {
            let b = min(width - 1, (offset + i) * width / span)
            guard b >= 0 else { continue }
            out[b] = max(out[b] ?? 0, v)
        }
        return out
    }

    /// Draws `columns` (each 0...upper, nil for no data) in the rectangle; `target` marks a level.
    public static func draw(into canvas: inout Canvas, columns: [Float?], rect: Rect, upper: Float, target: Float?,
                            style: CellStyle, targetStyle: CellStyle, glyphs: GlyphSet) {
        guard !rect.isEmpty, upper > 0 else { return }
        let eighths = rect.height * 8
        let targetRow = target.map { t -> Int in
            let level = Int((t / upper * Float(eighths)).rounded())
            return rect.maxY - 1 - min(rect.height - 1, max(0, (level - 1) / 8))
        }
        for (c, value) in columns.prefix(rect.width).enumerated() {
            let x = rect.x + c
            let level = value.map { Int((min(1, max(0, $0 / upper)) * Float(eighths)).rounded()) } ?? 0
            for row in 0..<rect.height {
                let y = rect.maxY - 1 - row
                let filled = level - row * 8
                if filled >= 8 {
                    canvas.put(glyphs.heights[glyphs.heights.count - 1], x: x, y: y, style: style)
                } else if filled > 0 {
                    canvas.put(glyphs.heights[max(0, min(glyphs.heights.count - 1, filled - 1))], x: x, y: y, style: style)
                } else if y == targetRow {
                    canvas.put(glyphs.track, x: x, y: y, style: targetStyle)
                }
            }
        }
    }
}
