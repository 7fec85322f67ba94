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

    /// Draws a whole frame into an existing canvas (its size is the screen size), reusing its storage.
    public func render(snapshot: Snapshot, into canvas: inout Canvas) {
        self.snapshot = snapshot
        if let sel = state.selection, !sel.isValid(in: snapshot) { state.selection = nil }
        if state.requestedSpeed == snapshot.clock.speed { state.requestedSpeed = nil }
        renderer.render(snapshot, state: state, theme: theme, glyphs: glyphs, graph: graph, keymap: keymap, into: &canvas)
    }

    /// Applies one input event; returns what the host must do.
    public func handle(_ event: InputEvent) -> [DashboardAction] {
        switch event {
        case .resize: return [.redraw]
        case .mouse(let m): return handleMouse(m)
        case .key(let k):
            state.message = nil
            if state.modal != nil { return handleModal(k) }
            if state.editingFilter { return handleFilter(k) }
            guard let action = keymap.action(for: k) else { return [] }
            return perform(action)
        }
    }

    // MARK: - Keys

    /// Does what a bound key asks.
    public func perform(_ action: KeyAction) -> [DashboardAction] {
        switch action {
        case .help: state.modal = .help(HelpOverlay())
        case .quit: return [.quit]
        case .palette:
            state.palette.reset()
            state.modal = .palette
        case .filter:
            state.editingFilter = true
            state.eventScroll = 0
        case .pause:
            return [.send(snapshot?.clock.paused == true ? .resume : .pause), .redraw]
        case .step: return [.send(.step)]
        case .speedUp, .speedDown:
            let next = Self.nextSpeed(from: state.requestedSpeed ?? snapshot?.clock.speed ?? .times(1), up: action == .speedUp)
            state.requestedSpeed = next
            return [.send(.speed(next))]
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
        case .scrollUp: scrollEvents(by: -max(1, renderer.eventRows))
        case .scrollDown: scrollEvents(by: max(1, renderer.eventRows))
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
            let focus = renderer.layout.flatMap { FrameRenderer.effectiveFocus(state.focus, layout: $0) } ?? state.focus
            state.expanded = state.expanded == nil ? focus : nil
            state.focus = focus
        }
        return [.redraw]
    }

    /// The confirm dialog for `command`, its scope worked out against the fleet, or the reason the
    /// fleet refuses it (an unknown site, a rack out of range, a tag that covers nothing).
    public func check(_ command: SimCommand) -> Result<ConfirmDialog, CheckFailure> {
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
    private func confirm(_ command: SimCommand) {
        switch check(command) {
        case .success(let d): state.modal = .confirm(d)
        case .failure(let f): state.modal = nil; state.say(f.message, error: true)
        }
    }

    private func refuseInReadOnly() -> Bool {
        guard state.readOnly else { return false }
        state.say("read-only: injections are off (started with --read-only)", error: true)
        return true
    }

    private func handleModal(_ k: Key) -> [DashboardAction] {
        switch state.modal {
        case .wizard(var w):
            switch w.handle(k) {
            case .stay: state.modal = .wizard(w)
            case .cancelled: state.modal = nil; state.say("cancelled: nothing injected")
            case .confirm(let d):
                switch check(d.command) {
                case .success(let checked): state.modal = .confirm(checked)
                case .failure(let f):
                    w.refuse(f.message)
                    state.modal = .wizard(w)
                }
            }
        case .confirm(var d):
            switch d.handle(k) {
            case .stay: state.modal = .confirm(d)
            case .cancelled: state.modal = nil; state.say("cancelled: nothing injected")
            case .confirmed:
                state.modal = nil
                state.say("sent: " + CommandFormatter.format(d.command))
                return [.send(d.command), .redraw]
            }
        case .palette:
            switch state.palette.handle(k, siteNames: snapshot?.sites.map(\.name) ?? [], tags: snapshot?.tags ?? []) {
            case .stay: break
            case .closed: state.modal = nil
            case .command(let c, let text):
                if c.isInjection {
                    if state.readOnly {
                        state.modal = nil
                        state.say("read-only: injections are off (started with --read-only)", error: true)
                    } else {
                        switch check(c) {
                        case .success(let d): state.modal = .confirm(d)
                        case .failure(let f): state.palette.refuse(text, message: f.message)
                        }
                    }
                } else {
                    state.modal = nil
                    if case .speed(let s) = c { state.requestedSpeed = s }
                    state.say("sent: " + CommandFormatter.format(c))
                    return [.send(c), .redraw]
                }
            }
        case .help(var overlay):
            let size = renderer.size
            switch overlay.handle(k, keymap: keymap, width: size.width, height: size.height) {
            case .close: state.modal = nil
            case .scrolled: state.modal = .help(overlay)
            }
        case nil:
            break
        }
        return [.redraw]
    }

    private func handleFilter(_ k: Key) -> [DashboardAction] {
        switch k {
        case .enter: state.editingFilter = false
        case .escape: state.editingFilter = false; state.eventFilter = ""
        case .backspace, .delete: if !state.eventFilter.isEmpty { state.eventFilter.removeLast() }
        case .character(let c):
            if let v = c.unicodeScalars.first, !DisplayWidth.isControl(v) { state.eventFilter.append(c) }
        default: break
        }
        state.eventScroll = 0
        return [.redraw]
    }

    // MARK: - Navigation

    private func cycleFocus(forward: Bool) {
        guard let ids = renderer.layout?.placements.map(\.id), !ids.isEmpty else { return }
        let current = ids.firstIndex(of: state.focus) ?? 0
        state.focus = ids[(current + (forward ? 1 : ids.count - 1)) % ids.count]
    }

    private func arrow(dx: Int, dy: Int) {
        let focus = renderer.layout.flatMap { FrameRenderer.effectiveFocus(state.focus, layout: $0) }
        if focus == .events {
            if dy != 0 { scrollEvents(by: dy) }
            return
        }
        guard let s = snapshot, let geo = renderer.mapGeometry else { return }
        state.selection = geo.move(state.selection, dx: dx, dy: dy, in: s)
    }

    private func scrollEvents(by n: Int) {
        let maxTop = max(0, renderer.eventCount - renderer.eventRows)
        state.eventScroll = max(0, min(maxTop, state.eventScroll + n))
    }

    /// Enter: a hall shown as one cell opens to its racks; a site or hall selected in the rack view
    /// selects its first rack.
    private func drillDown() {
        guard let s = snapshot else { return }
        guard let sel = state.selection else {
            state.selection = renderer.mapGeometry?.item(row: 0, column: 0)
            return
        }
        switch sel {
        case .hall(let h):
            if renderer.mapGeometry?.level == .halls {
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

    // MARK: - Mouse

    private func handleMouse(_ m: MouseEvent) -> [DashboardAction] {
        guard state.modal == nil, let layout = renderer.layout else { return [] }
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

    // MARK: - Ladders

    /// The next speed on `SimSpeed.ladder` above or below `current`.
    public static func nextSpeed(from current: SimSpeed, up: Bool) -> SimSpeed {
        let ladder = SimSpeed.ladder
        func value(_ s: SimSpeed) -> Double { if case .times(let x) = s { return x }; return .infinity }
        let v = value(current)
        if up { return ladder.first { value($0) > v } ?? ladder[ladder.count - 1] }
        return ladder.last { value($0) < v } ?? ladder[0]
    }

    /// The next refresh interval on the ladder, slower (longer) or faster (shorter).
    public static func nextRefresh(from ms: Int, slower: Bool) -> Int {
        let ladder = DashboardState.refreshLadder
        if slower { return ladder.first { $0 > ms } ?? ladder[ladder.count - 1] }
        return ladder.last { $0 < ms } ?? ladder[0]
    }
}
