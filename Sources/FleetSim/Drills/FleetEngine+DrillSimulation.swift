/// The engine as the thing drills, stories and replays drive headless.
extension FleetEngine: DrillSimulation {
    /// Applies a fleet command, ignoring the result: a rejected command is already logged as an event
    /// ("rejected: …") that lands in the drill's timeline. A headless run has no clock to pause or
    /// speed up, so clock commands do nothing here.
    public func perform(_ command: SimCommand) {
        guard let fleetCommand = command.fleetCommand else { return }
        apply(fleetCommand)
    }

    /// The snapshot at the current tick, as the headless runners see it (speed max, not paused).
    public func currentSnapshot() -> Snapshot {
        snapshot(clock: ClockState(speed: .max, paused: false, achievedRealtimeFactor: 0))
    }
}
