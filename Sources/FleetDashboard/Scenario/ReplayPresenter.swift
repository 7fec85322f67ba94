import FleetSim
import Foundation

/// `fleettop replay`: the header says REPLAY with the recording's progress; injections from the
/// keyboard or the command palette are refused (they would make the history differ from the recording).
///
/// Seeking (`KeyAction.Group.replay`, by default): `[` / `]` step 10 s back / forward, `{` / `}` a
/// minute, Home / End the start / end of the recording, `G` asks for a time (`12:30`, `1:02:03`,
/// `90s`, `5m`) or a tick (`#1234`). Forward seeks run the current simulation at full speed to the
/// target; backward ones replay the recording from its start at full speed on a fresh runner
/// (`DashboardAction.restart`), so the history is always the recording's.
public final class ReplayPresenter: ScenarioPresenter {
    /// The replay in force (a backward seek replaces it once the host has restarted the runner).
    public private(set) var scenario: LiveReplay
    public let recording: SessionRecording
    public let name: String
    /// The text typed after `G`, while the prompt is open.
    private var prompt: String?
    /// The speed to come back to after a seek.
    private var pace: SimSpeed?
    /// What the key bar and the palette say when an injection is refused.
    public static let refusalText = "replay: injections are refused while replaying (the history must match the recording)"
    /// Seconds `[` `]` and `{` `}` move.
    public static let shortStep = 10.0, longStep = 60.0

    /// Presents `scenario`, which plays `recording` (called `name` in the header).
    public init(recording: SessionRecording, name: String, scenario: LiveReplay) {
        self.recording = recording; self.name = name; self.scenario = scenario
    }

    public var keys: KeyAction.Group? { .replay }

    /// The `G` prompt takes every key while it is open.
    public func intercept(_ key: Key, app: DashboardApp) -> [DashboardAction]? {
        guard prompt != nil else { return nil }
        switch key {
        case .escape: prompt = nil
        case .enter:
            let text = prompt ?? ""
            prompt = nil
            guard let tick = Self.parseTarget(text) else {
                app.state.say("seek: '\(TextSanitizer.clean(text))' is not a time (12:30, 1:02:03, 90s, 5m) or a tick (#1234)", error: true)
                return []
            }
            return seek(to: tick, app: app)
        case .backspace, .delete: if prompt?.isEmpty == false { prompt?.removeLast() }
        case .character(let c) where c.isASCII && !c.isNewline: prompt?.append(c)
        default: break
        }
        return []
    }

    public func perform(_ action: KeyAction, app: DashboardApp) -> [DashboardAction] {
        let now = app.newestSnapshot?.tick ?? 0
        let step = { (seconds: Double) -> UInt64 in
            let t = Double(now) + seconds * SimClock.ticksPerSecond
            return UInt64(max(0, t.rounded()))
        }
        switch action {
        case .replayBack: return seek(to: step(-Self.shortStep), app: app)
        case .replayForward: return seek(to: step(Self.shortStep), app: app)
        case .replayBackMinute: return seek(to: step(-Self.longStep), app: app)
        case .replayForwardMinute: return seek(to: step(Self.longStep), app: app)
        case .replayStart: return seek(to: 0, app: app)
        case .replayEnd: return seek(to: scenario.holdTick, app: app)
        case .replaySeek: prompt = ""
        default: break
        }
        return []
    }

    public func refusal(of action: KeyAction) -> String? {
        [.fault, .surge, .repair, .repairAll].contains(action) ? Self.refusalText : nil
    }

    public func refusal(of command: SimCommand) -> String? { command.isInjection ? Self.refusalText : nil }

    /// The tick a typed target names: `#1234` a tick; `12:30` or `1:02:03` a simulated time; `90s`, `5m`.
    public static func parseTarget(_ text: String) -> UInt64? {
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
    private func seek(to target: UInt64, app: DashboardApp) -> [DashboardAction] {
        let tick = min(target, scenario.holdTick)
        let newest = app.newestSnapshot
        let now = newest?.tick ?? 0
        let back = pace ?? newest?.clock.speed ?? .times(1)
        pace = back
        var actions: [DashboardAction] = []
        if tick > now {
            scenario.seek(to: tick, pace: back)
            actions = [.scenarioChanged, .send(.clock(.speed(.max))), .send(.clock(.resume))]
        } else if tick < now {
            actions = [.restart(ScenarioRestart(scenario: LiveReplay(recording, seekTo: tick, pace: back), speed: .max))]
            if app.state.view == .gpus { actions.append(.watchGPUs(app.gpuScope())) }
        }
        app.state.say("seeking to " + ScenarioText.clock(SessionRecording.seconds(ofTick: tick)) + " (tick \(tick))")
        return actions
    }

    public func completed(_ action: DashboardAction, failure: ScenarioFailure?, app: DashboardApp) {
        guard case .restart(let restart) = action else { return }
        if let failure {
            app.state.say("cannot seek back: \(failure)", error: true)
        } else if let fresh = restart.scenario as? LiveReplay {
            scenario = fresh
        }
    }

    public func update(_ state: inout DashboardState, snapshot: Snapshot, keymap: Keymap, ascii: Bool) {
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
        state.scenarioKeys = .replay
        state.scenarioView = nil
        if let prompt {
            state.say("seek to (12:30, 90s, #tick): " + prompt + "_  Enter seeks, Esc cancels")
        }
        if state.modal == nil, !state.editingFilter, state.message == nil {
            func key(_ a: KeyAction) -> String { ScenarioText.key(a, keymap, ascii: ascii) }
            state.scenarioView = ScenarioView(hints: [.init(key(.replayBack) + " " + key(.replayForward), "±10 s"),
                                                      .init(key(.replayBackMinute) + " " + key(.replayForwardMinute), "±1 min"),
                                                      .init(key(.replayStart) + "/" + key(.replayEnd), "start/end"),
                                                      .init(key(.replaySeek), "seek to"), .init(key(.pause), "pause"),
                                                      .init(key(.help), "help"), .init(key(.quit), "quit")])
        }
    }
}
