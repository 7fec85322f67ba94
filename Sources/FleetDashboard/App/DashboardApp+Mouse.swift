import FleetSim

/// Mouse input: the wheel scrolls lists and moves the map selection, a click focuses a panel and
/// selects what it hits, a double click drills down.
extension DashboardApp {
    func handleMouse(_ m: MouseEvent) -> [DashboardAction] {
        guard state.modal == nil, let frame = state.frame else { return [] }
        if state.view != .dashboard {
            switch m.action {
            case .wheelUp: return perform(.selectUp)
            case .wheelDown: return perform(.selectDown)
            default: return []
            }
        }
        let targets = frame.targets(atX: m.x, y: m.y)
        switch m.action {
        case .wheelUp, .wheelDown:
            if targets.contains(.eventList) {
                scrollEvents(by: m.action == .wheelUp ? -3 : 3)
            } else if targets.contains(.mapCells), let s = snapshot, let geo = frame.map {
                state.selection = geo.move(state.selection, dx: 0, dy: m.action == .wheelUp ? -1 : 1, in: s)
            }
            return [.redraw]
        case .click, .press, .doubleClick:
            guard let id = frame.box(atX: m.x, y: m.y) else { return [] }
            state.focus = id
            if targets.contains(.mapSelection), let item = frame.map?.item(atX: m.x, y: m.y) {
                state.selection = item
                if m.action == .doubleClick { drillDown() }
            }
            return [.redraw]
        case .release:
            return []
        }
    }
}
