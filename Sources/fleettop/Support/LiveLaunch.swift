import FleetDashboard
import FleetExport
import FleetSim
import FleetTerminal

/// The launch step every command that draws the dashboard shares (`watch`, `watch --drill`, `demo`,
/// `replay`): themes from the flag or the config, the refresh interval checked, the terminal checked,
/// all before the terminal opens; then `run` opens it and runs the dashboard loop over a runner.
struct LiveLaunch {
    let config: FleetConfig
    let display: DisplayOptions
    let environment: [String: String]
    let themes: [Theme]
    let themeIndex: Int
    let refresh: Int

    /// Loads the themes and checks the refresh interval and the terminal; `headless` says what to
    /// run instead when the terminal cannot draw ("for a headless run use `fleettop snapshot`…").
    init(config: FleetConfig, display: DisplayOptions, environment: [String: String], headless: String) throws {
        self.config = config; self.display = display; self.environment = environment
        (themes, themeIndex, _) = try display.loadThemes(config: config, environment: environment)
        refresh = display.refresh ?? config.refreshMilliseconds
        guard FleetConfig.refreshRange.contains(refresh) else {
            throw UserFailure(message: "fleettop: --refresh \(refresh): expected \(FleetConfig.refreshRange.lowerBound)…\(FleetConfig.refreshRange.upperBound) ms")
        }
        if let reason = TerminalCheck.refusal(environment: environment) {
            throw UserFailure(message: "fleettop: \(reason), so the dashboard is not drawn; " + headless)
        }
    }

    /// The speed to start at: `--speed`, else the config's.
    func speed(_ argument: SpeedArgument?) -> SimSpeed { argument?.speed ?? config.speed }

    /// Starts the metrics endpoint when asked, opens the terminal, and runs the dashboard over
    /// `runner` (started here) with `presenter`'s scenario, if any; `restart` builds a fresh runner
    /// for a scenario's rewind or backward seek. A recorder gets its end line on every way out
    /// (quit, signal, error). Returns the exit status.
    func run(runner: SimRunner, presenter: ScenarioPresenter? = nil, restart: LiveDashboard.RunnerFactory? = nil,
             recorder: SessionRecorder? = nil, readOnly: Bool = false, metrics options: MetricsOptions, command: String) throws -> Int32 {
        let metrics = try options.endpoint(command: command)
        var endTick: UInt64 = 0
        defer { recorder?.close(endTick: endTick) }
        defer { metrics?.stop() }
        let terminal = TerminalOptions(noColor: display.noColor, forceASCII: display.ascii, environment: environment)
        let session: TerminalSession
        do { session = try TerminalSession.open(options: terminal) } catch {
            throw UserFailure(message: "fleettop: cannot open the terminal: \(error)")
        }
        let glyphs: GlyphSet = session.glyphMode == .ascii ? .ascii : .unicode
        let app = DashboardApp(themes: themes, glyphs: glyphs, keymap: config.keymap, readOnly: readOnly,
                               refreshMilliseconds: refresh)
        app.state.themeIndex = themeIndex
        app.topology = runner.topology
        app.presenter = presenter
        let live = LiveDashboard(app: app, runner: runner, restart: restart, refreshMilliseconds: refresh)
        live.recorder = recorder
        live.metrics = metrics
        metrics?.follow(live.runner)
        app.state.metricsIndicator = metrics?.indicator
        live.runner.start()
        defer {
            live.runner.stop()
            endTick = live.runner.tick
        }
        return TerminalApp.run(session: session, frameInterval: .milliseconds(refresh), handler: live)
    }
}
