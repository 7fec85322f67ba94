import FleetSim

/// Where the fleet map puts each site, hall and rack in its rectangle, shared by drawing, arrow-key
/// navigation and mouse hit-testing. Racks are shown one cell each when every row fits; otherwise halls
/// are (one cell per hall, a row per site), and Enter drills into a site or hall.
public struct MapGeometry: Sendable {
    /// What one cell stands for.
    public enum Level: Sendable, Equatable { case racks, halls }

    /// One line of cells: a contiguous run of racks (of one hall) or halls (of one site).
    public struct Row: Sendable, Equatable {
        public var label: String
        public var sublabel: String
        public var note: String
        /// Global index of the first cell's rack or hall, and how many cells.
        public var first: Int
        public var count: Int
    }

    public var level: Level
    public var rows: [Row]
    public var area: Rect
    /// Columns of the site label, the hall label and the cells.
    public var labelWidth: Int, sublabelWidth: Int, cellWidth: Int
    /// Rows that fit (the last line of the area is the legend when there is room).
    public var visibleRows: Int
    public var firstVisibleRow: Int
    public var hasLegend: Bool

    /// Room kept for the note (cooling and RTT) after the cells, when the area is wide enough.
    public static let noteWidth = 16
    /// Longest site label before it is cut.
    public static let maxLabelWidth = 14

    public init(snapshot s: Snapshot, area: Rect, scope: MapScope, selection: MapSelection?) {
        self.area = area
        hasLegend = area.height >= 3
        visibleRows = max(0, area.height - (hasLegend ? 1 : 0))
        let siteRange: Range<Int>
        switch scope {
        case .fleet: siteRange = 0..<s.sites.count
        case .site(let i): siteRange = i < s.sites.count ? i..<(i + 1) : 0..<0
        case .hall(let h): siteRange = h < s.halls.count ? s.halls[h].site..<(s.halls[h].site + 1) : 0..<0
        }
        let names = siteRange.map { s.sites[$0].name }
        var lw = min(Self.maxLabelWidth, names.map { DisplayWidth.of($0) }.max() ?? 0) + 1
        let maxHall = s.halls.map(\.number).max() ?? 1
        let hw = maxHall >= 10 ? 4 : 3
        let widestHall = s.halls.map(\.racks.count).max() ?? 1
        /// Cell columns (and note width) for label widths: the note is kept only when it does not make
        /// a hall's racks wrap onto a second line that dropping it would avoid.
        func cells(_ lw: Int, _ sw: Int) -> (Int, Int) {
            let withNote = area.width - lw - sw - Self.noteWidth - 1
            let without = max(1, area.width - lw - sw)
            if withNote >= 16 && (withNote >= widestHall || without < widestHall) { return (withNote, Self.noteWidth) }
            return (without, 0)
        }
        var (cw, _) = cells(lw, hw)
        if cw < 8 { lw = min(lw, 7); cw = cells(lw, hw).0 }
        labelWidth = lw; sublabelWidth = hw; cellWidth = cw

        var hallIndices: [Int] = []
        switch scope {
        case .hall(let h): if h < s.halls.count { hallIndices = [h] }
        default: for si in siteRange { hallIndices.append(contentsOf: s.sites[si].halls) }
        }
        let rackRows = hallIndices.reduce(0) { $0 + max(1, (s.halls[$1].racks.count + cw - 1) / cw) }
        let useRacks: Bool
        if case .hall = scope { useRacks = true } else { useRacks = rackRows <= visibleRows }
        var rows: [Row] = []
        if useRacks {
            level = .racks
            var lastSite = -1
            for h in hallIndices {
                let hall = s.halls[h]
                let site = s.sites[hall.site]
                let firstOfSite = hall.site != lastSite
                lastSite = hall.site
                var start = hall.racks.lowerBound
                var firstLine = true
                let lines = max(1, (hall.racks.count + cw - 1) / cw)
                let perLine = max(1, (hall.racks.count + lines - 1) / lines)
                repeat {
                    let n = min(perLine, hall.racks.upperBound - start)
                    let note = firstLine
                        ? (firstOfSite ? "\(hall.cooling.rawValue) \(NumberFormat.fixed(site.rttMs, 0)) ms" : hall.cooling.rawValue)
                        : ""
                    rows.append(Row(label: firstOfSite && firstLine ? site.name : "",
                                    sublabel: firstLine ? "h\(hall.number)" : "", note: note, first: start, count: n))
                    start += n
                    firstLine = false
                } while start < hall.racks.upperBound
            }
        } else {
            level = .halls
            sublabelWidth = 0
            let (cw2, _) = cells(lw, 0)
            cellWidth = cw2
            for si in siteRange {
                let site = s.sites[si]
                var start = site.halls.lowerBound
                var firstLine = true
                repeat {
                    let n = min(cw2, site.halls.upperBound - start)
                    let cooling = site.halls.isEmpty ? "" : s.halls[site.halls.lowerBound].cooling.rawValue
                    rows.append(Row(label: firstLine ? site.name : "", sublabel: "",
                                    note: firstLine ? "\(cooling) \(NumberFormat.fixed(site.rttMs, 0)) ms" : "",
                                    first: start, count: max(0, n)))
                    start += max(1, n)
                    firstLine = false
                } while start < site.halls.upperBound
            }
        }
        self.rows = rows
        firstVisibleRow = 0
        if let selection, let (r, _) = position(of: selection, in: s), visibleRows > 0, r >= visibleRows {
            firstVisibleRow = r - visibleRows + 1
        }
    }

