import FleetSim

/// The events list as a dashboard panel: its box (or the box it is merged into) is registered for
/// the wheel; the up and down keys scroll it while it has the focus, and `/` filters it.
extension EventsPanel: Panel {
    static var id: PanelID { .events }
    static var role: ThemeColor { .eventsBox }

    static func drawBox(_ s: Snapshot, rect: Rect, state: DashboardState, ctx: PanelContext, into canvas: inout Canvas,
                        frame: inout FrameLayout) {
        frame.eventRows = max(0, rect.height - 2)
        frame.eventCount = draw(into: &canvas, s, rect: rect, ctx: ctx, filter: state.eventFilter, scroll: state.eventScroll,
                                editingFilter: state.editingFilter && state.filterTarget == .events)
    }

    static func drawSection(_ s: Snapshot, inner: Rect, state: DashboardState, ctx: PanelContext, into canvas: inout Canvas,
                            frame: inout FrameLayout) {
        let events = visibleEvents(s, filter: state.eventFilter)
        frame.eventRows = inner.height
        frame.eventCount = events.count
        content(into: &canvas, events: events, inner: inner, ctx: ctx, filter: state.eventFilter,
                top: max(0, min(state.eventScroll, events.count - inner.height)))
    }

    static func handle(_ action: KeyAction, app: DashboardApp) -> [DashboardAction]? {
        switch action {
        case .selectUp: app.scrollEvents(by: -1)
        case .selectDown: app.scrollEvents(by: 1)
        case .selectLeft, .selectRight: break
        case .filter:
            app.state.editingFilter = true
            app.state.filterTarget = .events
            app.state.eventScroll = 0
        default: return nil
        }
        return [.redraw]
    }
}
