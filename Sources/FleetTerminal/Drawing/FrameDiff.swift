import FleetDashboard

/// Which cells of a frame must be written, given the frame before it. Pure, so the diffing is tested
/// without a terminal. A wide glyph and its continuation cell are always written together, and so
/// are the halves of a wide glyph that a change overwrites.
public enum FrameDiff {
    /// The column spans of row `y` to write, left to right, within the first `width` columns.
    /// `previous` nil (or of another size) means everything.
    public static func spans(previous: Canvas?, current: Canvas, row y: Int, width: Int) -> [Range<Int>] {
        let w = min(width, current.width)
        guard w > 0, y >= 0, y < current.height else { return [] }
        guard let previous, previous.width == current.width, previous.height == current.height else {
            return [0..<w]
        }
        var marked = [Bool](repeating: false, count: w)
        var any = false
        for x in 0..<w where previous[x, y] != current[x, y] {
            any = true
            marked[x] = true
            if x + 1 < w, current[x + 1, y].isContinuation || previous[x + 1, y].isContinuation { marked[x + 1] = true }
            if x > 0, current[x, y].isContinuation || previous[x, y].isContinuation { marked[x - 1] = true }
        }
        guard any else { return [] }
        var result: [Range<Int>] = []
        var start: Int?
        for x in 0..<w {
            if marked[x] {
                if start == nil { start = x }
            } else if let s = start {
                result.append(s..<x)
                start = nil
            }
        }
        if let s = start { result.append(s..<w) }
        return result
    }
}
