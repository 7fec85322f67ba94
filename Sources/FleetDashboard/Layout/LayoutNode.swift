/// A preset's shape: panels arranged in nested rows (side by side) and columns (stacked), each
/// with a preferred share of its parent's space.
public indirect enum LayoutNode: Sendable, Hashable {
    case panel(PanelID, share: Int)
    /// Children side by side, left to right.
    case row([LayoutNode], share: Int)
    /// Children stacked, top to bottom.
    case column([LayoutNode], share: Int)

    /// The preferred share of the parent's space along the parent's axis.
    public var share: Int {
        switch self {
        case .panel(_, let s), .row(_, let s), .column(_, let s): max(1, s)
        }
    }

    /// Every panel in the tree, in reading order.
    public var panels: [PanelID] {
        switch self {
        case .panel(let id, _): [id]
        case .row(let children, _), .column(let children, _): children.flatMap(\.panels)
        }
    }

    /// The tree without panels outside `kept`; empty splits vanish and one-child splits collapse
    /// (the child takes the split's share).
    func pruned(keeping kept: Set<PanelID>) -> LayoutNode? {
        switch self {
        case .panel(let id, _):
            return kept.contains(id) ? self : nil
        case .row(let children, let s), .column(let children, let s):
            let rest = children.compactMap { $0.pruned(keeping: kept) }
            if rest.isEmpty { return nil }
            if rest.count == 1 { return rest[0].withShare(s) }
            if case .row = self { return .row(rest, share: s) }
            return .column(rest, share: s)
        }
    }

    func withShare(_ s: Int) -> LayoutNode {
        switch self {
        case .panel(let id, _): .panel(id, share: s)
        case .row(let c, _): .row(c, share: s)
        case .column(let c, _): .column(c, share: s)
        }
    }
}
