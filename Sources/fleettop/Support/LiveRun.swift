import FleetDashboard
import FleetSim
import FleetTerminal

/// Opens the terminal, runs the dashboard loop over a started runner, and returns the exit status.
enum LiveRun {
    static func run(runner: SimRunner, themes: [Theme], themeIndex: Int, keymap: Keymap, readOnly: Bool,
                    refresh: Int, display: DisplayOptions, environment: [String: String]) throws -> Int32 {
        let options = TerminalOptions(noColor: display.noColor, forceASCII: display.ascii, environment: environment)
        let session: TerminalSession
        do { session = try TerminalSession.open(options: options) } catch {
            throw UserFailure(message: "fleettop: cannot open the terminal: \(error)")
        }
        let glyphs: GlyphSet = session.glyphMode == .ascii ? .ascii : .unicode
        let app = DashboardApp(themes: themes, glyphs: glyphs, keymap: keymap, readOnly: readOnly,
                               refreshMilliseconds: refresh)
        app.state.themeIndex = themeIndex
        let live = LiveDashboard(app: app, runner: runner, refreshMilliseconds: refresh)
        runner.start()
        defer { runner.stop() }
        return TerminalApp.run(session: session, frameInterval: .milliseconds(refresh), handler: live)
    }
}
