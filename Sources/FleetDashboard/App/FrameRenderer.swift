import FleetSim

/// Draws one whole frame — header, every panel of the layout (through `Panels.table`), key bar, then
/// any dialog, palette or help — and returns what the frame means for input (`FrameLayout`). It
/// keeps only caches for the next frame: sparkline columns, the per-snapshot digest, the layout.
public final class FrameRenderer {
    public let sparks = SparklineCache()
    /// Rack-level figures of the last snapshot drawn (recomputed once per new snapshot).
    public private(set) var digest = FleetDigest()
    /// The last layout computed, reused while `layoutKey` holds.
    private var cachedLayout: ScreenLayout?
    /// The last rack table built and the rack columns it was built from: a hyperscale fleet's table
    /// is 30,000 rows, so it is built once per change of the racks, not once per frame and key press.
    private var rackTableCache: (racks: RackTable, sites: [String], deg: String, model: TableModel)?

    /// The table `view` shows for `s` (nil for the dashboard and the latency history).
    public func tableModel(_ view: DashboardView, _ s: Snapshot, deg: String) -> TableModel? {
        guard view == .racks else { return ViewTables.model(view, s, deg: deg) }
        let sites = s.sites.map(\.name)
        if let c = rackTableCache, c.deg == deg, c.sites == sites, c.racks == s.racks { return c.model }
        guard let model = ViewTables.model(view, s, deg: deg) else { return nil }
        rackTableCache = (s.racks, sites, deg, model)
        return model
    }
    /// The layout engine; changing it (its panel specs) lays the next frame out afresh.
    public var engine = LayoutEngine() { didSet { layoutKey = nil } }
    /// What the cached layout was computed for: it is reused until the size, preset or expansion changes.
    private struct LayoutKey: Equatable {
        var width: Int, height: Int, preset: String, expanded: PanelID?, wants: [PanelID: Int], widths: [PanelID: Int],
            reserve: [Int]
    }
    private var layoutKey: LayoutKey?
    private var digestKey: (UInt64, UInt64, Int, String) = (.max, 0, -1, "")

    public init() {}

    /// Draws `s` into `canvas` (its size is the screen size) for the given state and look; returns
    /// the frame's layout, map geometry, list extents and click regions.
    @discardableResult
    public func render(_ s: Snapshot, state: DashboardState, theme: Theme, glyphs: GlyphSet, graph: GraphStyle,
                       keymap: Keymap, into canvas: inout Canvas) -> FrameLayout {
        let key = (s.tick, s.seed, s.racks.count, s.fleetName)
        if key != digestKey {
            if key.0 < digestKey.0 || key.1 != digestKey.1 || key.3 != digestKey.3 { sparks.removeAll() }
            digest = FleetDigest(s); digestKey = key
        }
        canvas.clear(theme.style(.mainForeground))
        let layout = screenLayout(s, state: state, width: canvas.width, height: canvas.height)
        var frame = FrameLayout(width: canvas.width, height: canvas.height, screen: layout)
        if let small = layout.tooSmall {
            TooSmallScreen.draw(small, into: &canvas, theme: theme, quitKey: keymap.keys(for: .quit).first.map { KeyName.label($0, ascii: glyphs.isASCII) } ?? "q")
            if glyphs.isASCII { ASCIIFallback.apply(to: &canvas) }
            return frame
        }
        var ctx = PanelContext(theme: theme, glyphs: glyphs, graph: graph, sparks: sparks, digest: digest)
        if let header = layout.header {
            HeaderBar.draw(into: &canvas, s, rect: header, ctx: ctx, scenario: state.scenario, readOnly: state.readOnly,
                           metrics: state.metricsIndicator)
        }
        let focus = Self.effectiveFocus(state.focus, layout: layout)
        if state.view != .dashboard {
            let top = layout.header?.maxY ?? 0
            let bottom = layout.reserved?.y ?? layout.footer?.y ?? canvas.height
            drawView(state, s, rect: Rect(x: 0, y: top, width: canvas.width, height: bottom - top), ctx: ctx, into: &canvas,
                     frame: &frame)
        }
        for p in layout.placements where state.view == .dashboard {
            ctx.focused = p.id == focus
            frame.register(p.frame, .box(p.id))
            if p.id == .events || p.guests.contains(.events) { frame.register(p.frame, .eventList) }
            guard let host = Panels.table(p.id) else { continue }
            if p.guests.isEmpty {
                host.drawBox(s, rect: p.frame, state: state, ctx: ctx, into: &canvas, frame: &frame)
            } else {
                Box.draw(into: &canvas, p.frame, title: p.title, role: host.sharedRole, focused: ctx.focused, theme: theme, glyphs: glyphs)
                for section in p.sections(specs: engine.specs) {
                    Panels.table(section.id)?.drawSection(s, inner: section.rect, state: state, ctx: ctx, into: &canvas, frame: &frame)
                }
            }
        }
        if let footer = layout.footer {
            FooterBar.draw(into: &canvas, rect: footer, hints: hints(state, keymap: keymap, ascii: glyphs.isASCII),
                           message: state.message, messageIsError: state.messageIsError, ctx: ctx)
        }
        if let view = state.scenarioView { ScenarioOverlay.draw(view, layout: layout, into: &canvas, theme: theme, glyphs: glyphs) }
        drawModal(state, s, layout: layout, theme: theme, glyphs: glyphs, keymap: keymap, into: &canvas)
        if glyphs.isASCII { ASCIIFallback.apply(to: &canvas) }
        return frame
    }

