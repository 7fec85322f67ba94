/// Where one panel box goes. A box may host merged guests: it is drawn once, titled
/// "host + guest", with the host's content on top and each guest's compact form below it.
public struct PanelPlacement: Sendable, Hashable {
    public var id: PanelID
    /// The whole box, borders included.
    public var frame: Rect
    /// Panels merged into this box, in the order their sections appear.
    public var guests: [PanelID]

    public init(id: PanelID, frame: Rect, guests: [PanelID] = []) {
        self.id = id; self.frame = frame; self.guests = guests
    }

    /// The box title: "latency + agentic" for a merged box.
    public var title: String { ([id] + guests).map(\.title).joined(separator: " + ") }

    /// The content area of each panel in the box (inside the one-cell border): the host first,
    /// then each guest, split by the same rule as the layout (minimums first, the rest by share:
    /// the host's share is its minimum content height, a guest's its merged lines).
    public func sections(specs: [PanelID: PanelSpec] = PanelSpec.standard) -> [(id: PanelID, rect: Rect)] {
        let inner = frame.inset(by: 1)
        guard !guests.isEmpty else { return [(id, inner)] }
        let ids = [id] + guests
        let hostMin = max(1, (specs[id]?.minHeight ?? 3) - 2)
        let mins = [hostMin] + guests.map { max(1, specs[$0]?.mergedLines ?? 1) }
        let heights = Distribution.split(total: inner.height, minimums: mins, shares: mins)
            ?? Distribution.squeeze(total: inner.height, minimums: mins)
        var y = inner.y
        var out: [(id: PanelID, rect: Rect)] = []
        for (i, h) in heights.enumerated() {
            out.append((ids[i], Rect(x: inner.x, y: y, width: inner.width, height: h)))
            y += h
        }
        return out
    }
}
