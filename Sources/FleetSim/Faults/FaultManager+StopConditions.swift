/// Stop conditions (`until=`): checked once a simulated second against a snapshot; a fault whose
/// condition holds is reverted as a repair would, its repeats cancelled, and the log says why.
extension FaultManager {
    /// True when some fault in force has a stop condition (so the engine needs a snapshot to check it).
    public var hasStopConditions: Bool { records.contains { $0.spec?.stopCondition != nil } }

    /// Checks that a stop condition's site and hall exist in this fleet.
    func validateStopCondition(_ spec: FaultSpec) throws(Diagnostic) {
        guard let metric = spec.stopCondition?.metric else { return }
        let topo = resolver.topology
        do {
            try metric.validate(fleet: fleetName, siteNames: topo.siteNames, hallsPerSite: topo.siteHalls.map(\.count))
        } catch {
            throw Diagnostic(message: "until=: \(error.description)")
        }
    }

    /// Reverts every fault whose stop condition holds in `snapshot`, at time `t`.
    public mutating func revertStopped(in snapshot: Snapshot, at t: Double, physics: inout PowerThermalModel,
                                       events: inout EventLog) {
        var i = 0
        var reverted = false
        while i < records.count {
            guard let spec = records[i].spec, let stop = spec.stopCondition, stop.isMet(in: snapshot) else {
                i += 1
                continue
            }
            let r = finish(i, at: t, physics: &physics, events: &events, repaired: false)
            pendingRepeats.removeAll { $0.spec == spec }
            events.open(.repair, .reverted(faultID: r.id, kind: r.kind, target: r.targetText, condition: stop.text),
                        at: t, injected: true, ongoing: false)
            reverted = true
        }
        if reverted { computeEffects(at: t) }
    }
}
