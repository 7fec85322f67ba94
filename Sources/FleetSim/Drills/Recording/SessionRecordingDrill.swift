/// Turns a recorded session into a drill, so a failure improvised live becomes a repeatable drill
/// (`fleettop drill --from-recording PATH`).
public enum SessionRecordingDrill {
    /// Starting checks for a converted drill: chat's TTFT SLO (MODEL.md §3, 2 s p99) and goodput
    /// above 95% (DESIGN §7's example); the user edits them to what healthy means for them.
    public static func defaultChecks() -> [DrillCheck] {
        guard let ttft = try? MetricPath("chat.ttft.p99"), let goodput = try? MetricPath("goodput") else { return [] }
        return [DrillCheck(metric: ttft, comparison: .below, threshold: 2),
                DrillCheck(metric: goodput, comparison: .above, threshold: 0.95)]
    }

    /// Simulated time kept after the last command when the recording has no end line.
    public static let tailSeconds = 300.0

    /// The drill: the recording's fleet and seed, each injection as a step at its time, clock
    /// commands (pause, speed…) left out since they do not change the history.
    public static func drill(from r: SessionRecording, name: String) -> DrillFile {
        let steps = r.entries.filter(\.command.isInjection).map {
            DrillStep(atSeconds: SessionRecording.seconds(ofTick: $0.tick), command: $0.command)
        }
        let lastTime = SessionRecording.seconds(ofTick: r.entries.last?.tick ?? 0)
        let end = r.endTick.map(SessionRecording.seconds(ofTick:)) ?? lastTime + tailSeconds
        return DrillFile(name: name, description: "converted from a recorded session", fleet: r.fleet, seed: r.seed,
                         durationSeconds: max(end, lastTime, SessionRecording.tickSeconds),
                         steadyState: defaultChecks(), method: steps, rollback: [.fleet(.repair(nil))])
    }

    /// The drill as YAML text, with a comment saying where it came from.
    public static func yaml(from r: SessionRecording, name: String, source: String) -> String {
        DrillYAMLWriter.yaml(drill(from: r, name: name),
                             comment: "converted by fleettop from the recording \(source)\nthe steady_state checks are a starting point: edit them to what healthy means for this fleet")
    }
}
