import FleetDashboard
import FleetSim
import FleetTerminal

/// `fleettop replay`: the header says REPLAY with the recording's progress; injections from the
/// keyboard or the command palette are refused (they would make the history differ from the recording).
final class ScenarioReplayController: ScenarioController {
    let runner: SimRunner
    let scenario: ScenarioReplay
    let name: String
    static let refusalText = "replay: injections are refused while replaying (the history must match the recording)"

    init(runner: SimRunner, scenario: ScenarioReplay, name: String) {
        self.runner = runner; self.scenario = scenario; self.name = name
    }

    func handle(_ key: Key, app: DashboardApp) -> LoopAction? {
        guard let action = app.keymap.action(for: key), [.fault, .surge, .repair, .repairAll].contains(action) else { return nil }
        app.state.say(Self.refusalText, error: true)
        return .proceed
    }

    func refusal(of command: SimCommand) -> String? { command.isInjection ? Self.refusalText : nil }

    func update(_ state: inout DashboardState, snapshot: Snapshot, ascii: Bool) {
        let s = scenario.status
        var header = "REPLAY " + ScenarioText.name(name, limit: 30) + " · \(s.applied)/\(s.total) commands"
        if s.finished {
            header += " · end of recording"
        } else if let next = s.nextTick {
            header += " · next in " + ScenarioText.clock(SessionRecording.seconds(ofTick: next) - snapshot.simTime)
        } else {
            header += " · ends at " + ScenarioText.clock(SessionRecording.seconds(ofTick: scenario.holdTick))
        }
        state.scenario = header
        state.scenarioView = nil
    }
}
