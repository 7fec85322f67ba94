/// A drill as a state machine over snapshots, shared by the headless runner and live runs in the
/// dashboard: feed it each new snapshot, apply the commands it returns, ask it when to look next.
///
/// Order within one observation: record events; evaluate the steady state "before" (just before
/// the first step that changes the fleet — clock commands such as `speed` do not count); check stop conditions and continuous checks; hand out due steps; at the
/// duration, evaluate "end" and hand out the rollback. A stop condition that fires skips the rest
/// of the method, evaluates the steady state ("stop") and hands out the rollback at once. A steady
/// state that does not hold before the method ends the drill there, failed: an experiment on a fleet
/// that is already unhealthy shows nothing, so the method is not run (as in chaos-engineering tools).
public struct DrillSession: Sendable {
    public let drill: DrillFile
    private var steady: [DrillCheckState]
    private var stops: [DrillCheckState]
    private var nextStep = 0
    private var beforeDone = false
    private var events: [Int: SimEvent] = [:]
    private var ownTimeline: [DrillReport.TimelineEntry] = []
    private var openBreach: [Int: Int] = [:]
    private var appliedSteps: [DrillReport.Step] = []
    private var rollbackApplied: [DrillReport.Step] = []
    private var abort: DrillReport.Abort?
    private var lastSeconds = 0.0
    /// Model invariants the snapshots reported violated (the first few): any fails the drill.
    public private(set) var invariantViolations: [String] = []
    /// Simulated seconds between observations while nothing else is due (one physics step).
    public var observationInterval = 1.0
    /// True once the drill has ended or aborted (its rollback has been handed out).
    public private(set) var finished = false

    public init(drill: DrillFile) {
        self.drill = drill
        steady = drill.steadyState.map { DrillCheckState(check: $0, role: .steadyState) }
        stops = drill.stopWhen.map { DrillCheckState(check: $0, role: .stopWhen) }
    }

    private var beforeTick: UInt64 {
        min(endTick, SessionRecording.tick(atSeconds: drill.method.first(where: \.command.isInjection)?.atSeconds ?? drill.durationSeconds))
    }
    private var endTick: UInt64 { SessionRecording.tick(atSeconds: drill.durationSeconds) }

    /// The method's steps due at `s`, in order. Before the steady state is checked only steps that
    /// inject nothing run (a story's `speed 10` at 0:00 applies at once, not with the first fault).
    private mutating func dueSteps(at s: Snapshot) -> [SimCommand] {
        var commands: [SimCommand] = []
        while nextStep < drill.method.count, SessionRecording.tick(atSeconds: drill.method[nextStep].atSeconds) <= s.tick,
              beforeDone || !drill.method[nextStep].command.isInjection {
            let step = drill.method[nextStep]
            commands.append(step.command)
            appliedSteps.append(DrillReport.Step(atS: s.simTime, command: step.text, applied: true))
            nextStep += 1
        }
        return commands
    }

    /// The tick at which the session next needs a snapshot, after the one at `tick`.
    public func nextObservationTick(after tick: UInt64) -> UInt64 {
        let interval = max(1, UInt64((observationInterval * SimClock.ticksPerSecond).rounded()))
        var next = (tick / interval + 1) * interval
        if !beforeDone { next = min(next, max(beforeTick, tick + 1)) }
        if nextStep < drill.method.count { next = min(next, max(SessionRecording.tick(atSeconds: drill.method[nextStep].atSeconds), tick + 1)) }
        return min(next, max(endTick, tick + 1))
    }

    /// Takes a new snapshot and returns the commands to apply now, in order.
    public mutating func observe(_ s: Snapshot) -> [SimCommand] {
        guard !finished else { return [] }
        let t = s.simTime
        lastSeconds = t
        for e in s.events { events[e.id] = e }
        for v in s.invariantViolations where invariantViolations.count < 10 && !invariantViolations.contains(v) {
            invariantViolations.append("at \(ClockText.elapsed(t)): " + v)
        }
        if !beforeDone && s.tick >= beforeTick {
            beforeDone = true
            var unmet = false
            for i in steady.indices where steady[i].evaluate(phase: "before", at: t, value: steady[i].check.metric.value(in: s)) {
                noteBreach(i, at: t, value: steady[i].check.metric.value(in: s), ongoing: false)
                unmet = true
            }
            if unmet, drill.method[nextStep...].contains(where: \.command.isInjection) {
                ownTimeline.append(DrillReport.TimelineEntry(startS: t, endS: t, kind: "abort",
                                                             text: "steady state not met before the method: method not run",
                                                             repeats: 1, injected: true))
                return rollback(at: t)
            }
        }
        guard beforeDone else { return dueSteps(at: s) }
        for i in stops.indices {
            let value = stops[i].check.metric.value(in: s)
            if stops[i].evaluateContinuously(at: t, value: value).tripped {
                return abortNow(at: t, snapshot: s, condition: stops[i].check.text, value: value)
            }
        }
        for i in steady.indices where steady[i].check.continuous {
            let value = steady[i].check.metric.value(in: s)
            let r = steady[i].evaluateContinuously(at: t, value: value)
            if r.started { noteBreach(i, at: t, value: value, ongoing: true) }
            if r.ended, let j = openBreach.removeValue(forKey: i) { ownTimeline[j].endS = t }
        }
        var commands = dueSteps(at: s)
        if s.tick >= endTick {
            for i in steady.indices where steady[i].evaluate(phase: "end", at: t, value: steady[i].check.metric.value(in: s)) {
                noteBreach(i, at: t, value: steady[i].check.metric.value(in: s), ongoing: false)
            }
            commands += rollback(at: t)
        }
        return commands
    }

