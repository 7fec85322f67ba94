/// One screen cell: a glyph and its style. A wide glyph occupies its cell and the next, which holds
/// `Cell.continuation` so the terminal layer skips it.
public struct Cell: Sendable, Hashable {
    public var glyph: Unicode.Scalar
    public var style: CellStyle
    public init(_ glyph: Unicode.Scalar, _ style: CellStyle = .plain) { self.glyph = glyph; self.style = style }
    public static let blank = Cell(" ")
    /// Marks the right half of a wide glyph.
    public static let continuation = Cell("\u{0}")
    public var isContinuation: Bool { glyph == "\u{0}" }
}

/// A rectangle on the canvas, in cells.
public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
    /// The rectangle shrunk by `n` cells on every side.
    public func inset(by n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
}

/// A grid of cells that panels draw into; the terminal layer copies it to the screen.
/// It has no knowledge of the terminal: tests render into it and compare text.
public struct Canvas: Sendable, Equatable {
    /// A string `text(_:x:y:style:maxWidth:)` could not write whole: the layout rule says this never
    /// happens (panels fit their text with `TextFit` or drop it), and the layout tests check it.
    public struct Cut: Sendable, Hashable {
        public var text: String
        public var x: Int, y: Int
        /// Columns the string was given.
        public var width: Int
    }

    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Strings cut since the last `clear`, in drawing order.
    public private(set) var cuts: [Cut] = []

    /// Two canvases are equal when their cells are; the record of cuts does not count.
    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = [Cell](repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Resets every cell to a blank in `style`.
    public mutating func clear(_ style: CellStyle = .plain) {
        let c = Cell(" ", style)
        for i in cells.indices { cells[i] = c }
        cuts.removeAll()
    }

    /// Puts one glyph if it lies inside the canvas and the clip rectangle.
    public mutating func put(_ glyph: Unicode.Scalar, x: Int, y: Int, style: CellStyle, clip: Rect? = nil) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        if let clip, !clip.contains(x: x, y: y) { return }
        cells[y * width + x] = Cell(glyph, style)
    }

    /// Fills a rectangle with one glyph.
    public mutating func fill(_ rect: Rect, glyph: Unicode.Scalar = " ", style: CellStyle) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let c = Cell(glyph, style)
        for y in y0..<y1 { for x in x0..<x1 { cells[y * width + x] = c } }
    }

    /// Writes text from (x, y), clipped to `maxWidth` display columns; wide characters take two
    /// columns and are never cut in half; control characters are replaced. Returns columns used.
    /// Text that does not fit (trailing blanks aside) is recorded in `cuts`.
    @discardableResult
    public mutating func text(_ s: String, x: Int, y: Int, style: CellStyle, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        var used = 0
        var full = false
        for scalar in s.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if w == 0 { continue }
            if full || used + w > limit {
                full = true
                if scalar != " " {
                    cuts.append(Cut(text: s, x: x, y: y, width: max(0, limit)))
                    break
                }
                continue
            }
            let safe: Unicode.Scalar = DisplayWidth.isControl(scalar) ? "?" : scalar
            let cx = x + used
            if cx >= 0 {
                cells[y * width + cx] = Cell(safe, style)
                if w == 2, cx + 1 < width { cells[y * width + cx + 1] = .continuation }
            }
            used += w
        }
        return used
    }

    /// The text of one row (continuations dropped), for tests and captures.
    public func rowText(_ y: Int) -> String {
        var s = String.UnicodeScalarView()
        for x in 0..<width where !self[x, y].isContinuation { s.append(self[x, y].glyph) }
        return String(s)
    }

    /// All rows joined by newlines.
    public var plainText: String { (0..<height).map(rowText).joined(separator: "\n") }
}
