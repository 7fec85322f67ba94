/// The result of laying out one screen: bars, panel boxes, and what had to give way.
public struct ScreenLayout: Sendable, Hashable {
    /// Set when the terminal is below the absolute floor: draw `TooSmallScreen` instead.
    public struct TooSmall: Sendable, Hashable {
        public var needWidth: Int, needHeight: Int
        public var haveWidth: Int, haveHeight: Int
        public init(needWidth: Int, needHeight: Int, haveWidth: Int, haveHeight: Int) {
            self.needWidth = needWidth; self.needHeight = needHeight
            self.haveWidth = haveWidth; self.haveHeight = haveHeight
        }
    }

    /// The screen size laid out.
    public var width: Int
    public var height: Int
    /// The header bar (top row) and key bar (bottom row); nil when too small.
    public var header: Rect?
    public var footer: Rect?
    /// Panel boxes in reading order (the focus order for Tab).
    public var placements: [PanelPlacement]
    /// Panels of the preset that did not fit and were neither shown nor merged.
    public var dropped: [PanelID]
    public var tooSmall: TooSmall?
    /// Rows kept free above the key bar for a drill's check line and a story's narration, so
    /// neither covers a panel's border (nil when nothing is reserved).
    public var reserved: Rect?

    /// The box a panel is drawn in: its own, or its host's when merged.
    public func placement(of id: PanelID) -> PanelPlacement? {
        placements.first { $0.id == id || $0.guests.contains(id) }
    }

    /// The box under a screen cell (for mouse clicks).
    public func placement(atX x: Int, y: Int) -> PanelPlacement? {
        placements.first { $0.frame.contains(x: x, y: y) }
    }

    /// Panels visible in any form, own box or merged, in reading order.
    public var visiblePanels: [PanelID] { placements.flatMap { [$0.id] + $0.guests } }
}
