import FleetDashboard
import FleetSim
import FleetTerminal

/// Connects the terminal loop to the dashboard and the simulation runner: input becomes dashboard
/// actions and runner commands; a frame is drawn only when a new snapshot arrived or the view changed.
final class LiveDashboard: TerminalHandler {
    let app: DashboardApp
    let runner: SimRunner
    private var drawnVersion: UInt64 = .max
    private var drawnSize: TerminalSize?
    private var viewChanged = true
    private var canvas = Canvas(width: 0, height: 0)
    /// Frame interval now in force (the `<` / `>` keys change it).
    private(set) var refreshMilliseconds: Int

    init(app: DashboardApp, runner: SimRunner, refreshMilliseconds: Int) {
        self.app = app
        self.runner = runner
        self.refreshMilliseconds = refreshMilliseconds
    }

    var preferredFrameInterval: Duration? { .milliseconds(refreshMilliseconds) }

    func handle(_ event: InputEvent) -> LoopAction {
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
            }
        }
        viewChanged = true
        return result
    }

    func frame(size: TerminalSize) -> Canvas? {
        let version = runner.hub.version
        guard viewChanged || version != drawnVersion || size != drawnSize, let snapshot = runner.hub.latest else {
            return nil
        }
        if canvas.width != size.columns || canvas.height != size.rows {
            canvas = Canvas(width: size.columns, height: size.rows)
        }
        app.render(snapshot: snapshot, into: &canvas)
        drawnVersion = version
        drawnSize = size
        viewChanged = false
        return canvas
    }
}
