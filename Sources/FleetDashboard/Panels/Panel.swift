import FleetSim

/// One panel of the dashboard, as btop's boxes are: its title (`PanelID.title`) and box colour,
/// its content drawn in its own box or as a section of a shared one (registering what the mouse
/// can hit there), and the keys it takes while it has the focus. `Panels.table` lists them all;
/// the renderer and the input go through that one table.
protocol Panel {
    /// Which panel this is.
    static var id: PanelID { get }
    /// The colour of its own box.
    static var role: ThemeColor { get }
    /// The colour of a box it shares with merged guests.
    static var sharedRole: ThemeColor { get }
    /// Draws the panel in its own box filling `rect`.
    static func drawBox(_ s: Snapshot, rect: Rect, state: DashboardState, ctx: PanelContext, into canvas: inout Canvas,
                        frame: inout FrameLayout)
    /// Draws its compact content in `inner`, a section of a box it shares.
    static func drawSection(_ s: Snapshot, inner: Rect, state: DashboardState, ctx: PanelContext, into canvas: inout Canvas,
                            frame: inout FrameLayout)
    /// Takes a key action while the panel has the focus; nil leaves it to the dashboard.
    static func handle(_ action: KeyAction, app: DashboardApp) -> [DashboardAction]?
}

extension Panel {
    /// The box title.
    static var title: String { id.title }
    /// A shared box is drawn in traffic's colour unless its host says otherwise.
    static var sharedRole: ThemeColor { .trafficBox }
    static func handle(_ action: KeyAction, app: DashboardApp) -> [DashboardAction]? { nil }
}

/// A panel drawn from the snapshot alone: its box and its section need neither the dashboard's state
/// nor the frame's click regions, so both come from its `draw` and `content`.
protocol SnapshotPanel: Panel {
    /// Draws the panel in its own box filling `rect`.
    static func draw(into canvas: inout Canvas, _ s: Snapshot, rect: Rect, ctx: PanelContext)
    /// The content without the box.
    static func content(into canvas: inout Canvas, _ s: Snapshot, inner: Rect, ctx: PanelContext)
}

extension SnapshotPanel {
    static func drawBox(_ s: Snapshot, rect: Rect, state: DashboardState, ctx: PanelContext, into canvas: inout Canvas,
                        frame: inout FrameLayout) { draw(into: &canvas, s, rect: rect, ctx: ctx) }
    static func drawSection(_ s: Snapshot, inner: Rect, state: DashboardState, ctx: PanelContext, into canvas: inout Canvas,
                            frame: inout FrameLayout) { content(into: &canvas, s, inner: inner, ctx: ctx) }
}

/// The dashboard's panels, by id: the one table the frame and the input look panels up in.
enum Panels {
    /// The panel drawn for `id` (nil for the header and the key bar, which are bars, not panels).
    static func table(_ id: PanelID) -> (any Panel.Type)? {
        switch id {
        case .map: FleetMapPanel.self
        case .power: PowerPanel.self
        case .thermal: ThermalPanel.self
        case .traffic: TrafficPanel.self
        case .latency: LatencyPanel.self
        case .agentic: AgenticPanel.self
        case .events: EventsPanel.self
        case .detail: DetailPanel.self
        case .header, .footer: nil
        }
    }
}

extension PowerPanel: SnapshotPanel {
    static var id: PanelID { .power }
    static var role: ThemeColor { .powerBox }
    static var sharedRole: ThemeColor { .powerBox }
}

extension ThermalPanel: SnapshotPanel {
    static var id: PanelID { .thermal }
    static var role: ThemeColor { .thermalBox }
}

extension TrafficPanel: SnapshotPanel {
    static var id: PanelID { .traffic }
    static var role: ThemeColor { .trafficBox }
}

extension LatencyPanel: SnapshotPanel {
    static var id: PanelID { .latency }
    static var role: ThemeColor { .latencyBox }
    static var sharedRole: ThemeColor { .latencyBox }
}

extension AgenticPanel: SnapshotPanel {
    static var id: PanelID { .agentic }
    static var role: ThemeColor { .agenticBox }
}

extension DetailPanel: Panel {
    static var id: PanelID { .detail }
    static var role: ThemeColor { .detailBox }
    static func drawBox(_ s: Snapshot, rect: Rect, state: DashboardState, ctx: PanelContext, into canvas: inout Canvas,
                        frame: inout FrameLayout) { draw(into: &canvas, s, rect: rect, ctx: ctx, selection: state.selection) }
    static func drawSection(_ s: Snapshot, inner: Rect, state: DashboardState, ctx: PanelContext, into canvas: inout Canvas,
                            frame: inout FrameLayout) { content(into: &canvas, s, inner: inner, ctx: ctx, selection: state.selection) }
}