    /// The layout for this frame: the preset's shares first, then again with each panel's want so
    /// spare rows go to panels that can fill them. Reused while size, preset, expansion and wants hold.
    private func screenLayout(_ s: Snapshot, state: DashboardState, width: Int, height: Int) -> ScreenLayout {
        let plain = engine.layout(width: width, height: height, preset: state.preset, expanded: state.expanded)
        let wants = PanelWants.of(s, digest: digest, plain: plain, scope: state.scope,
                                  eventCount: EventsPanel.visibleEvents(s, filter: state.eventFilter).count,
                                  selection: state.selection)
        let reserve = Self.reservedRows(state.scenarioView, width: width)
        let widths: [PanelID: Int] = [.map: PanelWants.mapWidth(s)]
        let key = LayoutKey(width: width, height: height, preset: state.presetName, expanded: state.expanded, wants: wants,
                            widths: widths, reserve: reserve)
        if let cached = cachedLayout, key == layoutKey { return cached }
        var fresh = engine.layout(width: width, height: height, preset: state.preset, expanded: state.expanded, wants: wants,
                                  widthWants: widths)
        for rows in reserve {
            var reduced = engine.layout(width: width, height: height - rows, preset: state.preset, expanded: state.expanded,
                                        wants: wants, widthWants: widths)
            guard reduced.tooSmall == nil, Set(reduced.dropped) == Set(fresh.dropped),
                  reduced.placements.map(\.guests) == fresh.placements.map(\.guests) else { continue }
            reduced.height = height
            reduced.footer = Rect(x: 0, y: height - 1, width: width, height: 1)
            reduced.reserved = Rect(x: 0, y: height - 1 - rows, width: width, height: rows)
            fresh = reduced
            break
        }
        cachedLayout = fresh
        layoutKey = key
        return fresh
    }

