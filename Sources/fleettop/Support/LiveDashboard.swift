import FleetDashboard
import FleetExport
import Foundation
import FleetSim
import FleetTerminal

/// Connects the terminal loop to the dashboard and the simulation runner: input becomes dashboard
/// actions, which this host carries out (commands for the runner, files written, a runner restarted
/// for a running scenario); a frame is drawn only when a new snapshot arrived or the view changed.
final class LiveDashboard: TerminalHandler {
    /// Builds a fresh runner driven by a scenario, started at a speed (a story's rewind, a replay's
    /// backward seek).
    typealias RunnerFactory = (any ScenarioObserver, SimSpeed) throws -> SimRunner

    let app: DashboardApp
    /// The runner in force (a restart replaces it).
    private(set) var runner: SimRunner
    private let restart: RunnerFactory?
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

    init(app: DashboardApp, runner: SimRunner, restart: RunnerFactory? = nil, refreshMilliseconds: Int) {
        self.app = app
        self.runner = runner
        self.restart = restart
        self.refreshMilliseconds = refreshMilliseconds
        app.latestSnapshot = { [unowned self] in self.runner.hub.latest }
    }

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
        var result = LoopAction.proceed
        for action in app.handle(event) {
            switch action {
            case .quit:
                return .quit
            case .send(let command):
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
            case .saveReport(let report, let path):
                app.presenter?.completed(action, failure: Self.save(report, to: path), app: app)
            case .restart(let request):
                app.presenter?.completed(action, failure: restart(request), app: app)
            case .scenarioChanged:
                runner.scenarioChanged()
            }
        }
        return result
    }

    /// Writes a drill's report as Markdown and JSON, each atomically; nil when both are written.
    private static func save(_ report: DrillReport, to path: String) -> ScenarioFailure? {
        do {
            try DrillReportWriter.writeAtomically(DrillReportWriter.markdown(report), to: path + ".md")
            try DrillReportWriter.writeAtomically(DrillReportWriter.json(report), to: path + ".json")
            return nil
        } catch {
            return ScenarioFailure(reason: error.reason, description: "\(error)")
        }
    }

    /// Stops the runner in force and starts a fresh one over the request's scenario; nil when done.
    private func restart(_ request: ScenarioRestart) -> ScenarioFailure? {
        guard let restart else { return ScenarioFailure(reason: "this run cannot restart", description: "this run cannot restart") }
        do {
            let next = try restart(request.scenario, request.speed)
            runner.stop()
            runner = next
            runner.start()
            return nil
        } catch {
            return ScenarioFailure(reason: "\(error)", description: "\(error)")
        }
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
        app.render(snapshot: snapshot, into: &canvas)
        drawnVersion = version
        drawnRunner = id
        drawnSize = size
        viewChanged = false
        return canvas
    }
}
