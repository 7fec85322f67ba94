/// Turns a screen size, a preset and an optional expanded panel into panel rectangles.
/// Pure and deterministic: the same inputs always give the same layout.
///
/// Under pressure, panels first shrink toward their minimums. When the minimums still do not fit,
/// the lowest-priority panel among those that set the overflowing dimension gives way: it merges
/// into its host (per the preset) when the host is shown and merging does not make things worse,
/// else it drops. A host chosen to give way first sheds its guests, lowest priority first, which
/// gives back the rows they took. This repeats until the rest fits. Below `floor` the result is "too small".
///
/// Spare rows go where they are used: a panel given more rows than it `wants` (its content's height,
/// borders included) keeps only those, and the rest go to the panels of the same stack that can fill
/// them. When none can, the rows stay where the shares put them.
public struct LayoutEngine: Sendable {
    /// The absolute floor (columns, rows) below which the dashboard shows the too-small screen.
    public static let floor = (width: 40, height: 12)

    /// Each panel's priority and minimums.
    public var specs: [PanelID: PanelSpec]

    /// An engine over `specs` (the dashboard's standard panels unless a test passes others).
    public init(specs: [PanelID: PanelSpec] = PanelSpec.standard) { self.specs = specs }

    /// Lays out a `width`×`height` screen. With `expanded` set, that panel alone fills the body.
    /// `wants` caps the height a panel is given while others can use the rows (absent: no cap), and
    /// `widthWants` its width, the same way, while others in its row can use the columns.
    public func layout(width: Int, height: Int, preset: LayoutPreset, expanded: PanelID? = nil,
                       wants: [PanelID: Int] = [:], widthWants: [PanelID: Int] = [:]) -> ScreenLayout {
        let w = max(0, width), h = max(0, height)
        guard w >= Self.floor.width, h >= Self.floor.height else {
            return ScreenLayout(width: w, height: h, header: nil, footer: nil, placements: [], dropped: [],
                                tooSmall: .init(needWidth: Self.floor.width, needHeight: Self.floor.height,
                                                haveWidth: w, haveHeight: h))
        }
        let header = Rect(x: 0, y: 0, width: w, height: 1)
        let footer = Rect(x: 0, y: h - 1, width: w, height: 1)
        let body = Rect(x: 0, y: 1, width: w, height: h - 2)
        if let expanded, expanded != .header, expanded != .footer {
            return ScreenLayout(width: w, height: h, header: header, footer: footer,
                                placements: [PanelPlacement(id: expanded, frame: body)],
                                dropped: preset.body.panels.filter { $0 != expanded }, tooSmall: nil)
        }
        var kept = Set(preset.body.panels)
        var guests: [PanelID: [PanelID]] = [:]
        var dropped: [PanelID] = []
        while let tree = preset.body.pruned(keeping: kept) {
            let need = minimum(tree, guests: guests)
            let overflowWidth = need.width > body.width
            let overflowHeight = need.height > body.height
            if !overflowWidth && !overflowHeight {
                var placements: [PanelPlacement] = []
                place(tree, in: body, guests: guests, wants: Wants(heights: wants, widths: widthWants), into: &placements)
                return ScreenLayout(width: w, height: h, header: header, footer: footer,
                                    placements: placements, dropped: dropped, tooSmall: nil)
            }
            let critical = criticalPanels(tree, horizontal: overflowWidth, guests: guests)
            guard let victim = critical.min(by: { rank($0) < rank($1) }) else { break }
            if let hosted = guests[victim], let guest = hosted.min(by: { rank($0) < rank($1) }) {
                guests[victim] = hosted.count == 1 ? nil : hosted.filter { $0 != guest }
                dropped.append(guest)
                continue
            }
            kept.remove(victim)
            var merged = guests
            if let host = preset.merges[victim], kept.contains(host) {
                merged[host, default: []].append(contentsOf: [victim] + (merged[victim] ?? []))
                merged[victim] = nil
            }
            if merged != guests, let rest = preset.body.pruned(keeping: kept),
               helps(minimum(rest, guests: merged), before: need, body: body, horizontal: overflowWidth) {
                guests = merged
            } else {
                dropped.append(contentsOf: [victim] + (guests[victim] ?? []))
            }
            guests[victim] = nil
        }
        // Only with custom specs: even the most important panel does not fit; say what it needs.
        let top = preset.body.panels.max { rank($0) < rank($1) }
        let need = top.map { panelMinimum($0, guests: [:]) } ?? (width: 0, height: 0)
        return ScreenLayout(width: w, height: h, header: nil, footer: nil, placements: [], dropped: dropped,
                            tooSmall: .init(needWidth: max(need.width, Self.floor.width),
                                            needHeight: max(need.height + 2, Self.floor.height), haveWidth: w, haveHeight: h))
    }

    /// A merge is taken over a drop when it does not make the overflowing dimension worse and does
    /// not make the other dimension overflow (a guest merged across a row adds height, for instance).
    private func helps(_ after: (width: Int, height: Int), before: (width: Int, height: Int), body: Rect,
                       horizontal: Bool) -> Bool {
        if horizontal {
            return after.width <= before.width && (before.height > body.height || after.height <= body.height)
        }
        return after.height <= before.height && (before.width > body.width || after.width <= body.width)
    }

