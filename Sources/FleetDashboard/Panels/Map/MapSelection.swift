import FleetSim

/// The selected part of the fleet (global indices into the snapshot's sites, halls or racks).
public enum MapSelection: Sendable, Hashable {
    case site(Int)
    case hall(Int)
    case rack(Int)

    /// "metro-edge/h1/r07": the path operators read and the events panel uses.
    public func path(in s: Snapshot) -> String {
        switch self {
        case .site(let i):
            return i < s.sites.count ? s.sites[i].name : "site \(i + 1)"
        case .hall(let h):
            guard h < s.halls.count else { return "hall \(h + 1)" }
            let hall = s.halls[h]
            return "\(hall.site < s.sites.count ? s.sites[hall.site].name : "?")/h\(hall.number)"
        case .rack(let r):
            guard r < s.racks.count, Int(s.racks.hall[r]) < s.halls.count else { return "rack \(r + 1)" }
            let h = Int(s.racks.hall[r])
            let number = r - s.halls[h].racks.lowerBound + 1
            return MapSelection.hall(h).path(in: s) + "/r" + (number < 10 ? "0\(number)" : String(number))
        }
    }

    /// The command-language selector for this part of the fleet (indices 1-based per parent).
    public func selector(in s: Snapshot) -> TargetSelector {
        switch self {
        case .site(let i):
            return TargetSelector(site: i < s.sites.count ? s.sites[i].name : nil)
        case .hall(let h):
            guard h < s.halls.count else { return TargetSelector() }
            let hall = s.halls[h]
            return TargetSelector(site: s.sites[hall.site].name, hall: hall.number)
        case .rack(let r):
            guard r < s.racks.count else { return TargetSelector() }
            let h = Int(s.racks.hall[r])
            var t = MapSelection.hall(h).selector(in: s)
            t.rack = r - s.halls[h].racks.lowerBound + 1
            return t
        }
    }

    /// The enclosing hall (for a rack) or site (for a hall); nil for a site.
    public func parent(in s: Snapshot) -> MapSelection? {
        switch self {
        case .site: return nil
        case .hall(let h): return h < s.halls.count ? .site(s.halls[h].site) : nil
        case .rack(let r): return r < s.racks.count ? .hall(Int(s.racks.hall[r])) : nil
        }
    }

    /// True when the index still exists in `s` (a new fleet may be smaller).
    public func isValid(in s: Snapshot) -> Bool {
        switch self {
        case .site(let i): i >= 0 && i < s.sites.count
        case .hall(let h): h >= 0 && h < s.halls.count
        case .rack(let r): r >= 0 && r < s.racks.count
        }
    }
}
