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
    /// Width of every column, keys field included.
    public var columnWidth: Int
    /// Width of the keys field in every column.
    public var keyWidth: Int
    /// Rows the tallest column needs.
    public var rows: Int { columns.map(\.count).max() ?? 0 }

    /// Narrowest column before the overlay scrolls instead (keys, a space, a readable summary).
    public static let minColumnWidth = 30
    /// Blank columns between help columns.
    public static let gap = 2

    /// Actions shown on one line when each has exactly one key: the arrows, the view digits and
    /// the two sort keys, so the whole help still fits 80×24.
    public static let combined: [(actions: [KeyAction], summary: String)] = [
        ([.selectUp, .selectDown, .selectLeft, .selectRight], "move the selection or cursor"),
        ([.viewDashboard, .viewRacks, .viewGPUs], "dashboard, racks, GPUs"),
        ([.viewAlerts, .viewFaults, .viewLatency], "alerts, faults, latency"),
        ([.sortNext, .sortReverse], "sort by next column / reverse"),
    ]

    /// The help's lines, grouped as `KeyAction.Group` (`groups`: the dashboard's, and a running
    /// scenario's), every action with the keys `keymap` binds (a `combined` set on one line, its keys
    /// in order, when each of them has one key).
    public static func lines(keymap: Keymap, ascii: Bool, readOnly: Bool,
                             groups: [KeyAction.Group] = KeyAction.Group.dashboard) -> [[Line]] {
        groups.map { group in
            let title = group == .injection && readOnly ? "Injections (off: read-only)" : group.title
            var out: [Line] = [.heading(title)]
            var done: Set<KeyAction> = []
            for action in KeyAction.allCases where action.group == group && !done.contains(action) {
                if let set = combined.first(where: { $0.actions.contains(action) }),
                   set.actions.allSatisfy({ keymap.keys(for: $0).count == 1 }) {
                    let keys = set.actions.map { keymap.label(for: $0, ascii: ascii) }
                    let digits = keys.compactMap { $0.count == 1 ? Int($0) : nil }
                    let run = digits.count == keys.count && keys.count > 2 && zip(digits, digits.dropFirst()).allSatisfy { $1 == $0 + 1 }
                    let joined = run ? "\(digits[0])-\(digits[digits.count - 1])"
                        : (keys.allSatisfy { $0.count == 1 } ? keys.joined() : keys.joined(separator: " "))
                    out.append(.binding(keys: joined, summary: set.summary))
                    done.formUnion(set.actions)
                } else {
                    out.append(.binding(keys: keymap.label(for: action, ascii: ascii), summary: action.summary))
                }
            }
            return out
        }
    }

    /// Packs `groups` into columns for a `width`×`height` area: as many columns as fit at their
    /// natural width (keys plus the longest summary), up to one per group, so the box is wide
    /// rather than tall; more and narrower ones (down to `minColumnWidth`) when that is too tall.
    /// When nothing fits, the most columns that do fit: the overlay scrolls.
    public static func arrange(_ groups: [[Line]], width: Int, height: Int) -> HelpLayout {
        var keyWidth = 0, summaryWidth = 0
        for line in groups.joined() {
            if case .binding(let keys, let summary) = line {
                keyWidth = max(keyWidth, DisplayWidth.of(keys))
                summaryWidth = max(summaryWidth, DisplayWidth.of(summary))
            }
        }
        keyWidth = min(12, keyWidth)
        let natural = keyWidth + 1 + summaryWidth
        let maxColumns = max(1, min(groups.count, (width + gap) / (minColumnWidth + gap)))
        let preferred = max(1, min(maxColumns, (width + gap) / (natural + gap)))
        var best: [[Line]] = pack(groups, into: preferred)
        var n = preferred
        while (best.map(\.count).max() ?? 0) > height && n < maxColumns {
            n += 1
            best = pack(groups, into: n)
        }
        let columns = max(1, best.count)
        let columnWidth = min(natural, (width - gap * (columns - 1)) / columns)
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
