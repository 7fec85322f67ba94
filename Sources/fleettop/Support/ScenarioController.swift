import FleetDashboard
import FleetSim
import FleetTerminal

/// A drill, story or replay running in the live dashboard, as the dashboard loop sees it: it owns
/// the runner (a story's rewind swaps it), sees keys before the dashboard, refuses commands it must,
/// and dresses the dashboard state (header text, highlight, caption, checks, dialog) before a frame.
protocol ScenarioController: AnyObject {
    /// The runner in force.
    var runner: SimRunner { get }
    /// Takes a key before the dashboard does; nil lets the dashboard have it.
    func handle(_ key: Key, app: DashboardApp) -> LoopAction?
    /// Takes pasted text before the dashboard does (a text field of its own is open); false lets
    /// the dashboard have it.
    func paste(_ text: String) -> Bool
    /// Why a command from the dashboard must not reach the runner, if it must not.
    func refusal(of command: SimCommand) -> String?
    /// Fills `state.scenario` and `state.scenarioView` for a frame of `snapshot` (`ascii`: ASCII glyphs only).
    func update(_ state: inout DashboardState, snapshot: Snapshot, ascii: Bool)
}

extension ScenarioController {
    func refusal(of command: SimCommand) -> String? { nil }
    func paste(_ text: String) -> Bool { false }
}

/// Text shared by the scenario controllers.
enum ScenarioText {
    /// "03:12" or "1:02:03" of simulated seconds (negative clamps to zero).
    static func clock(_ seconds: Double) -> String { ClockText.elapsed(max(0, seconds)) }

    /// The wall-clock equivalent of `seconds` simulated at `speed` (simulated time at max speed).
    static func wallSeconds(_ seconds: Double, speed: SimSpeed) -> Double {
        if case .times(let x) = speed, x > 0 { return seconds / x }
        return seconds
    }

    /// A name from a file, safe and short for the header.
    static func name(_ s: String, limit: Int = 40) -> String {
        let clean = TextSanitizer.clean(s)
        return clean.count <= limit ? clean : String(clean.prefix(limit - 1)) + "…"
    }
}
