import FleetDashboard
import FleetExport
import Foundation
import FleetSim
import FleetTerminal

/// Connects the terminal loop to the dashboard and the simulation runner: input becomes dashboard
/// actions and runner commands; a frame is drawn only when a new snapshot arrived or the view changed.
/// A scenario (drill, story, replay), when one runs, sees keys first and dresses each frame.
final class LiveDashboard: TerminalHandler {
    let app: DashboardApp
    let scenario: ScenarioController?
    private let ownRunner: SimRunner
    private var drawnVersion: UInt64 = .max
    private var drawnRunner: ObjectIdentifier?
    private var drawnSize: TerminalSize?
    private var viewChanged = true
    private var canvas = Canvas(width: 0, height: 0)
    /// Frame interval now in force (the `<` / `>` keys change it).
    private(set) var refreshMilliseconds: Int
    /// The session's recorder, whose first write failure is shown at once.
    var recorder: SessionRecorder?
    private var recorderFailureShown = false
    /// The `--metrics-listen` endpoint, which follows the runner in force.
    var metrics: MetricsEndpoint?

    init(app: DashboardApp, runner: SimRunner, scenario: ScenarioController? = nil, refreshMilliseconds: Int) {
        self.app = app
        self.ownRunner = runner
        self.scenario = scenario
        self.refreshMilliseconds = refreshMilliseconds
    }

    /// The runner in force (a story's rewind replaces it).
    var runner: SimRunner { scenario?.runner ?? ownRunner }

    var preferredFrameInterval: Duration? { .milliseconds(refreshMilliseconds) }

    /// Ctrl-Z: the simulation clock stops with the process, so no simulated time passes while stopped.
    func willSuspend() {
        runner.suspendClock()
    }

    /// `fg`: the clock goes on from where it stood; a fresh snapshot and a full frame follow.
    func didResume() {
        runner.resumeClock()
        runner.requestSnapshot()
        viewChanged = true
    }

    func handle(_ event: InputEvent) -> LoopAction {
        viewChanged = true
        if case .paste(let text) = event, let scenario, app.state.modal == nil, !app.state.editingFilter,
           scenario.paste(text) {
            return .proceed
        }
        if case .key(let k) = event, let scenario, app.state.modal == nil, !app.state.editingFilter {
            app.state.message = nil
            if let action = scenario.handle(k, app: app) { return action }
        }
        var result = LoopAction.proceed
        for action in app.handle(event) {
            switch action {
            case .quit:
                return .quit
            case .send(let command):
                if let reason = scenario?.refusal(of: command) {
                    app.state.say(reason, error: true)
                    continue
                }
                runner.send(command)
                runner.requestSnapshot()
            case .themeChanged:
                result = .repaint
            case .refreshChanged(let ms):
                refreshMilliseconds = ms
            case .redraw:
                break
            case .saveFrame:
                saveFrame()
            case .watchGPUs(let racks):
                runner.watchGPUs(racks: racks)
            }
        }
        return result
    }

    /// Writes the frame last drawn to `fleettop-frame-<sim time>.txt` in the working directory (a
    /// numbered name when that exists) and says where, for incident notes.
    private func saveFrame() {
        guard canvas.width > 0, let s = runner.hub.latest else {
            app.state.say("nothing drawn yet to save", error: true)
            return
        }
        let stamp = NumberFormat.simClock(s.simTime).replacingOccurrences(of: ":", with: "")
        let directory = FileManager.default.currentDirectoryPath
        var path = directory + "/fleettop-frame-\(stamp).txt"
        var n = 2
        while FileManager.default.fileExists(atPath: path) {
            path = directory + "/fleettop-frame-\(stamp)-\(n).txt"
            n += 1
        }
        let text = (0..<canvas.height).map { y in
            var line = canvas.rowText(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            app.state.say("saved the screen to " + path)
        } catch {
            app.state.say("cannot save the screen to \(path): \(error.localizedDescription)", error: true)
        }
    }

    func frame(size: TerminalSize) -> Canvas? {
        if !recorderFailureShown, let failure = recorder?.failure {
            recorderFailureShown = true
            app.state.say("recording stopped: \(failure)", error: true)
            viewChanged = true
        }
        let current = runner
        let version = current.hub.version
        let id = ObjectIdentifier(current)
        guard viewChanged || version != drawnVersion || id != drawnRunner || size != drawnSize,
              let snapshot = current.hub.latest else {
            return nil
        }
        if id != drawnRunner, drawnRunner != nil { metrics?.follow(current) }
        if canvas.width != size.columns || canvas.height != size.rows {
            canvas = Canvas(width: size.columns, height: size.rows)
        }
        scenario?.update(&app.state, snapshot: snapshot, ascii: app.glyphs.isASCII)
        app.render(snapshot: snapshot, into: &canvas)
        drawnVersion = version
        drawnRunner = id
        drawnSize = size
        viewChanged = false
        return canvas
    }
}
