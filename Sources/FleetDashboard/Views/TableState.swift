/// Where a table view stands: its sort column and order, its filter, its cursor and the first row
/// shown. Kept per view, so switching views and back finds the table as it was left.
public struct TableState: Sendable, Equatable {
    /// Index into the view's columns.
    public var sortColumn: Int
    public var descending: Bool
    /// Case-insensitive words every shown row must contain (in any of its cells).
    public var filter = ""
    /// The highlighted row, among the rows that pass the filter, in sorted order.
    public var cursor = 0
    /// The first row drawn.
    public var top = 0

    public init(sortColumn: Int = 0, descending: Bool = false) {
        self.sortColumn = sortColumn; self.descending = descending
    }

    /// Keeps the cursor within `count` rows and on screen in a list of `rows` lines.
    public mutating func clamp(count: Int, rows: Int) {
        cursor = max(0, min(cursor, count - 1))
        if cursor < top { top = cursor }
        if rows > 0, cursor >= top + rows { top = cursor - rows + 1 }
        top = max(0, min(top, max(0, count - rows)))
    }
}
