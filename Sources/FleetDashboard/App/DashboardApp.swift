import FleetSim

/// The live dashboard as the terminal loop sees it: `handle` turns input into state changes and
/// actions (quit, commands for the runner, theme or refresh changes), `render` draws the latest
/// snapshot into a Canvas. No terminal, no clock, no threads: tests drive it directly.
public final class DashboardApp {
    public var state: DashboardState
    public var keymap: Keymap
    /// Themes `t` cycles through, in order; `state.themeIndex` points into it.
    public var themes: [Theme]
    public var glyphs: GlyphSet
    public var graph: GraphStyle
    public let renderer = FrameRenderer()
    /// The snapshot of the last frame: what selections, menus and speed changes refer to.
    public private(set) var snapshot: Snapshot?
    /// The fleet's structure, when the host has it: injections are checked against it before the
    /// confirm dialog, which then states their scope in numbers.
    public var topology: Topology?
    /// The drill, story or replay running, if any: its keys come first and it dresses each frame.
    public var presenter: ScenarioPresenter?
    /// The host's newest snapshot, which may be ahead of the frame on screen (the runner's); nil
    /// leaves `newestSnapshot` at the last frame's.
    public var latestSnapshot: (() -> Snapshot?)?

    public init(themes: [Theme], glyphs: GlyphSet = .unicode, graph: GraphStyle? = nil, keymap: Keymap = .defaults,
                readOnly: Bool = false, refreshMilliseconds: Int = 500, presetName: String = LayoutPreset.overview.name) {
        self.themes = themes.isEmpty ? [.monochrome] : themes
        self.glyphs = glyphs
        self.graph = graph ?? glyphs.defaultGraph
        self.keymap = keymap
        state = DashboardState(presetName: presetName, readOnly: readOnly, refreshMilliseconds: refreshMilliseconds)
    }

    /// The theme in force.
    public var theme: Theme { themes[max(0, min(state.themeIndex, themes.count - 1))] }

    /// Draws a whole frame of `snapshot` at `width`×`height`.
    public func render(snapshot: Snapshot, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        render(snapshot: snapshot, into: &canvas)
        return canvas
    }

    /// The newest snapshot there is: the host's, else the last frame's.
    public var newestSnapshot: Snapshot? { latestSnapshot?() ?? snapshot }

    /// Draws a whole frame into an existing canvas (its size is the screen size), reusing its storage;
    /// a running scenario first dresses the state for it.
    public func render(snapshot: Snapshot, into canvas: inout Canvas) {
        presenter?.update(&state, snapshot: snapshot, keymap: keymap, ascii: glyphs.isASCII)
        self.snapshot = snapshot
        if let sel = state.selection, !sel.isValid(in: snapshot) { state.selection = nil }
        if state.requestedSpeed == snapshot.clock.speed { state.requestedSpeed = nil }
        state.frame = renderer.render(snapshot, state: state, theme: theme, glyphs: glyphs, graph: graph, keymap: keymap, into: &canvas)
    }

    /// Applies one input event; returns what the host must do.
    public func handle(_ event: InputEvent) -> [DashboardAction] {
        switch event {
        case .resize: return [.redraw]
        case .mouse(let m): return handleMouse(m)
        case .paste(let text):
            if let presenter, state.modal == nil, !state.editingFilter, presenter.paste(text) { return [.redraw] }
            return paste(text)
        case .key(let k):
            state.message = nil
            if state.modal != nil { return screened(handleModal(k)) }
            if state.editingFilter { return handleFilter(k) }
            if let presenter {
                if let taken = presenter.intercept(k, app: self) { return screened(taken + [.redraw]) }
                if let layer = presenter.keys?.layer, let action = keymap.action(for: k, in: layer) {
                    return screened(presenter.perform(action, app: self) + [.redraw])
                }
            }
            guard let action = keymap.action(for: k) else { return [] }
            if let reason = presenter?.refusal(of: action) {
                state.say(reason, error: true)
                return [.redraw]
            }
            return screened(perform(action))
        }
    }

    /// `actions` without the commands the running scenario refuses (the key bar says why).
    func screened(_ actions: [DashboardAction]) -> [DashboardAction] {
        guard let presenter else { return actions }
        return actions.filter { action in
            guard case .send(let command) = action, let reason = presenter.refusal(of: command) else { return true }
            state.say(reason, error: true)
            return false
        }
    }

    // MARK: - Keys

