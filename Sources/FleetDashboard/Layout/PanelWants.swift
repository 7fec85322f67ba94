import FleetSim

/// How many rows each panel's content fills for a snapshot, borders included: the layout gives a
/// panel no more than this while another panel of its stack could use the rows.
enum PanelWants {
    /// Wants for the panels of `s`; the map's depends on its width (racks wrap on narrow maps).
    /// `plain` is the layout by shares alone, which gives the widths the map and latency wrap to.
    /// With nothing selected the detail panel is a hint and a line per site, and asks for no more.
    static func of(_ s: Snapshot, digest: FleetDigest, plain: ScreenLayout, scope: MapScope, eventCount: Int,
                   selection: MapSelection? = nil) -> [PanelID: Int] {
        let latencyWidth = (plain.placement(of: .latency)?.frame.width ?? 0) - 2
        var out: [PanelID: Int] = [
            .latency: LatencyPanel.wantedHeight(width: latencyWidth),
            .traffic: 2 + RequestClass.allCases.count + 1,
            .agentic: 2 + 5,
            .power: 2 + s.sites.count + 2,
            .thermal: 2 + 3 + min(ThermalPanel.hottestShown, digest.hottestRacks.count),
            .events: 2 + max(1, eventCount),
        ]
        if selection == nil { out[.detail] = DetailPanel.summaryHeight(s) }
        if let mapWidth = plain.placement(of: .map)?.frame.width, mapWidth > 2 {
            let geo = MapGeometry(snapshot: s, area: Rect(x: 0, y: 0, width: mapWidth - 2, height: 100_000), scope: scope,
                                  selection: nil)
            out[.map] = 2 + geo.rows.count + 1
        }
        return out
    }

    /// The columns the map fills at most, borders included: site and hall labels, the widest hall's
    /// racks on one line, the cooling and RTT note, and room for its legend.
    static func mapWidth(_ s: Snapshot) -> Int {
        let label = min(MapGeometry.maxLabelWidth, s.sites.map { DisplayWidth.of($0.name) }.max() ?? 0) + 1
        let hallLabel = (s.halls.map(\.number).max() ?? 1) >= 10 ? 4 : 3
        let widest = s.halls.map(\.racks.count).max() ?? 1
        return 2 + max(label + hallLabel + widest + 1 + MapGeometry.noteWidth, legendWidth)
    }

    /// The legend's full width: the scale and every mark's meaning.
    static let legendWidth = 66
}
