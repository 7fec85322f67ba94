import FleetMetrics

/// Draws sparklines from `Series` and remembers the columns it drew, keyed by slot name. When a series
/// has new samples (its `appended` count grew) only the new columns are computed and the rest shift
/// left; an unchanged series costs a copy of its cached glyphs. Braille packs two samples per column,
/// block and ASCII one.
public final class SparklineCache {
    private struct Entry {
        var appended: Int
        var width: Int
        var style: GraphStyle
        var ascii: Bool
        var lower: Float
        var upper: Float
        var autoScale: Bool
        /// Id of the rightmost column (absolute sample index / samples per column).
        var lastColumn: Int
        /// Raw samples, `perColumn` per column, NaN where there is none.
        var raw: [Float]
        var glyphs: [Unicode.Scalar]
        /// Fill of each column, 0...1, for its colour.
        var levels: [Float]
    }

    private var entries: [String: Entry] = [:]
    /// Columns computed from samples since creation (a test hook that shows work is incremental).
    public private(set) var columnsComputed = 0

    public init() {}

    /// Forgets every slot (after a replay restarts from tick 0, say).
    public func removeAll() { entries.removeAll() }

    /// Draws the newest samples of `series` in `width` columns at (x, y). With `upper` nil the scale runs
    /// from `lower` to a rounded-up ceiling (1, 2, 5 × 10ⁿ) of what is shown, so it rarely changes.
    public func draw(into canvas: inout Canvas, key: String, series: Series, x: Int, y: Int, width: Int,
                     lower: Float = 0, upper: Float?, style: GraphStyle, gradient: ThemeGradient,
                     theme: Theme, glyphs: GlyphSet) {
        guard width > 0 else { return }
        let s = glyphs.effective(style)
        let k = s == .braille ? 2 : 1
        let entry = update(key: key, series: series, width: width, perColumn: k, lower: lower, upper: upper,
                           style: s, ascii: glyphs.isASCII, glyphs: glyphs)
        let bg = theme.color(.mainBackground)
        let palette = theme.gradients[gradient] ?? []
        let plain = theme.color(.mainForeground)
        for i in 0..<width {
            let level = entry.levels[i]
            let fg = palette.count == 101 ? palette[Int(min(1, max(0, level)) * 100 + 0.5)] : plain
            canvas.put(entry.glyphs[i], x: x + i, y: y, style: CellStyle(foreground: fg, background: bg))
        }
    }

    private func update(key: String, series: Series, width: Int, perColumn k: Int, lower: Float, upper: Float?,
                        style: GraphStyle, ascii: Bool, glyphs: GlyphSet) -> Entry {
        let appended = series.appended
        let lastColumn = appended > 0 ? (appended - 1) / k : -1
        let usable = min(series.count, width * k)
        if var e = entries[key], e.width == width, e.style == style, e.ascii == ascii, e.lower == lower,
           e.autoScale == (upper == nil), upper == nil || e.upper == upper!, appended >= e.appended,
           lastColumn - e.lastColumn < width {
            if appended == e.appended { return e }
            let shift = lastColumn - e.lastColumn
            if shift > 0 {
                e.raw.removeFirst(shift * k)
                e.raw.append(contentsOf: repeatElement(Float.nan, count: shift * k))
                e.glyphs.removeFirst(shift)
                e.glyphs.append(contentsOf: repeatElement(" ", count: shift))
                e.levels.removeFirst(shift)
                e.levels.append(contentsOf: repeatElement(0, count: shift))
            }
            // Samples from the column of the first new sample (a half-full braille column is redone).
            let firstAbs = max(e.appended / k * k, appended - usable)
            let fresh = series.last(appended - firstAbs)
            fill(&e, fresh: fresh, firstAbs: firstAbs, lastColumn: lastColumn, perColumn: k)
            e.appended = appended
            e.lastColumn = lastColumn
            let changedFrom = max(0, width - 1 - (lastColumn - firstAbs / k))
            if upper == nil, rescale(&e) {
                render(&e, from: 0, perColumn: k, glyphs: glyphs)
            } else {
                render(&e, from: changedFrom, perColumn: k, glyphs: glyphs)
            }
            entries[key] = e
            return e
        }
        var e = Entry(appended: appended, width: width, style: style, ascii: ascii, lower: lower,
                      upper: upper ?? lower + 1, autoScale: upper == nil, lastColumn: lastColumn,
                      raw: [Float](repeating: .nan, count: width * k),
                      glyphs: [Unicode.Scalar](repeating: " ", count: width),
                      levels: [Float](repeating: 0, count: width))
        let firstAbs = appended - usable
        fill(&e, fresh: series.last(usable), firstAbs: firstAbs, lastColumn: lastColumn, perColumn: k)
        if upper == nil { _ = rescale(&e) }
        render(&e, from: 0, perColumn: k, glyphs: glyphs)
        entries[key] = e
        return e
    }