    /// Does what a bound key asks.
    public func perform(_ action: KeyAction) -> [DashboardAction] {
        if state.view != .dashboard, let handled = performInView(action) { return handled }
        if let focus = focusedPanel, let handled = Panels.table(focus)?.handle(action, app: self) { return handled }
        switch action {
        case .help: state.modal = .help(HelpOverlay())
        case .quit: return [.quit]
        case .palette:
            state.palette.reset()
            state.modal = .palette
        case .filter:
            state.editingFilter = true
            state.filterTarget = .events
            state.eventScroll = 0
        case .pause:
            return [.send(snapshot?.clock.paused == true ? .clock(.resume) : .clock(.pause)), .redraw]
        case .step: return [.send(.clock(.step))]
        case .speedUp, .speedDown:
            let next = Self.nextSpeed(from: state.requestedSpeed ?? snapshot?.clock.speed ?? .times(1), up: action == .speedUp)
            state.requestedSpeed = next
            return [.send(.clock(.speed(next)))]
        case .refreshSlower, .refreshFaster:
            let ms = Self.nextRefresh(from: state.refreshMilliseconds, slower: action == .refreshSlower)
            state.refreshMilliseconds = ms
            state.say("refresh every \(ms) ms")
            return [.refreshChanged(milliseconds: ms), .redraw]
        case .focusNext, .focusPrevious: cycleFocus(forward: action == .focusNext)
        case .selectUp: arrow(dx: 0, dy: -1)
        case .selectDown: arrow(dx: 0, dy: 1)
        case .selectLeft: arrow(dx: -1, dy: 0)
        case .selectRight: arrow(dx: 1, dy: 0)
        case .drillDown: drillDown()
        case .back: back()
        case .scrollUp: scrollEvents(by: -max(1, state.frame?.eventRows ?? 0))
        case .scrollDown: scrollEvents(by: max(1, state.frame?.eventRows ?? 0))
        case .fault, .surge:
            guard !refuseInReadOnly(), let s = snapshot else { break }
            state.modal = .wizard(InjectionWizard(flow: action == .fault ? .fault : .surge, snapshot: s, selection: state.selection))
        case .repair:
            guard !refuseInReadOnly(), let s = snapshot else { break }
            guard let sel = state.selection else {
                state.say("select a rack, hall or site to repair first (R repairs everything)")
                break
            }
            confirm(.repair(sel.selector(in: s)))
        case .repairAll:
            guard !refuseInReadOnly() else { break }
            confirm(.repair(nil))
        case .mapMetric: state.metric = state.metric.next
        case .theme:
            state.themeIndex = (state.themeIndex + 1) % themes.count
            state.say("theme " + theme.name)
            return [.themeChanged(index: state.themeIndex, name: theme.name), .redraw]
        case .preset:
            state.presetName = LayoutPreset.next(after: state.presetName).name
            state.expanded = nil
            state.say("layout " + state.presetName)
        case .expand:
            let focus = focusedPanel ?? state.focus
            state.expanded = state.expanded == nil ? focus : nil
            state.focus = focus
        case .viewDashboard, .viewRacks, .viewGPUs, .viewAlerts, .viewFaults, .viewLatency:
            return show(Self.view(for: action))
        case .sortNext, .sortReverse:
            state.say("sorting applies to the tables: 2 racks, 3 GPUs, 4 alerts, 5 faults")
        case .jump:
            state.modal = .jump(JumpPrompt())
        case .latencyWindow:
            state.latencyWindow = state.latencyWindow.next
            state.say("latency history window " + state.latencyWindow.label)
        case .saveFrame:
            return [.saveFrame, .redraw]
        case .storyNext, .storyPrevious, .storyAuto, .replayBack, .replayForward, .replayBackMinute, .replayForwardMinute,
             .replayStart, .replayEnd, .replaySeek:
            return []
        }
        return [.redraw]
    }

    static func view(for action: KeyAction) -> DashboardView {
        switch action {
        case .viewRacks: .racks
        case .viewGPUs: .gpus
        case .viewAlerts: .alerts
        case .viewFaults: .faults
        case .viewLatency: .latency
        default: .dashboard
        }
    }

    /// Switches the body to `view`, asking for per-GPU figures while the GPU table shows.
    func show(_ view: DashboardView) -> [DashboardAction] {
        let was = state.view
        state.view = view
        state.expanded = nil
        if view == .gpus { return [.watchGPUs(gpuScope()), .redraw] }
        return was == .gpus ? [.watchGPUs(nil), .redraw] : [.redraw]
    }

