import FleetSim

/// The rows of one table view, as cells and sort keys, built from a snapshot.
public struct TableModel: Sendable {
    /// A column: its title, the width its widest cell needs, right alignment for figures, and how
    /// long it survives a narrow screen (higher stays longer; the first column always stays).
    public struct Column: Sendable, Equatable {
        public var title: String
        public var alignRight: Bool
        public var priority: Int
        public init(_ title: String, right: Bool = false, priority: Int) {
            self.title = title; self.alignRight = right; self.priority = priority
        }
    }

    /// What a row stands for, so Enter and `r` can act on it.
    public enum Target: Sendable, Equatable {
        case rack(Int)
        case gpu(rack: Int, index: Int)
        case fault(Int)
        case place(MapSelection)
        case none
    }

    /// One sortable value.
    public enum Key: Sendable, Comparable {
        case number(Double)
        case text(String)
    }

    /// One row: its cells (one per column), sort keys, the colour role of its state cell, and target.
    public struct Row: Sendable {
        public var cells: [String]
        public var keys: [Key]
        public var role: ThemeColor
        public var target: Target
        public init(cells: [String], keys: [Key], role: ThemeColor = .mainForeground, target: Target = .none) {
            self.cells = cells; self.keys = keys; self.role = role; self.target = target
        }
    }

    public var columns: [Column]
    public var rows: [Row]
    /// Said above the rows, e.g. "racks 1–24 of metro-edge (4,096 GPUs at most per view)".
    public var note: String
    /// Said instead of rows when there are none.
    public var empty: String

    public init(columns: [Column], rows: [Row], note: String = "", empty: String = "nothing to show") {
        self.columns = columns; self.rows = rows; self.note = note; self.empty = empty
    }

    /// The rows that pass `state.filter`, sorted by its column and order (ties keep their order).
    public func visibleRows(_ state: TableState) -> [Row] {
        let words = state.filter.lowercased().split(separator: " ").map(String.init)
        let kept = words.isEmpty ? rows : rows.filter { row in
            let text = row.cells.joined(separator: " ").lowercased()
            return words.allSatisfy { text.contains($0) }
        }
        let c = max(0, min(state.sortColumn, columns.count - 1))
        return kept.enumerated().sorted { a, b in
            let ka = c < a.element.keys.count ? a.element.keys[c] : .text("")
            let kb = c < b.element.keys.count ? b.element.keys[c] : .text("")
            if ka != kb { return state.descending ? kb < ka : ka < kb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