    /// Copies samples with absolute indices firstAbs... into the raw slots of their columns.
    private func fill(_ e: inout Entry, fresh: [Float], firstAbs: Int, lastColumn: Int, perColumn k: Int) {
        let firstColumn = lastColumn - e.width + 1
        for (i, v) in fresh.enumerated() {
            let abs = firstAbs + i
            let col = abs / k - firstColumn
            guard col >= 0, col < e.width else { continue }
            e.raw[col * k + abs % k] = v
        }
    }

    /// For auto scale: picks a new rounded ceiling when the data outgrows it or shrinks below a quarter.
    private func rescale(_ e: inout Entry) -> Bool {
        var peak = e.lower
        for v in e.raw where v.isFinite && v > peak { peak = v }
        let span = peak - e.lower
        let current = e.upper - e.lower
        if span <= current && span >= current / 4 { return false }
        let nice = Self.niceCeiling(span)
        if nice == current { return false }
        e.upper = e.lower + nice
        return true
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at or above `v` (1 for v ≤ 0).
    public static func niceCeiling(_ v: Float) -> Float {
        guard v > 0, v.isFinite else { return 1 }
        let x = Double(v)
        var step = 1.0
        while step * 10 < x { step *= 10 }
        while step > x && step > 1e-9 { step /= 10 }
        for m in [1.0, 2, 5, 10] where step * m >= x { return Float(step * m) }
        return Float(step * 10)
    }

    private func render(_ e: inout Entry, from start: Int, perColumn k: Int, glyphs: GlyphSet) {
        let span = e.upper - e.lower
        for c in start..<e.width {
            columnsComputed += 1
            if k == 2 {
                let a = e.raw[c * 2], b = e.raw[c * 2 + 1]
                let la = dots(a, lower: e.lower, span: span), lb = dots(b, lower: e.lower, span: span)
                if la < 0 && lb < 0 { e.glyphs[c] = " "; e.levels[c] = 0; continue }
                let bits = Self.leftDots[max(0, la)] | Self.rightDots[max(0, lb)]
                e.glyphs[c] = Unicode.Scalar(0x2800 + bits) ?? " "
                e.levels[c] = max(frac(a, e.lower, span), frac(b, e.lower, span))
            } else {
                let v = e.raw[c]
                guard v.isFinite else { e.glyphs[c] = " "; e.levels[c] = 0; continue }
                let f = frac(v, e.lower, span)
                e.glyphs[c] = glyphs.height(f)
                e.levels[c] = f
            }
        }
    }

    /// Braille bits for 0...4 lit rows, bottom up, in the left and the right dot column.
    private static let leftDots: [UInt32] = [0, 0x40, 0x44, 0x46, 0x47]
    private static let rightDots: [UInt32] = [0, 0x80, 0xA0, 0xB0, 0xB8]

    private func frac(_ v: Float, _ lower: Float, _ span: Float) -> Float {
        guard v.isFinite, span > 0 else { return 0 }
        return min(1, max(0, (v - lower) / span))
    }

    /// Braille dot rows lit for a sample: -1 for none, else 1...4 (the bottom dot always shows).
    private func dots(_ v: Float, lower: Float, span: Float) -> Int {
        guard v.isFinite else { return -1 }
        return 1 + Int(frac(v, lower, span) * 3 + 0.5)
    }
}
