/// Writes styled runs left to right along one row of a rectangle: the building block of panel lines.
///
/// It never cuts a word, figure or unit: a run that does not fit is written as the whole words that
/// fit followed by `…` (or `…` alone), and the row is closed, so later runs are left out rather than
/// drawn in pieces. `group` keeps a label with its value: both or neither.
public struct LineWriter {
    public let y: Int
    public let minX: Int
    public let maxX: Int
    /// The next column to write.
    public private(set) var x: Int
    /// Set once a run did not fit: the row ends with `…` and takes nothing more.
    public private(set) var closed = false

    /// A writer for row `y` of `rect` (row index relative to the rectangle).
    public init(_ rect: Rect, row: Int) {
        y = rect.y + row; minX = rect.x; maxX = rect.maxX; x = rect.x
    }

    /// Columns left on the row (none once it is closed).
    public var remaining: Int { closed ? 0 : max(0, maxX - x) }

    /// Whether `columns` more fit on the row.
    public func fits(_ columns: Int) -> Bool { !closed && columns <= remaining }

    /// Writes `s` whole, or its whole words that fit and `…`, closing the row. Returns false once
    /// the row is full or closed.
    @discardableResult
    public mutating func write(_ s: String, _ style: CellStyle, into canvas: inout Canvas) -> Bool {
        guard remaining > 0 else { return false }
        if DisplayWidth.of(s) <= remaining || DisplayWidth.of(String(Self.withoutTrailingBlanks(s))) <= remaining {
            x += canvas.text(s, x: x, y: y, style: style, maxWidth: remaining)
        } else {
            x += canvas.text(TextFit.fit(s, width: remaining), x: x, y: y, style: style, maxWidth: remaining)
            closed = true
        }
        return remaining > 0
    }

    /// Writes every run, or, when together they do not fit, `…` and closes the row: a label and its
    /// figure appear together or not at all.
    @discardableResult
    public mutating func group(_ runs: [(String, CellStyle)], into canvas: inout Canvas) -> Bool {
        guard remaining > 0 else { return false }
        let need = runs.reduce(0) { $0 + DisplayWidth.of($1.0) }
        guard need <= remaining else {
            ellipsis(runs.first?.1 ?? .plain, into: &canvas)
            return false
        }
        for (text, style) in runs { x += canvas.text(text, x: x, y: y, style: style, maxWidth: remaining) }
        return remaining > 0
    }

    /// Writes the first of `forms` (each a list of runs, fullest first) that fits whole; when none
    /// does, `…` and the row is closed. Returns the index of the form written.
    @discardableResult
    public mutating func first(of forms: [[(String, CellStyle)]], into canvas: inout Canvas) -> Int? {
        for (i, runs) in forms.enumerated() where fits(runs.reduce(0) { $0 + DisplayWidth.of($1.0) }) {
            group(runs, into: &canvas)
            return i
        }
        ellipsis(forms.first?.first?.1 ?? .plain, into: &canvas)
        return nil
    }

    /// Ends the row with `…` (when a column is left) and closes it; a blank keeps it off a figure
    /// just written, where there is room for one, so `32 …` is not read as a cut `32…`.
    public mutating func ellipsis(_ style: CellStyle, into canvas: inout Canvas) {
        guard !closed else { return }
        let touching = x > minX && x - 1 < canvas.width && y >= 0 && y < canvas.height && canvas[x - 1, y].glyph != " "
        let mark = touching && maxX - x >= 2 ? " " + TextFit.ellipsis : TextFit.ellipsis
        if x < maxX { x += canvas.text(mark, x: x, y: y, style: style, maxWidth: maxX - x) }
        closed = true
    }

    static func withoutTrailingBlanks(_ s: String) -> Substring {
        var out = Substring(s)
        while out.last == " " { out = out.dropLast() }
        return out
    }

    /// Writes one glyph.
    public mutating func put(_ g: Unicode.Scalar, _ style: CellStyle, into canvas: inout Canvas) {
        guard remaining > 0 else { return }
        canvas.put(g, x: x, y: y, style: style)
        x += 1
    }

    /// Skips `n` columns.
    public mutating func skip(_ n: Int) { x = min(maxX, x + n) }

    /// Moves to column `col` relative to the row start, if that is to the right.
    public mutating func tab(to col: Int) { x = min(maxX, max(x, minX + col)) }
}
