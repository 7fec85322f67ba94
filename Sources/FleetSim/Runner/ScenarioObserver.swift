/// A script that drives a live run — a drill, a story or a replay. `SimRunner` calls it on its own
/// thread at the tick boundaries it asks for, before stepping, with the snapshot of that tick; the
/// commands it returns apply at once, stamped with that tick (so `onCommandApplied` records them),
/// whatever the pacing. The same observations at the same ticks as a headless run give the same
/// history and the same report.
public protocol ScenarioObserver: AnyObject, Sendable {
    /// The first tick at which the scenario needs a snapshot (0 for a fresh run).
    var firstObservationTick: UInt64 { get }
    /// The tick at which it next needs one after observing `tick`; nil when it needs no more.
    func nextObservationTick(after tick: UInt64) -> UInt64?
    /// Sees the snapshot at a requested tick; returns the commands to apply now, in order.
    func observe(_ snapshot: Snapshot) -> [SimCommand]
}