    private mutating func abortNow(at t: Double, snapshot s: Snapshot, condition: String, value: Double?) -> [SimCommand] {
        abort = DrillReport.Abort(atS: t, condition: condition, value: value)
        ownTimeline.append(DrillReport.TimelineEntry(startS: t, endS: t, kind: "abort",
                                                     text: "stop condition \(condition) fired", repeats: 1, injected: true))
        for i in steady.indices where steady[i].evaluate(phase: "stop", at: t, value: steady[i].check.metric.value(in: s)) {
            noteBreach(i, at: t, value: steady[i].check.metric.value(in: s), ongoing: false)
        }
        return rollback(at: t)
    }

    private mutating func rollback(at t: Double) -> [SimCommand] {
        finished = true
        rollbackApplied = drill.rollback.map { DrillReport.Step(atS: t, command: CommandFormatter.format($0), applied: true) }
        if !drill.rollback.isEmpty {
            ownTimeline.append(DrillReport.TimelineEntry(startS: t, endS: t, kind: "rollback",
                                                         text: rollbackApplied.map(\.command).joined(separator: "; "),
                                                         repeats: 1, injected: true))
        }
        return drill.rollback
    }

    private mutating func noteBreach(_ i: Int, at t: Double, value: Double?, ongoing: Bool) {
        let check = steady[i].check
        let shown = value.map(check.metric.format) ?? "absent"
        ownTimeline.append(DrillReport.TimelineEntry(startS: t, endS: ongoing ? nil : t, kind: "breach",
                                                     text: "\(check.text) not met: \(shown)", repeats: 1, injected: false))
        if ongoing { openBreach[i] = ownTimeline.count - 1 }
    }

    /// Where the drill stands now.
    public var progress: DrillProgress {
        let next = nextStep < drill.method.count ? drill.method[nextStep] : nil
        let failing = steady.filter { !$0.held }.count
        return DrillProgress(simSeconds: lastSeconds, durationSeconds: drill.durationSeconds, stepsApplied: nextStep,
                             stepCount: drill.method.count, nextStep: finished ? nil : next?.text,
                             nextStepAtSeconds: finished ? nil : next?.atSeconds,
                             checksPassing: steady.count - failing, checksFailing: failing, finished: finished)
    }

    /// Every check as it stands (steady state, then stop conditions), without building the timeline.
    public var checkReports: [DrillReport.Check] { steady.map(\.report) + stops.map(\.report) }

    /// The verdict so far (final once `finished`).
    public var verdict: DrillVerdict {
        if abort != nil { return .aborted }
        return steady.allSatisfy(\.held) && invariantViolations.isEmpty ? .passed : .failed
    }

    /// The report of the run so far (complete once `finished`).
    public func report() -> DrillReport {
        let skipped = drill.method[nextStep...].map { DrillReport.Step(atS: $0.atSeconds, command: $0.text, applied: false) }
        let engineEvents = events.values.sorted { $0.id < $1.id }.map {
            DrillReport.TimelineEntry(startS: $0.startSeconds, endS: $0.endSeconds, kind: $0.kind.rawValue,
                                      text: $0.text, repeats: $0.repeats, injected: $0.injected)
        }
        let timeline = (engineEvents + ownTimeline).enumerated()
            .sorted { ($0.element.startS, $0.offset) < ($1.element.startS, $1.offset) }.map(\.element)
        return DrillReport(name: drill.name, description: drill.description, source: drill.source, fleet: drill.fleet,
                           seed: drill.seed, durationS: drill.durationSeconds, endedAtS: lastSeconds, verdict: verdict,
                           exitStatus: verdict.exitStatus.rawValue,
                           checks: steady.map(\.report) + stops.map(\.report),
                           steps: appliedSteps + skipped, abort: abort, rollback: rollbackApplied, timeline: timeline,
                           invariantViolations: invariantViolations)
    }
}
