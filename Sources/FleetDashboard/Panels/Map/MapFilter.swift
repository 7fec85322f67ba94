import FleetSim

/// The fleet map's filter (`/` with the map focused): racks that do not match are drawn dim, so
/// what is left stands out. Words are state names (`failed`, `down`, `throttled`, `capped`, `shed`,
/// `network`, `queue`, `straggler`, `hot`) or a place (`metro-edge`, `regional/h2`); a rack must
/// match every word.
public enum MapFilter {
    /// The state words and the rack flags each stands for.
    static let states: [String: RackFlags] = [
        "failed": [.failed], "down": [.failed, .shutDown], "throttled": [.thermal], "thermal": [.thermal], "hot": [.thermal],
        "capped": [.powerCapped], "power": [.powerCapped, .shed], "shed": [.shed], "network": [.network],
        "queue": [.queueSaturated], "straggler": [.straggler], "shutdown": [.shutDown],
    ]

    /// Whether rack `r` passes `filter` (an empty filter passes every rack).
    public static func matches(rack r: Int, in s: Snapshot, filter: String) -> Bool {
        let words = filter.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty, r < s.racks.count else { return true }
        var path: String?
        for word in words {
            if let flags = states[word] {
                let f = s.racks.flags[r]
                let failed = s.racks.gpusUp[r] == 0 && s.racks.gpus[r] > 0
                if f.isDisjoint(with: flags) && !(failed && flags.contains(.failed)) { return false }
            } else {
                if path == nil { path = MapSelection.rack(r).path(in: s).lowercased() }
                if !(path!.contains(word)) { return false }
            }
        }
        return true
    }

    /// Whether any rack of hall `h` passes `filter`.
    public static func matches(hall h: Int, in s: Snapshot, filter: String) -> Bool {
        guard h < s.halls.count else { return true }
        return s.halls[h].racks.contains { matches(rack: $0, in: s, filter: filter) }
    }

    /// How many racks pass.
    public static func count(in s: Snapshot, filter: String) -> Int {
        (0..<s.racks.count).reduce(0) { $0 + (matches(rack: $1, in: s, filter: filter) ? 1 : 0) }
    }
}