    /// Left edge of the cells.
    public var cellX: Int { area.x + labelWidth + sublabelWidth }

    /// Row and column of the cell that shows `selection` (a rack's hall in hall view, a site's first cell).
    public func position(of selection: MapSelection, in s: Snapshot) -> (Int, Int)? {
        guard selection.isValid(in: s) else { return nil }
        let index: Int
        switch (level, selection) {
        case (.racks, .rack(let r)): index = r
        case (.racks, .hall(let h)): index = s.halls[h].racks.lowerBound
        case (.racks, .site(let i)): index = s.sites[i].racks.lowerBound
        case (.halls, .rack(let r)): index = Int(s.racks.hall[r])
        case (.halls, .hall(let h)): index = h
        case (.halls, .site(let i)): index = s.sites[i].halls.lowerBound
        }
        for (ri, row) in rows.enumerated() where index >= row.first && index < row.first + row.count {
            return (ri, index - row.first)
        }
        return nil
    }

    /// The selection a cell stands for.
    public func item(row: Int, column: Int) -> MapSelection? {
        guard row >= 0, row < rows.count, column >= 0, column < rows[row].count else { return nil }
        let index = rows[row].first + column
        return level == .racks ? .rack(index) : .hall(index)
    }

    /// The cell under a screen position, if any.
    public func item(atX x: Int, y: Int) -> MapSelection? {
        let row = y - area.y + firstVisibleRow
        guard y >= area.y, y - area.y < visibleRows else { return nil }
        return item(row: row, column: x - cellX)
    }

    /// The selection after an arrow key: left/right walk cells in order, up/down keep the column.
    public func move(_ selection: MapSelection?, dx: Int, dy: Int, in s: Snapshot) -> MapSelection? {
        guard !rows.isEmpty else { return selection }
        guard let selection, let (r, c) = position(of: selection, in: s) else { return item(row: 0, column: 0) }
        if dy != 0 {
            let nr = max(0, min(rows.count - 1, r + dy))
            return item(row: nr, column: min(c, rows[nr].count - 1))
        }
        var nr = r, nc = c + dx
        while nc < 0 && nr > 0 { nr -= 1; nc += rows[nr].count }
        while nc >= rows[nr].count && nr < rows.count - 1 { nc -= rows[nr].count; nr += 1 }
        nc = max(0, min(rows[nr].count - 1, nc))
        return item(row: nr, column: nc)
    }
}
