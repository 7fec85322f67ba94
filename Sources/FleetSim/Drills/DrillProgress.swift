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

    public init(simSeconds: Double, durationSeconds: Double, stepsApplied: Int, stepCount: Int, nextStep: String?,
                nextStepAtSeconds: Double?, checksPassing: Int, checksFailing: Int, finished: Bool) {
        self.simSeconds = simSeconds; self.durationSeconds = durationSeconds
        self.stepsApplied = stepsApplied; self.stepCount = stepCount
        self.nextStep = nextStep; self.nextStepAtSeconds = nextStepAtSeconds
        self.checksPassing = checksPassing; self.checksFailing = checksFailing; self.finished = finished
    }
}
