import FleetSim

/// What a `DashboardAction.restart` asks the host for: a fresh runner from the seed, driven by
/// `scenario`, started at `speed`. Two restarts are equal when they name the same scenario.
public struct ScenarioRestart: Sendable, Equatable {
    /// The scenario the fresh runner observes (a story seeking a chapter, a replay seeking a tick).
    public let scenario: any ScenarioObserver
    /// The speed the fresh runner starts at (maximum while it seeks).
    public let speed: SimSpeed

    /// A restart with `scenario` at `speed`.
    public init(scenario: any ScenarioObserver, speed: SimSpeed) {
        self.scenario = scenario; self.speed = speed
    }

    public static func == (a: ScenarioRestart, b: ScenarioRestart) -> Bool {
        a.scenario === b.scenario && a.speed == b.speed
    }
}
