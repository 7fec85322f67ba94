/// Writes styled runs left to right along one row, clipped to a width: the building block of panel lines.
public struct LineWriter {
    public let y: Int
    public let minX: Int
    public let maxX: Int
    /// The next column to write.
    public private(set) var x: Int

    /// A writer for row `y` of `rect` (row index relative to the rectangle).
    public init(_ rect: Rect, row: Int) {
        y = rect.y + row; minX = rect.x; maxX = rect.maxX; x = rect.x
    }

    /// Columns left on the row.
    public var remaining: Int { max(0, maxX - x) }

    /// Writes `s`; returns false once the row is full.
    @discardableResult
    public mutating func write(_ s: String, _ style: CellStyle, into canvas: inout Canvas) -> Bool {
        guard remaining > 0 else { return false }
        x += canvas.text(s, x: x, y: y, style: style, maxWidth: remaining)
        return remaining > 0
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
