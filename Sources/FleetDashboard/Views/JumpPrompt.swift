import FleetSim

/// `g`: jump to a site, hall or rack by name. The operator types a path as the map writes it
/// (`metro-edge`, `regional/h2`, `remote-campus/h1/r07`; `r7`, spaces for `/` and any case work),
/// Tab completes it, Enter selects it on the map; a name that matches nothing stays with the reason.
public struct JumpPrompt: Sendable, Equatable {
    /// What a key did: still typing, closed, or a place to select.
    public enum Outcome: Sendable, Equatable { case stay, closed, jump(MapSelection) }

    public private(set) var text = ""
    public private(set) var candidates: [String] = []
    public private(set) var error: String?

    public init() {}

    /// Edits, completes or resolves the line against the fleet in `s`.
    public mutating func handle(_ key: Key, snapshot s: Snapshot) -> Outcome {
        switch key {
        case .escape: return .closed
        case .enter:
            guard !text.isEmpty else { return .closed }
            if let place = Self.resolve(text, in: s) { return .jump(place) }
            error = "no site, hall or rack '\(text)' in \(s.fleetName) (Tab lists names)"
        case .tab:
            let matches = Self.names(s).filter { $0.lowercased().hasPrefix(text.lowercased()) }
            error = nil
            if matches.count == 1 {
                text = matches[0]; candidates = []
            } else if !matches.isEmpty {
                var common = matches[0]
                for m in matches.dropFirst() { while !m.lowercased().hasPrefix(common.lowercased()) { common.removeLast() } }
                if common.count > text.count { text = common }
                candidates = matches
            } else {
                candidates = []
                error = "nothing starts with '\(text)'"
            }
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
            candidates = []; error = nil
        case .character(let c):
            guard let v = c.unicodeScalars.first, !DisplayWidth.isControl(v) else { break }
            text.append(c); candidates = []; error = nil
        default: break
        }
        return .stay
    }

    /// Every name Tab can offer for the text so far: sites; halls once a site is typed in full;
    /// racks once a hall is (so a large fleet's racks are listed only a hall at a time).
    public static func names(_ s: Snapshot) -> [String] {
        var out = s.sites.map(\.name)
        for h in s.halls.indices { out.append(MapSelection.hall(h).path(in: s)) }
        return out
    }

    /// Names one level below `text`'s site or hall, for Tab when the text names one exactly.
    static func children(_ text: String, in s: Snapshot) -> [String] {
        switch resolve(text, in: s) {
        case .site(let i)?: return s.sites[i].halls.map { MapSelection.hall($0).path(in: s) }
        case .hall(let h)?: return s.halls[h].racks.map { MapSelection.rack($0).path(in: s) }
        default: return []
        }
    }

    /// The place `text` names: a site, `site/hN` or `site/hN/rNN` (site by full name or a prefix only
    /// it has; `/` or spaces between parts; `r7` and `r07` alike), or nil.
    public static func resolve(_ text: String, in s: Snapshot) -> MapSelection? {
        let parts = text.lowercased().split { $0 == "/" || $0 == " " }.map(String.init)
        guard let first = parts.first else { return nil }
        let exact = s.sites.indices.filter { s.sites[$0].name.lowercased() == first }
        let prefixed = s.sites.indices.filter { s.sites[$0].name.lowercased().hasPrefix(first) }
        guard let site = exact.first ?? (prefixed.count == 1 ? prefixed[0] : nil) else { return nil }
        guard parts.count > 1 else { return .site(site) }
        guard let hn = number(parts[1], prefix: "h"),
              let hall = s.sites[site].halls.first(where: { s.halls[$0].number == hn }) else { return nil }
        guard parts.count > 2 else { return .hall(hall) }
        guard parts.count == 3, let rn = number(parts[2], prefix: "r"), rn >= 1, rn <= s.halls[hall].racks.count else { return nil }
        return .rack(s.halls[hall].racks.lowerBound + rn - 1)
    }

    private static func number(_ part: String, prefix: Character) -> Int? {
        Int(part.first == prefix ? String(part.dropFirst()) : part)
    }

    /// Tab's candidates include the next level down once the text names a site or hall exactly.
    public mutating func completeChildren(snapshot s: Snapshot) {
        let below = Self.children(text, in: s)
        if !below.isEmpty { candidates = below; error = nil }
    }

    /// Draws the prompt as a band of up to three lines at the bottom of `area`.
    public func draw(into canvas: inout Canvas, area: Rect, theme: Theme, glyphs: GlyphSet) {
        guard area.height >= 1, area.width >= 8 else { return }
        let bg = DialogFrame.style(theme)
        let y = area.maxY - 1
        canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: bg)
        var w = LineWriter(Rect(x: area.x, y: y, width: area.width - 1, height: 1), row: 0)
        w.write("go to: ", DialogFrame.style(theme, .highlight, .bold), into: &canvas)
        let room = max(0, w.remaining - 1)
        let shown = DisplayWidth.of(text) > room ? String(text.suffix(room)) : text
        w.write(shown, bg, into: &canvas)
        var cursor = bg; cursor.attributes = .reverse
        w.write(" ", cursor, into: &canvas)
        guard area.height >= 2 else { return }
        let line: String? = error ?? (candidates.isEmpty ? (text.isEmpty ? "a site, hall or rack: metro-edge, regional/h2, remote-campus/h1/r07 · Tab completes" : nil)
                                                         : candidates.joined(separator: "  "))
        guard let line else { return }
        canvas.fill(Rect(x: area.x, y: y - 1, width: area.width, height: 1), style: bg)
        var l = LineWriter(Rect(x: area.x + 1, y: y - 1, width: area.width - 1, height: 1), row: 0)
        l.write(line, error == nil ? DialogFrame.style(theme, .inactive) : DialogFrame.style(theme, .critical, .bold), into: &canvas)
    }
}