    /// The racks the GPU table covers: the selection's (a rack, a hall, a site), else the whole fleet
    /// (the simulation cuts it to `GPUDetail.limit` GPUs).
    public func gpuScope() -> Range<Int> {
        guard let s = snapshot else { return 0..<0 }
        switch state.selection {
        case .rack(let r)?: return r..<(r + 1)
        case .hall(let h)?: return s.halls[h].racks
        case .site(let i)?: return s.sites[i].racks
        case nil: return 0..<s.racks.count
        }
    }

    /// The rows of the table on screen as drawn (filtered, sorted), and its state.
    func tableRows() -> (rows: [TableModel.Row], state: TableState)? {
        guard let s = snapshot, let model = renderer.tableModel(state.view, s, deg: glyphs.degree) else { return nil }
        var st = state.table(state.view)
        let rows = model.visibleRows(st)
        st.clamp(count: rows.count, rows: max(1, state.frame?.tableRows ?? 0))
        return (rows, st)
    }

    /// Keys that mean something else in a table or list view; nil lets the dashboard's meaning apply.
    private func performInView(_ action: KeyAction) -> [DashboardAction]? {
        let view = state.view
        switch action {
        case .selectUp, .selectDown, .scrollUp, .scrollDown:
            guard view.isTable, let (rows, current) = tableRows() else { return [.redraw] }
            var st = current
            let page = max(1, state.frame?.tableRows ?? 0)
            let step = action == .selectUp ? -1 : (action == .selectDown ? 1 : (action == .scrollUp ? -page : page))
            st.cursor = max(0, min(rows.count - 1, st.cursor + step))
            st.clamp(count: rows.count, rows: page)
            state.tables[view] = st
            return [.redraw]
        case .selectLeft, .selectRight, .focusNext, .focusPrevious, .expand, .preset:
            return [.redraw]
        case .sortNext, .sortReverse:
            guard view.isTable, let s = snapshot, let model = renderer.tableModel(view, s, deg: glyphs.degree) else { return [.redraw] }
            var st = state.table(view)
            if action == .sortNext {
                st.sortColumn = (st.sortColumn + 1) % max(1, model.columns.count)
                st.descending = model.rows.first.map { row in
                    if case .number = row.keys[st.sortColumn] { true } else { false }
                } ?? false
            } else {
                st.descending.toggle()
            }
            st.cursor = 0; st.top = 0
            state.tables[view] = st
            return [.redraw]
        case .filter:
            guard view.isTable else { return nil }
            state.editingFilter = true
            state.filterTarget = .table
            return [.redraw]
        case .back:
            if view.isTable, !state.table(view).filter.isEmpty {
                state.tables[view]?.filter = ""
                return [.redraw]
            }
            return show(.dashboard)
        case .drillDown:
            guard view.isTable, let (rows, st) = tableRows(), st.cursor < rows.count else { return [.redraw] }
            switch rows[st.cursor].target {
            case .rack(let r), .gpu(let r, _): return select(.rack(r))
            case .place(let p): return select(p)
            case .fault(let id):
                if let f = snapshot?.activeFaults.first(where: { $0.id == id }), let s = snapshot,
                   let place = JumpPrompt.resolve(f.target, in: s) {
                    return select(place)
                }
                state.say("r repairs this fault; Esc goes back")
            case .none: break
            }
            return [.redraw]
        case .repair:
            guard view.isTable, let s = snapshot else { return nil }
            guard !refuseInReadOnly() else { return [.redraw] }
            guard let (rows, st) = tableRows(), st.cursor < rows.count else { return [.redraw] }
            switch rows[st.cursor].target {
            case .fault(let id): confirm(.repair(TargetSelector(fault: id)))
            case .rack(let r): confirm(.repair(MapSelection.rack(r).selector(in: s)))
            case .gpu(let r, let g):
                var sel = MapSelection.rack(r).selector(in: s)
                sel.gpu = g
                confirm(.repair(sel))
            case .place(let p): confirm(.repair(p.selector(in: s)))
            case .none: state.say("nothing to repair on this line")
            }
            return [.redraw]
        default:
            return nil
        }
    }

    /// Selects `place` on the map and shows the dashboard, the map drilled down so it is visible.
    func select(_ place: MapSelection) -> [DashboardAction] {
        guard let s = snapshot else { return [.redraw] }
        state.selection = place
        state.drillPath = []
        if case .rack(let r) = place, state.frame?.map?.level == .halls || state.frame?.map == nil,
           s.racks.count > 0, Int(s.racks.hall[r]) < s.halls.count {
            state.drillPath = [.hall(Int(s.racks.hall[r]))]
        }
        state.say("selected " + place.path(in: s))
        return show(.dashboard)
    }

