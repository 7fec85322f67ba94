import FleetSim

/// The map as a dashboard panel: its cells are registered for the wheel (and, in its own box, for
/// clicks), and `/` while it has the focus filters it.
extension FleetMapPanel: Panel {
    static var id: PanelID { .map }
    static var role: ThemeColor { .mapBox }

    static func drawBox(_ s: Snapshot, rect: Rect, state: DashboardState, ctx: PanelContext, into canvas: inout Canvas,
                        frame: inout FrameLayout) {
        let geo = draw(into: &canvas, s, rect: rect, ctx: ctx, scope: state.scope, selection: state.selection, metric: state.metric,
                       filter: state.mapFilter, editingFilter: state.editingFilter && state.filterTarget == .map)
        frame.map = geo
        frame.register(geo.area, .mapCells)
        frame.register(geo.area, .mapSelection)
    }

    static func drawSection(_ s: Snapshot, inner: Rect, state: DashboardState, ctx: PanelContext, into canvas: inout Canvas,
                            frame: inout FrameLayout) {
        let geo = draw(into: &canvas, s, rect: inner, ctx: ctx, scope: state.scope, selection: state.selection, metric: state.metric,
                       filter: state.mapFilter)
        frame.map = geo
        frame.register(geo.area, .mapCells)
    }

    static func handle(_ action: KeyAction, app: DashboardApp) -> [DashboardAction]? {
        guard action == .filter else { return nil }
        app.state.editingFilter = true
        app.state.filterTarget = .map
        return [.redraw]
    }
}
