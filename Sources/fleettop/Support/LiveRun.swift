import FleetDashboard
import FleetExport
import FleetSim
import FleetTerminal

/// Opens the terminal, runs the dashboard loop over a started runner (or a scenario's), and returns
/// the exit status. A recorder, when given, gets its end line on every way out (quit, signal, error).
enum LiveRun {
    static func run(runner: SimRunner, scenario: ScenarioController? = nil, recorder: SessionRecorder? = nil,
                    themes: [Theme], themeIndex: Int, keymap: Keymap, readOnly: Bool,
                    refresh: Int, display: DisplayOptions, environment: [String: String],
                    metrics: MetricsEndpoint? = nil) throws -> Int32 {
        var endTick: UInt64 = 0
        defer { recorder?.close(endTick: endTick) }
        defer { metrics?.stop() }
        let options = TerminalOptions(noColor: display.noColor, forceASCII: display.ascii, environment: environment)
        let session: TerminalSession
        do { session = try TerminalSession.open(options: options) } catch {
            throw UserFailure(message: "fleettop: cannot open the terminal: \(error)")
        }
        let glyphs: GlyphSet = session.glyphMode == .ascii ? .ascii : .unicode
        let app = DashboardApp(themes: themes, glyphs: glyphs, keymap: keymap, readOnly: readOnly,
                               refreshMilliseconds: refresh)
        app.state.themeIndex = themeIndex
        app.topology = runner.topology
        let live = LiveDashboard(app: app, runner: runner, scenario: scenario, refreshMilliseconds: refresh)
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
