import CNCursesW
import FleetDashboard
#if canImport(Glibc)
import Glibc
#endif

/// Copies a Canvas onto ncurses' standard screen, writing only the cells that changed since the
/// frame before (kept here), in runs with `mvwadd_wchnstr`. The caller does the one `doupdate`.
struct CanvasPainter {
    let depth: ColorDepth
    let glyphMode: GlyphMode
    /// Whether `use_default_colors` worked, so -1 may stand for the terminal's own colours.
    let defaultColors: Bool
    private let quantizer: ColorQuantizer
    private var pairs: ColorPairCache
    private var previous: Canvas?
    private var fullRepaint = true
    private var buffer: [cchar_t] = []
    private(set) var stats = DrawStats()

    init(depth: ColorDepth, glyphMode: GlyphMode, defaultColors: Bool, pairCapacity: Int) {
        self.depth = depth
        self.glyphMode = glyphMode
        self.defaultColors = defaultColors
        quantizer = ColorQuantizer(depth: depth)
        pairs = ColorPairCache(capacity: pairCapacity)
    }

    /// Forgets the previous frame: the next paint clears the screen and writes every cell.
    mutating func invalidate() { fullRepaint = true }

    /// Writes the changed cells of `canvas` into the screen area of `size` (the canvas is clipped to
    /// it; screen beyond the canvas is cleared on a full repaint).
    mutating func paint(_ canvas: Canvas, size: TerminalSize) {
        stats = DrawStats()
        if !write(canvas, size: size) {
            // The pair cache filled during this frame: earlier cells may use recycled pairs, so the
            // whole frame is written again with a fresh cache.
            pairs.reset()
            stats.pairResets += 1
            fullRepaint = true
            if !write(canvas, size: size) { pairs.reset(); stats.pairResets += 1 }
        }
        previous = canvas
        fullRepaint = false
    }

    /// One pass over the frame; false when the pair cache ran out.
    private mutating func write(_ canvas: Canvas, size: TerminalSize) -> Bool {
        let window = cnc_stdscr()
        let width = min(canvas.width, size.columns), height = min(canvas.height, size.rows)
        let base = fullRepaint || previous?.width != canvas.width || previous?.height != canvas.height
        if base { werase(window) }
        let reference = base ? nil : previous
        for y in 0..<max(0, height) {
            for span in FrameDiff.spans(previous: reference, current: canvas, row: y, width: width) {
                guard writeRun(canvas, row: y, span: span, width: width, window: window) else { return false }
            }
        }
        return true
    }

    private mutating func writeRun(_ canvas: Canvas, row y: Int, span: Range<Int>, width: Int,
                                   window: UnsafeMutablePointer<WINDOW>?) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        var x = span.lowerBound
        var covered = false
        while x < span.upperBound {
            let cell = canvas[x, y]
            if cell.isContinuation && covered { covered = false; x += 1; continue }
            covered = false
            let nextIsContinuation = x + 1 < width && canvas[x + 1, y].isContinuation
            let (glyph, wide) = displayGlyph(cell, nextIsContinuation: nextIsContinuation)
            guard let pair = pairNumber(for: cell.style) else { return false }
            var c = cchar_t()
            _ = cnc_setcchar(&c, wchar_t(bitPattern: glyph.value), attributes(cell.style.attributes), pair)
            buffer.append(c)
            covered = wide
            x += 1
        }
        if !buffer.isEmpty {
            _ = mvwadd_wchnstr(window, Int32(y), Int32(span.lowerBound), buffer, Int32(buffer.count))
            stats.runs += 1
            stats.cellsWritten += span.count
        }
        return true
    }

    /// The glyph to send for a cell and whether it covers the next column too. Control characters,
    /// zero-width marks, lone continuations, wide glyphs without room, glyphs the C library measures
    /// differently and (in ASCII mode) non-ASCII glyphs are replaced so the grid never shifts.
    private func displayGlyph(_ cell: Cell, nextIsContinuation: Bool) -> (Unicode.Scalar, Bool) {
        let g = cell.glyph
        if cell.isContinuation { return (" ", false) }
        if DisplayWidth.isControl(g) { return ("?", false) }
        if g.value < 0x7F { return (g, false) }
        if glyphMode == .ascii { return ("?", false) }
        let expected = DisplayWidth.of(g)
        if expected == 0 { return (" ", false) }
        let actual = Int(cnc_wcwidth(wchar_t(bitPattern: g.value)))
        if expected == 2 {
            guard nextIsContinuation else { return (" ", false) }
            return actual == 2 ? (g, true) : (actual == 1 ? (g, false) : ("?", false))
        }
        return actual == 1 ? (g, false) : ("?", false)
    }

    private func attributes(_ a: TextAttributes) -> attr_t {
        var result = cnc_a_normal()
        if a.contains(.bold) { result |= cnc_a_bold() }
        if a.contains(.dim) { result |= cnc_a_dim() }
        if a.contains(.reverse) { result |= cnc_a_reverse() }
        if a.contains(.underline) { result |= cnc_a_underline() }
        if a.contains(.italic) { result |= cnc_a_italic() }
        return result
    }

    /// The colour pair for a style, defining it on first use; nil when the cache is full.
    private mutating func pairNumber(for style: CellStyle) -> Int32? {
        guard depth.usesColor else { return 0 }
        var fg = quantizer.colorNumber(style.foreground), bg = quantizer.colorNumber(style.background)
        if !defaultColors {
            if fg < 0 { fg = 7 }
            if bg < 0 { bg = 0 }
        }
        switch pairs.pair(foreground: fg, background: bg) {
        case .existing(let p): return p
        case .new(let p):
            _ = init_extended_pair(p, fg, bg)
            stats.pairsDefined += 1
            return p
        case .full: return nil
        }
    }
}
