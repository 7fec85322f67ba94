import FleetDashboard
import FleetSim
import FleetTerminal

/// `fleettop replay`: the header says REPLAY with the recording's progress; injections from the
/// keyboard or the command palette are refused (they would make the history differ from the recording).
///
/// Seeking: `[` / `]` step 10 s back / forward, `{` / `}` a minute, Home / End the start / end of the
/// recording, `G` asks for a time (`12:30`, `1:02:03`, `90s`, `5m`) or a tick (`#1234`). Forward seeks
/// run the current simulation at full speed to the target; backward ones replay the recording from
/// its start at full speed (a fresh runner), so the history is always the recording's.
final class ScenarioReplayController: ScenarioController {
    private(set) var runner: SimRunner
    private(set) var scenario: ScenarioReplay
    let recording: SessionRecording
    let name: String
    /// Builds a runner for a replay observer at a speed.
    private let makeRunner: (ScenarioReplay, SimSpeed) throws -> SimRunner
    /// The text typed after `G`, while the prompt is open.
    private var prompt: String?
    /// The speed to come back to after a seek.
    private var pace: SimSpeed?
    static let refusalText = "replay: injections are refused while replaying (the history must match the recording)"
    /// Seconds `[` `]` and `{` `}` move.
    static let shortStep = 10.0, longStep = 60.0

    init(recording: SessionRecording, name: String, speed: SimSpeed,
         makeRunner: @escaping (ScenarioReplay, SimSpeed) throws -> SimRunner) throws {
        self.recording = recording; self.name = name; self.makeRunner = makeRunner
        scenario = ScenarioReplay(recording, pace: speed)
        runner = try makeRunner(scenario, speed)
    }

    func handle(_ key: Key, app: DashboardApp) -> LoopAction? {
        if prompt != nil { return typePrompt(key, app: app) }
        let now = runner.hub.latest?.tick ?? 0
        let step = { (seconds: Double) -> UInt64 in
            let t = Double(now) + seconds * SimClock.ticksPerSecond
            return UInt64(max(0, t.rounded()))
        }
        switch key {
        case .character("["): seek(to: step(-Self.shortStep), app: app)
        case .character("]"): seek(to: step(Self.shortStep), app: app)
        case .character("{"): seek(to: step(-Self.longStep), app: app)
        case .character("}"): seek(to: step(Self.longStep), app: app)
        case .home: seek(to: 0, app: app)
        case .end: seek(to: scenario.holdTick, app: app)
        case .character("G"): prompt = ""
        default:
            guard let action = app.keymap.action(for: key), [.fault, .surge, .repair, .repairAll].contains(action) else { return nil }
            app.state.say(Self.refusalText, error: true)
        }
        return .proceed
    }

    private func typePrompt(_ key: Key, app: DashboardApp) -> LoopAction {
        switch key {
        case .escape: prompt = nil
        case .enter:
            let text = prompt ?? ""
            prompt = nil
            guard let tick = Self.parseTarget(text) else {
                app.state.say("seek: '\(TextSanitizer.clean(text))' is not a time (12:30, 1:02:03, 90s, 5m) or a tick (#1234)", error: true)
                return .proceed
            }
            seek(to: tick, app: app)
        case .backspace, .delete: if prompt?.isEmpty == false { prompt?.removeLast() }
        case .character(let c) where c.isASCII && !c.isNewline: prompt?.append(c)
        default: break
        }
        return .proceed
    }

    /// The tick a typed target names: `#1234` a tick; `12:30` or `1:02:03` a simulated time; `90s`, `5m`.
    static func parseTarget(_ text: String) -> UInt64? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("#") { return UInt64(t.dropFirst()) }
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count >= 2, parts.count <= 3 {
            let numbers = parts.compactMap { Int($0) }
            guard numbers.count == parts.count, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
            let seconds = numbers.reduce(0) { $0 * 60 + $1 }
            return SessionRecording.tick(atSeconds: Double(seconds))
        }
        return QuantityText.parseDuration(Substring(t)).map { SessionRecording.tick(atSeconds: $0) }
    }

    /// Holds the replay at `tick`: forward on this runner at full speed, backward on a fresh one.
    private func seek(to target: UInt64, app: DashboardApp) {
        let tick = min(target, scenario.holdTick)
        let now = runner.hub.latest?.tick ?? 0
        let back = pace ?? runner.hub.latest?.clock.speed ?? .times(1)
        pace = back
        if tick > now {
            scenario.seek(to: tick, pace: back)
            runner.scenarioChanged()
            runner.send(.clock(.speed(.max)))
            runner.send(.clock(.resume))
        } else if tick < now {
            let fresh = ScenarioReplay(recording, seekTo: tick, pace: back)
            do {
                let next = try makeRunner(fresh, .max)
                runner.stop()
                runner = next
                scenario = fresh
                runner.start()
                if app.state.view == .gpus { runner.watchGPUs(racks: app.gpuScope()) }
            } catch {
                app.state.say("cannot seek back: \(error)", error: true)
                return
            }
        }
        app.state.say("seeking to " + ScenarioText.clock(SessionRecording.seconds(ofTick: tick)) + " (tick \(tick))")
    }

    func refusal(of command: SimCommand) -> String? { command.isInjection ? Self.refusalText : nil }

    func update(_ state: inout DashboardState, snapshot: Snapshot, ascii: Bool) {
        let s = scenario.status
        let end = SessionRecording.seconds(ofTick: scenario.holdTick)
        var header = "REPLAY " + ScenarioText.name(name, limit: 30) + " · \(s.applied)/\(s.total) commands"
        if let seek = s.seekTick {
            header += " · seeking to " + ScenarioText.clock(SessionRecording.seconds(ofTick: seek))
        } else if s.finished {
            header += " · end of recording"
        } else {
            header += " · at " + ScenarioText.clock(snapshot.simTime) + " of " + ScenarioText.clock(end)
            if let next = s.nextTick {
                header += " · next in " + ScenarioText.clock(SessionRecording.seconds(ofTick: next) - snapshot.simTime)
            }
        }
        if s.seekTick == nil { pace = nil }
        state.scenario = header
        state.scenarioView = nil
        if let prompt {
            state.say("seek to (12:30, 90s, #tick): " + prompt + "_  Enter seeks, Esc cancels")
        }
        if state.modal == nil, !state.editingFilter, state.message == nil {
            state.scenarioView = ScenarioView(hints: [.init("[ ]", "±10 s"), .init("{ }", "±1 min"), .init("Home/End", "start/end"),
                                                      .init("G", "seek to"), .init("Space", "pause"), .init("?", "help"),
                                                      .init("q", "quit")])
        }
    }
}
