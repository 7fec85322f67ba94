/// Arranges the help's lines into columns: whole groups per column, as few columns as fit the
/// height, never narrower than `minColumnWidth`. Pure, for the overlay and its tests.
public struct HelpLayout: Sendable, Equatable {
    /// One line of help: a group heading, or a binding (keys label and what it does).
    public enum Line: Sendable, Equatable {
        case heading(String)
        case binding(keys: String, summary: String)
    }

    /// Lines per column, left to right.
    public var columns: [[Line]]
    public var columnWidth: Int
    /// Width of the keys field in every column.
    public var keyWidth: Int
    /// Rows the tallest column needs.
    public var rows: Int { columns.map(\.count).max() ?? 0 }

    public static let minColumnWidth = 30
    public static let gap = 2

    /// The help's lines, grouped as `KeyAction.Group`, every action with the keys `keymap` binds.
    public static func lines(keymap: Keymap, ascii: Bool, readOnly: Bool) -> [[Line]] {
        KeyAction.Group.allCases.map { group in
            let title = group == .injection && readOnly ? "Injections (off: read-only)" : group.title
            return [.heading(title)] + KeyAction.allCases.filter { $0.group == group }.map {
                .binding(keys: keymap.label(for: $0, ascii: ascii), summary: $0.summary)
            }
        }
    }

    /// Packs `groups` into at most as many columns as `width` allows, using the fewest columns whose
    /// tallest is no taller than `height` (or the most columns, when none fits: the overlay scrolls).
    public static func arrange(_ groups: [[Line]], width: Int, height: Int) -> HelpLayout {
        let keyWidth = min(12, groups.joined().reduce(0) { w, line in
            if case .binding(let keys, _) = line { return max(w, DisplayWidth.of(keys)) }
            return w
        })
        let maxColumns = max(1, (width + gap) / (minColumnWidth + gap))
        var best: [[Line]] = [groups.flatMap { $0 }]
        for n in 1...maxColumns {
            let packed = pack(groups, into: n)
            best = packed
            if (packed.map(\.count).max() ?? 0) <= height { break }
        }
        let columnWidth = best.count > 0 ? (width - gap * (best.count - 1)) / best.count : width
        return HelpLayout(columns: best, columnWidth: max(0, columnWidth), keyWidth: keyWidth)
    }

    /// Splits groups, in order, into at most `n` columns, balancing the tallest column.
    static func pack(_ groups: [[Line]], into n: Int) -> [[Line]] {
        let total = groups.reduce(0) { $0 + $1.count }
        var limit = (total + n - 1) / n
        while true {
            var columns: [[Line]] = [[]]
            for group in groups {
                if !columns[columns.count - 1].isEmpty && columns[columns.count - 1].count + group.count > limit {
                    columns.append([])
                }
                columns[columns.count - 1].append(contentsOf: group)
            }
            if columns.count <= n { return columns }
            limit += 1
        }
    }
}
