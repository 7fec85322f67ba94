/// The headless simulation a drill, a story or a replay drives, one step at a time. `FleetEngine`
/// conforms; anything that applies commands at tick boundaries and reports snapshots can.
public protocol DrillSimulation {
    /// Serving ticks (100 ms) since start.
    var tick: UInt64 { get }
    /// Applies a command at the current tick boundary (named apart from `FleetEngine.apply`, which returns a result).
    mutating func perform(_ command: SimCommand)
    /// Advances simulated time by whole serving ticks covering `seconds`.
    mutating func advance(seconds: Double)
    /// The figures at the current tick.
    func currentSnapshot() -> Snapshot
}

extension DrillSimulation {
    /// Advances to a given serving tick (no-op when already there or past it).
    public mutating func advance(toTick target: UInt64) {
        guard target > tick else { return }
        advance(seconds: Double(target - tick) / SimClock.ticksPerSecond)
    }
}
