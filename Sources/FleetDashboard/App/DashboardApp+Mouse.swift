import FleetSim

/// Mouse input: the wheel scrolls lists and moves the map selection, a click focuses a panel and
/// selects what it hits, a double click drills down.
extension DashboardApp {
    func handleMouse(_ m: MouseEvent) -> [DashboardAction] {
        guard state.modal == nil, let layout = renderer.layout else { return [] }
        if state.view != .dashboard {
            switch m.action {
            case .wheelUp: return perform(.selectUp)
            case .wheelDown: return perform(.selectDown)
            default: return []
            }
        }
        switch m.action {
        case .wheelUp, .wheelDown:
            if let p = layout.placement(atX: m.x, y: m.y), p.id == .events || p.guests.contains(.events) {
                scrollEvents(by: m.action == .wheelUp ? -3 : 3)
            } else if let s = snapshot, let geo = renderer.mapGeometry, geo.area.contains(x: m.x, y: m.y) {
                state.selection = geo.move(state.selection, dx: 0, dy: m.action == .wheelUp ? -1 : 1, in: s)
            }
            return [.redraw]
        case .click, .press, .doubleClick:
            guard let p = layout.placement(atX: m.x, y: m.y) else { return [] }
            state.focus = p.id
            if p.id == .map, let geo = renderer.mapGeometry, let item = geo.item(atX: m.x, y: m.y) {
                state.selection = item
                if m.action == .doubleClick { drillDown() }
            }
            return [.redraw]
        case .release:
            return []
        }
    }
}
