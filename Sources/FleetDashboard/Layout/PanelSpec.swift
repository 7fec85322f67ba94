/// How a panel behaves under layout pressure: what it needs, how much it matters, and how small it
/// gets when merged into another panel's box.
public struct PanelSpec: Sendable, Hashable {
    public var id: PanelID
    /// Higher survives longer: as the terminal shrinks, the lowest priority merges or drops first.
    public var priority: Int
    /// Smallest useful box, borders included.
    public var minWidth: Int
    public var minHeight: Int
    /// Content rows the panel needs when merged below another panel's content (its compact form).
    public var mergedLines: Int

    public init(id: PanelID, priority: Int, minWidth: Int, minHeight: Int, mergedLines: Int) {
        self.id = id; self.priority = priority
        self.minWidth = minWidth; self.minHeight = minHeight; self.mergedLines = mergedLines
    }

    /// The dashboard's panels. Minimums are the smallest boxes in which each panel's compact form
    /// (see DESIGN §4) still states its units: the map a few hall rows and its legend, power a row
    /// per demo site plus the fleet total, latency and traffic a row per class, events two lines.
    public static let standard: [PanelID: PanelSpec] = {
        let list = [
            PanelSpec(id: .map, priority: 90, minWidth: 30, minHeight: 7, mergedLines: 4),
            PanelSpec(id: .latency, priority: 80, minWidth: 30, minHeight: 6, mergedLines: 4),
            PanelSpec(id: .power, priority: 70, minWidth: 28, minHeight: 6, mergedLines: 3),
            PanelSpec(id: .traffic, priority: 60, minWidth: 30, minHeight: 6, mergedLines: 4),
            PanelSpec(id: .events, priority: 50, minWidth: 28, minHeight: 4, mergedLines: 2),
            PanelSpec(id: .detail, priority: 45, minWidth: 28, minHeight: 6, mergedLines: 3),
            PanelSpec(id: .thermal, priority: 40, minWidth: 28, minHeight: 5, mergedLines: 2),
            PanelSpec(id: .agentic, priority: 30, minWidth: 28, minHeight: 5, mergedLines: 2),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
    }()
}
