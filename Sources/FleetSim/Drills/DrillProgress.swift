/// Where a running drill stands, for a progress bar or the dashboard header.
public struct DrillProgress: Sendable, Equatable {
    public var simSeconds: Double
    public var durationSeconds: Double
    /// Method steps applied so far and in all.
    public var stepsApplied: Int
    public var stepCount: Int
    /// The next step's command and time, if any remain.
    public var nextStep: String?
    public var nextStepAtSeconds: Double?
    /// Steady-state checks holding and failed so far (a failed check stays failed).
    public var checksPassing: Int
    public var checksFailing: Int
    /// True once the drill has finished (ended or aborted).
    public var finished: Bool

    /// Share of the drill's simulated duration done, 0...1.
    public var fraction: Double { durationSeconds > 0 ? min(1, max(0, simSeconds / durationSeconds)) : 1 }

    /// One terminal line for the headless progress bar, at most `width` characters:
    /// `[#########-----------] 12:30/30:00 step 1/2 next 15:00 surge agentic… ✔2 ✘0`.
    public func barLine(width: Int) -> String {
        let status = " \(ClockText.elapsed(simSeconds))/\(ClockText.elapsed(durationSeconds)) step \(stepsApplied)/\(stepCount)"
        let checks = " ✔\(checksPassing) ✘\(checksFailing)"
        let next = nextStep.map { " next \(ClockText.elapsed(nextStepAtSeconds ?? 0)) \(TextSanitizer.strip($0))" } ?? ""
        let barWidth = max(10, min(30, width / 4))
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        var line = bar + status
        let room = width - line.count - checks.count
        if room > 8, !next.isEmpty { line += next.count <= room ? next : String(next.prefix(room - 1)) + "…" }
        return String((line + checks).prefix(max(0, width)))
    }

    public init(simSeconds: Double, durationSeconds: Double, stepsApplied: Int, stepCount: Int, nextStep: String?,
                nextStepAtSeconds: Double?, checksPassing: Int, checksFailing: Int, finished: Bool) {
        self.simSeconds = simSeconds; self.durationSeconds = durationSeconds
        self.stepsApplied = stepsApplied; self.stepCount = stepCount
        self.nextStep = nextStep; self.nextStepAtSeconds = nextStepAtSeconds
        self.checksPassing = checksPassing; self.checksFailing = checksFailing; self.finished = finished
    }
}