    /// Rows to keep free for a scenario, most first: its check line and narration together, then the
    /// check line alone; the layout takes the first that costs no panel.
    static func reservedRows(_ view: ScenarioView?, width: Int) -> [Int] {
        guard let view else { return [] }
        let checks = view.checks.isEmpty && view.status.isEmpty ? 0 : 1
        let caption = view.caption.map { $0.lines(width: min(width, ScenarioOverlay.maximumCaptionWidth) - 4).count + 2 } ?? 0
        return [checks + caption, checks].filter { $0 > 0 }.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The focused panel if it is shown in its own box, else the first box.
    public static func effectiveFocus(_ focus: PanelID, layout: ScreenLayout) -> PanelID? {
        if layout.placements.contains(where: { $0.id == focus }) { return focus }
        return layout.placements.first?.id
    }

    /// A table or list view filling the body.
    private func drawView(_ state: DashboardState, _ s: Snapshot, rect: Rect, ctx: PanelContext, into canvas: inout Canvas,
                          frame: inout FrameLayout) {
        if state.view == .latency {
            LatencyHistoryView.draw(into: &canvas, s, rect: rect, window: state.latencyWindow, ctx: ctx)
            return
        }
        guard let model = tableModel(state.view, s, deg: ctx.glyphs.degree) else { return }
        frame.tableRows = TableView.draw(into: &canvas, model, view: state.view, state: state.table(state.view), rect: rect, ctx: ctx,
                                   editingFilter: state.editingFilter && state.filterTarget == .table)
    }

    private func drawModal(_ state: DashboardState, _ s: Snapshot, layout: ScreenLayout, theme: Theme, glyphs: GlyphSet,
                           keymap: Keymap, into canvas: inout Canvas) {
        guard let modal = state.modal else { return }
        let body = Rect(x: 0, y: 1, width: canvas.width, height: max(0, canvas.height - 2))
        switch modal {
        case .wizard(let w): w.menu.draw(into: &canvas, area: body, trail: w.trailText, error: w.error, theme: theme, glyphs: glyphs)
        case .confirm(let d): d.draw(into: &canvas, area: body, theme: theme, glyphs: glyphs)
        case .palette:
            let bottom = layout.footer?.y ?? canvas.height
            let area = Rect(x: 0, y: max(1, bottom - 3), width: canvas.width, height: min(3, bottom - 1))
            state.palette.draw(into: &canvas, area: area, theme: theme, glyphs: glyphs)
        case .jump(let prompt):
            let bottom = layout.footer?.y ?? canvas.height
            let area = Rect(x: 0, y: max(1, bottom - 2), width: canvas.width, height: min(2, bottom - 1))
            prompt.draw(into: &canvas, area: area, theme: theme, glyphs: glyphs)
        case .help(let overlay):
            overlay.draw(into: &canvas, keymap: keymap, theme: theme, ascii: glyphs.isASCII, readOnly: state.readOnly,
                         groups: state.helpGroups)
        }
    }

    /// Key-bar hints in a table or list view.
    func viewHints(_ state: DashboardState, keymap: Keymap, ascii: Bool) -> [FooterBar.Hint] {
        func label(_ a: KeyAction) -> String? { keymap.keys(for: a).first.map { KeyName.label($0, ascii: ascii) } }
        var out: [FooterBar.Hint] = []
        if let k = label(.back) { out.append(.init(k, "back")) }
        if state.view.isTable {
            out.append(.init(ascii ? "Up/Dn" : "↑↓", "move"))
            if let k = label(.sortNext) { out.append(.init(k, "sort")) }
            if let k = label(.sortReverse) { out.append(.init(k, "reverse")) }
            if let k = label(.filter) { out.append(.init(k, "filter")) }
            if let k = label(.drillDown) { out.append(.init(k, "show on map")) }
            if !state.readOnly, state.view != .alerts, let k = label(.repair) { out.append(.init(k, "repair")) }
        }
        if state.view == .latency, let k = label(.latencyWindow) { out.append(.init(k, "window " + state.latencyWindow.label)) }
        let views: [(KeyAction, String)] = [(.viewDashboard, "dashboard"), (.viewRacks, "racks"), (.viewGPUs, "GPUs"),
                                            (.viewAlerts, "alerts"), (.viewFaults, "faults"), (.viewLatency, "latency")]
        for (a, text) in views where Self.view(for: a) != state.view || a == .viewDashboard {
            if let k = label(a), Self.view(for: a) != state.view { out.append(.init(k, text)) }
        }
        if let k = label(.jump) { out.append(.init(k, "go to")) }
        if let k = label(.saveFrame) { out.append(.init(k, "save")) }
        if let k = label(.quit) { out.append(.init(k, "quit")) }
        return out
    }

    static func view(for action: KeyAction) -> DashboardView { DashboardApp.view(for: action) }

    /// Key-bar hints for the state: the modal's keys, or the main bindings in force.
    func hints(_ state: DashboardState, keymap: Keymap, ascii: Bool) -> [FooterBar.Hint] {
        let arrows = ascii ? "Up/Dn" : "↑↓"
        switch state.modal {
        case .wizard: return [.init(arrows, "move"), .init("Enter", "choose"), .init("Esc", "back")]
        case .confirm: return [.init("y", "yes"), .init("n/Esc", "no"), .init("Enter", "highlighted (No)"), .init("Tab", "toggle")]
        case .palette: return [.init("Tab", "complete"), .init(arrows, "history"), .init("Enter", "run"), .init("Esc", "close")]
        case .help: return [.init("any key", "closes help")]
        case .jump: return [.init("type", "a site, hall or rack"), .init("Tab", "complete"), .init("Enter", "go"), .init("Esc", "close")]
        case nil: break
        }
        if state.editingFilter {
            let what = switch state.filterTarget {
            case .events: "filter events"
            case .map: "filter the map: failed, throttled, capped, a site…"
            case .table: "filter rows"
            }
            return [.init("type", what), .init("Enter", "keep"), .init("Esc", "clear")]
        }
        if state.view != .dashboard { return viewHints(state, keymap: keymap, ascii: ascii) }
        var list: [(KeyAction, String)] = [(.help, "help")]
        if !state.readOnly { list += [(.fault, "fault"), (.surge, "surge"), (.repair, "repair")] }
        list += [(.palette, "command"), (.pause, "pause")]
        var out: [FooterBar.Hint] = []
        if state.readOnly { out.append(.init("READ-ONLY", "injections off")) }
        func label(_ a: KeyAction) -> String? { keymap.keys(for: a).first.map { KeyName.label($0, ascii: ascii) } }
        for (action, text) in list { if let k = label(action) { out.append(.init(k, text)) } }
        if let up = label(.speedUp), let down = label(.speedDown) { out.append(.init(up + "/" + down, "speed")) }
        let rest: [(KeyAction, String)] = [(.mapMetric, "metric"), (.quit, "quit"), (.drillDown, "drill"), (.back, "back"),
                                           (.filter, "filter"), (.expand, "expand"), (.preset, "layout"), (.theme, "theme")]
        for (action, text) in rest { if let k = label(action) { out.append(.init(k, text)) } }
        return out
    }
}
