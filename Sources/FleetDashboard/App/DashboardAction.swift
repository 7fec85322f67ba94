import FleetSim

/// What the dashboard asks of its host (the terminal loop) after an input event.
public enum DashboardAction: Sendable, Equatable {
    /// Leave the dashboard.
    case quit
    /// Send a command to the simulation runner (stamped with the tick it applies at by the runner).
    case send(SimCommand)
    /// The theme changed: the terminal may need to rebuild its colour pairs.
    case themeChanged(index: Int, name: String)
    /// Redraw every this many milliseconds from now on.
    case refreshChanged(milliseconds: Int)
    /// Something visible changed: draw a frame now rather than at the next refresh.
    case redraw
    /// Write the frame on screen to a text file (`w`), for incident notes.
    case saveFrame
    /// Ask the simulation for per-GPU figures of these racks in every snapshot (nil: stop).
    case watchGPUs(Range<Int>?)
    /// A live drill's summary dialog asked to save its report: Markdown to `path.md`, JSON to
    /// `path.json`, each whole or not at all. The host writes them and tells the presenter how it went
    /// (`ScenarioPresenter.completed`).
    case saveReport(DrillReport, path: String)
    /// A story's rewind or a replay's backward seek: stop the runner and start a fresh one driven by
    /// the restart's scenario at its speed (the host builds it; it tells the presenter how it went).
    case restart(ScenarioRestart)
    /// The running scenario changed its next observation (a replay's forward seek): the runner
    /// must ask it again.
    case scenarioChanged
}