    /// The confirm dialog for `command`, its scope worked out against the fleet, or the reason the
    /// fleet refuses it (an unknown site, a rack out of range, a tag that covers nothing).
    public func check(_ command: SimCommand) -> Result<ConfirmDialog, CheckFailure> {
        if case .fleet(.repair(let sel?)) = command, let id = sel.fault, let s = snapshot {
            guard let f = s.activeFaults.first(where: { $0.id == id }) else {
                let open = s.activeFaults.map { "#\($0.id)" }.joined(separator: ", ")
                return .failure(CheckFailure(message: "no active fault #\(id) (" + (open.isEmpty ? "no fault is active" : "active: " + open) + ")"))
            }
            var d = InjectionSummary.dialog(for: command)
            d.lines.insert("ends \(f.kind.rawValue) \(f.target), active since \(NumberFormat.simClock(f.sinceSeconds)); other faults stay", at: 1)
            return .success(d)
        }
        guard let topology else { return .success(InjectionSummary.dialog(for: command)) }
        do {
            let scope = try CommandScope.of(command, in: topology)
            return .success(InjectionSummary.dialog(for: command, scope: scope))
        } catch {
            return .failure(CheckFailure(message: "\(error)"))
        }
    }

    /// Why the fleet refuses a command.
    public struct CheckFailure: Error, Equatable { public var message: String }

    /// Opens the confirm dialog for `command`, or says why the fleet refuses it.
    func confirm(_ command: FleetCommand) {
        switch check(.fleet(command)) {
        case .success(let d): state.modal = .confirm(d)
        case .failure(let f): state.modal = nil; state.say(f.message, error: true)
        }
    }

    func refuseInReadOnly() -> Bool {
        guard state.readOnly else { return false }
        state.say("read-only: injections are off (started with --read-only)", error: true)
        return true
    }

    // MARK: - Navigation

    /// The panel that has the focus in the last frame: the focused one if it has its own box, else
    /// the first box (nil before the first frame).
    var focusedPanel: PanelID? { state.frame.flatMap { FrameRenderer.effectiveFocus(state.focus, layout: $0.screen) } }

    private func cycleFocus(forward: Bool) {
        guard let ids = state.frame?.screen.placements.map(\.id), !ids.isEmpty else { return }
        let current = ids.firstIndex(of: state.focus) ?? 0
        state.focus = ids[(current + (forward ? 1 : ids.count - 1)) % ids.count]
    }

    /// The arrows move the map's selection unless the focused panel takes them.
    private func arrow(dx: Int, dy: Int) {
        guard let s = snapshot, let geo = state.frame?.map else { return }
        state.selection = geo.move(state.selection, dx: dx, dy: dy, in: s)
    }

    func scrollEvents(by n: Int) {
        let maxTop = max(0, (state.frame?.eventCount ?? 0) - (state.frame?.eventRows ?? 0))
        state.eventScroll = max(0, min(maxTop, state.eventScroll + n))
    }

    /// Enter: a hall shown as one cell opens to its racks; a site or hall selected in the rack view
    /// selects its first rack.
    func drillDown() {
        guard let s = snapshot else { return }
        guard let sel = state.selection else {
            state.selection = state.frame?.map?.item(row: 0, column: 0)
            return
        }
        switch sel {
        case .hall(let h):
            if state.frame?.map?.level == .halls {
                state.drillPath.append(.hall(h))
            }
            let racks = s.halls[h].racks
            if !racks.isEmpty { state.selection = .rack(racks.lowerBound) }
        case .site(let i):
            state.drillPath.append(.site(i))
            let halls = s.sites[i].halls
            if !halls.isEmpty { state.selection = .hall(halls.lowerBound) }
        case .rack:
            state.expanded = state.expanded == .detail ? nil : .detail
        }
    }

    /// Esc: closes an expanded panel, else climbs one drill-down level, else widens the selection
    /// (rack → hall → site → none) so a whole hall or site can be targeted.
    private func back() {
        if state.expanded != nil { state.expanded = nil; return }
        if let last = state.drillPath.popLast() {
            switch last {
            case .hall(let h): state.selection = .hall(h)
            case .site(let i): state.selection = .site(i)
            case .fleet: break
            }
            return
        }
        guard let s = snapshot, let sel = state.selection else { return }
        state.selection = sel.parent(in: s)
    }
}
