import FleetSim

/// The speed and refresh ladders the `+`/`-` and refresh keys walk.
extension DashboardApp {
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