    /// Lower ranks give way first: by priority, then later in the preset's reading order.
    private func rank(_ id: PanelID) -> (Int, Int) {
        let order = PanelID.allCases.firstIndex(of: id) ?? 0
        return (specs[id]?.priority ?? 0, -order)
    }

    private func panelMinimum(_ id: PanelID, guests: [PanelID: [PanelID]]) -> (width: Int, height: Int) {
        let spec = specs[id]
        let extra = (guests[id] ?? []).reduce(0) { $0 + (specs[$1]?.mergedLines ?? 1) }
        return (spec?.minWidth ?? 3, (spec?.minHeight ?? 3) + extra)
    }

    private func minimum(_ node: LayoutNode, guests: [PanelID: [PanelID]]) -> (width: Int, height: Int) {
        switch node {
        case .panel(let id, _):
            return panelMinimum(id, guests: guests)
        case .row(let children, _):
            let m = children.map { minimum($0, guests: guests) }
            return (m.reduce(0) { $0 + $1.width }, m.map(\.height).max() ?? 0)
        case .column(let children, _):
            let m = children.map { minimum($0, guests: guests) }
            return (m.map(\.width).max() ?? 0, m.reduce(0) { $0 + $1.height })
        }
    }

    /// The panels whose minimums add up to the node's minimum along one axis: every child of a split
    /// along that axis, and only the largest children of a split across it.
    private func criticalPanels(_ node: LayoutNode, horizontal: Bool, guests: [PanelID: [PanelID]]) -> [PanelID] {
        switch node {
        case .panel(let id, _):
            return [id]
        case .row(let children, _), .column(let children, _):
            var alongAxis = false
            if case .row = node { alongAxis = horizontal } else { alongAxis = !horizontal }
            if alongAxis { return children.flatMap { criticalPanels($0, horizontal: horizontal, guests: guests) } }
            let sizes = children.map { m -> Int in
                let s = minimum(m, guests: guests)
                return horizontal ? s.width : s.height
            }
            let top = sizes.max() ?? 0
            return zip(children, sizes).filter { $0.1 == top }
                .flatMap { criticalPanels($0.0, horizontal: horizontal, guests: guests) }
        }
    }

    /// What panels can fill, per axis.
    struct Wants {
        var heights: [PanelID: Int]
        var widths: [PanelID: Int]
    }

    private func place(_ node: LayoutNode, in rect: Rect, guests: [PanelID: [PanelID]], wants: Wants,
                       into out: inout [PanelPlacement]) {
        switch node {
        case .panel(let id, _):
            out.append(PanelPlacement(id: id, frame: rect, guests: guests[id] ?? []))
        case .row(let children, _):
            let mins = children.map { minimum($0, guests: guests).width }
            let split = Distribution.split(total: rect.width, minimums: mins, shares: children.map(\.share))
            let widths = split.map {
                Distribution.cap($0, minimums: mins, wants: children.map { want($0, guests: guests, wants: wants, vertical: false) },
                                 shares: children.map(\.share))
            } ?? Distribution.squeeze(total: rect.width, minimums: mins)
            var x = rect.x
            for (child, cw) in zip(children, widths) {
                place(child, in: Rect(x: x, y: rect.y, width: cw, height: rect.height), guests: guests, wants: wants, into: &out)
                x += cw
            }
        case .column(let children, _):
            let mins = children.map { minimum($0, guests: guests).height }
            let split = Distribution.split(total: rect.height, minimums: mins, shares: children.map(\.share))
            let heights = split.map {
                Distribution.cap($0, minimums: mins, wants: children.map { want($0, guests: guests, wants: wants, vertical: true) },
                                 shares: children.map(\.share))
            } ?? Distribution.squeeze(total: rect.height, minimums: mins)
            var y = rect.y
            for (child, ch) in zip(children, heights) {
                place(child, in: Rect(x: rect.x, y: y, width: rect.width, height: ch), guests: guests, wants: wants, into: &out)
                y += ch
            }
        }
    }

    /// The most rows (or columns) a node can fill: a panel's want (unbounded when it has none or
    /// hosts guests); across a split the largest child's, along it the children's sum.
    private func want(_ node: LayoutNode, guests: [PanelID: [PanelID]], wants: Wants, vertical: Bool) -> Int? {
        switch node {
        case .panel(let id, _):
            guard guests[id] == nil, let w = (vertical ? wants.heights : wants.widths)[id] else { return nil }
            let m = panelMinimum(id, guests: guests)
            return max(w, vertical ? m.height : m.width)
        case .row(let children, _), .column(let children, _):
            let w = children.map { want($0, guests: guests, wants: wants, vertical: vertical) }
            guard !w.contains(where: { $0 == nil }) else { return nil }
            var along = false
            if case .column = node { along = vertical } else { along = !vertical }
            return along ? w.compactMap { $0 }.reduce(0, +) : w.compactMap { $0 }.max()
        }
    }
}
