/// What a drawn frame means for input, returned by `FrameRenderer.render` and kept in
/// `DashboardState.frame`: the screen's layout, the regions a mouse event can hit (registered
/// while drawing, as btop's `mouse_mappings`), where the map put its cells, and how many rows the
/// events list and the table had. Keys and clicks are handled against this value, never against
/// what the renderer happens to hold.
public struct FrameLayout: Sendable {
    /// The screen size drawn, in cells.
    public var width: Int, height: Int
    /// Bars and panel boxes.
    public var screen: ScreenLayout
    /// Where the map put its cells (nil when the map was not drawn).
    public var map: MapGeometry?
    /// Events that passed the filter, and the rows the list had (a page for scrolling).
    public var eventCount = 0, eventRows = 0
    /// Row lines the table view had (a page for PgUp / PgDn).
    public var tableRows = 0
    /// Regions a mouse event can hit, in drawing order (the last drawn is on top).
    public private(set) var regions: [ClickRegion] = []

    /// An empty frame of `screen`, before anything is drawn.
    public init(width: Int, height: Int, screen: ScreenLayout) {
        self.width = width; self.height = height; self.screen = screen
    }

    /// Registers a region drawn at `rect`.
    public mutating func register(_ rect: Rect, _ target: ClickRegion.Target) {
        regions.append(ClickRegion(rect: rect, target: target))
    }

    /// The targets under a cell, topmost first.
    public func targets(atX x: Int, y: Int) -> [ClickRegion.Target] {
        regions.reversed().filter { $0.rect.contains(x: x, y: y) }.map(\.target)
    }

    /// The panel box under a cell, if any.
    public func box(atX x: Int, y: Int) -> PanelID? {
        for target in targets(atX: x, y: y) { if case .box(let id) = target { return id } }
        return nil
    }
}

/// A part of the screen a mouse event can hit.
public struct ClickRegion: Sendable, Equatable {
    /// What a hit there does.
    public enum Target: Sendable, Equatable {
        /// A panel's box: a click focuses the panel.
        case box(PanelID)
        /// The events list (its own box or the box it is merged into): the wheel scrolls it.
        case eventList
        /// The map's cells: the wheel moves the selection.
        case mapCells
        /// The map's cells in the map's own box: a click selects the cell, a double click drills down.
        case mapSelection
    }

    public var rect: Rect
    public var target: Target
}
