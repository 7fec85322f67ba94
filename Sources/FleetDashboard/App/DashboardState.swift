import FleetSim

/// Everything the operator has chosen that is not the simulation: focus, selection, drill-down path,
/// map metric, layout, list filter and scroll, the open dialog or palette, read-only mode, theme and
/// refresh rate. A value: tests build one, act on it and compare.
public struct DashboardState: Sendable {
    /// Refresh intervals `<` / `>` walk, in milliseconds (a UI knob; `--refresh` may set any value).
    public static let refreshLadder = [100, 250, 500, 1_000, 2_000, 5_000]

    public var presetName: String
    public var focus: PanelID = .map
    /// The panel filling the body (`e`), if any.
    public var expanded: PanelID?
    public var selection: MapSelection?
    /// Drill-down path of the map, outermost first; empty shows the whole fleet.
    public var drillPath: [MapScope] = []
    public var metric: MapMetric = .temperature
    /// Case-insensitive filter of the events list (`/`).
    public var eventFilter = ""
    /// True while `/` is taking keys for the filter.
    public var editingFilter = false
    /// Events skipped from the newest.
    public var eventScroll = 0
    public var modal: DashboardModal?
    /// The palette's line and history (kept across openings).
    public var palette = CommandPalette()
    /// Injections are refused when set (`--read-only`).
    public var readOnly: Bool
    public var themeIndex = 0
    public var refreshMilliseconds: Int
    /// The speed last asked for, until a snapshot shows it: `+ + +` walks on from here, not from a
    /// snapshot taken before the runner applied the earlier presses.
    public var requestedSpeed: SimSpeed?
    /// A one-line message in the key bar until the next key.
    public var message: String?
    /// "metrics :9400" while a `--metrics-listen` endpoint serves, shown at the header's right.
    public var metricsIndicator: String?
    public var messageIsError = false
    /// A running drill or story step for the header ("drill: metro cooling loss · step 2/4").
    public var scenario: String?
    /// What a running drill, story or replay draws over the panels (highlight, caption, checks, summary).
    public var scenarioView: ScenarioView?
    /// What the last frame drawn means for input (layout, click regions, map geometry, list
    /// extents); nil before the first frame.
    public var frame: FrameLayout?
    /// The keys of the running scenario, listed in the help after the dashboard's (nil: none).
    public var scenarioKeys: KeyAction.Group?
    /// The body: the panel dashboard or a full-screen table or list (`1`…`6`).
    public var view: DashboardView = .dashboard
    /// Each table view's sort, filter and cursor, kept while other views are shown.
    public var tables: [DashboardView: TableState] = [:]
    /// How far back the latency history view looks (`W`).
    public var latencyWindow: LatencyWindow = .fiveMinutes
    /// The fleet map's filter (`/` with the map focused).
    public var mapFilter = ""
    /// What `/` is editing while `editingFilter` is set.
    public var filterTarget: FilterTarget = .events

    /// The list a `/` filter applies to.
    public enum FilterTarget: Sendable, Equatable { case events, map, table }

    /// A table view's state (its initial sort until it has been used).
    public func table(_ view: DashboardView) -> TableState { tables[view] ?? ViewTables.initialState(view) }

    public init(presetName: String = LayoutPreset.overview.name, readOnly: Bool = false, refreshMilliseconds: Int = 500) {
        self.presetName = presetName; self.readOnly = readOnly; self.refreshMilliseconds = refreshMilliseconds
    }

    /// The map's current scope (the end of the drill-down path).
    public var scope: MapScope { drillPath.last ?? .fleet }

    /// The layout preset in force.
    public var preset: LayoutPreset { LayoutPreset.named(presetName) ?? .overview }

    /// The help's sections: the dashboard's, then the running scenario's keys.
    public var helpGroups: [KeyAction.Group] { KeyAction.Group.dashboard + (scenarioKeys.map { [$0] } ?? []) }

    /// Shows a message in the key bar.
    public mutating func say(_ text: String, error: Bool = false) { message = text; messageIsError = error }
}
