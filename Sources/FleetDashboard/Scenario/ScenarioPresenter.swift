import FleetSim

/// A drill, story or replay running in the live dashboard, as the dashboard sees it: its own keys
/// (a `KeyAction.Layer` of the keymap, taken before the dashboard's), a dialog or prompt of its own
/// that takes keys and pastes while open, commands and keys it refuses, and what it shows over the
/// panels before each frame. It asks the host for what it cannot do itself (save a report, restart
/// the runner) with `DashboardAction`s, and hears back through `completed`.
public protocol ScenarioPresenter: AnyObject {
    /// The help section of its keys, and the keymap layer they are bound in; nil when it has none.
    var keys: KeyAction.Group? { get }
    /// Takes a key before the keymap while a dialog or prompt of its own is open; nil lets it through.
    func intercept(_ key: Key, app: DashboardApp) -> [DashboardAction]?
    /// Does one of its own key actions (one of `keys`' layer).
    func perform(_ action: KeyAction, app: DashboardApp) -> [DashboardAction]
    /// Takes pasted text while a text field of its own is open; false lets the dashboard have it.
    func paste(_ text: String) -> Bool
    /// Why a dashboard key action must not run now, if it must not.
    func refusal(of action: KeyAction) -> String?
    /// Why a command from the dashboard must not reach the runner, if it must not.
    func refusal(of command: SimCommand) -> String?
    /// Fills `state.scenario`, `state.scenarioView` and `state.scenarioKeys` for a frame of `snapshot`.
    func update(_ state: inout DashboardState, snapshot: Snapshot, keymap: Keymap, ascii: Bool)
    /// The host's outcome of `action` (a report saved, a runner restarted): nil when it was done.
    func completed(_ action: DashboardAction, failure: ScenarioFailure?, app: DashboardApp)
}

extension ScenarioPresenter {
    public var keys: KeyAction.Group? { nil }
    public func intercept(_ key: Key, app: DashboardApp) -> [DashboardAction]? { nil }
    public func perform(_ action: KeyAction, app: DashboardApp) -> [DashboardAction] { [] }
    public func paste(_ text: String) -> Bool { false }
    public func refusal(of action: KeyAction) -> String? { nil }
    public func refusal(of command: SimCommand) -> String? { nil }
    public func completed(_ action: DashboardAction, failure: ScenarioFailure?, app: DashboardApp) {}
}

/// Why the host could not do what a presenter asked: a short reason for a dialog, and the whole
/// message for the key bar.
public struct ScenarioFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason in a few words ("permission denied").
    public var reason: String
    /// The whole message.
    public var description: String

    public init(reason: String, description: String) {
        self.reason = reason; self.description = description
    }
}
