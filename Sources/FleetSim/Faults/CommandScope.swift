/// What a command would hit in a fleet, in numbers, worked out before it is sent: the entities at
/// the fault's level, the GPUs and replicas they hold and the GPUs' share of the fleet. Confirm
/// dialogs state it ("takes down 512 GPUs (12.5% of the fleet), 64 replicas"); a selector that names
/// nothing in the fleet is refused with the resolver's words, as the engine would refuse it.
public struct CommandScope: Sendable, Equatable {
    /// The level the command acts on, and how many entities of it are hit (after count=/percent=).
    public var level: TargetResolver.Level
    public var entities: Int
    /// Entities the selector covers before count=/percent= pick among them.
    public var candidates: Int
    /// GPUs and replicas inside the entities hit (for a count or percent of unequal entities, the
    /// largest such pick, so the dialog never understates).
    public var gpus: Int
    public var replicas: Int
    public var fleetGPUs: Int

    /// The GPUs' share of the fleet, 0...1.
    public var shareOfFleet: Double { fleetGPUs > 0 ? Double(gpus) / Double(fleetGPUs) : 0 }

    /// The scope of `command` in `topology`; nil for commands with no target (surges, clock).
    /// Throws the resolver's error when the selector names nothing in this fleet.
    public static func of(_ command: SimCommand, in topology: Topology) throws(Diagnostic) -> CommandScope? {
        let resolver = TargetResolver(topology: topology)
        guard case .fleet(let fleetCommand) = command else { return nil }
        switch fleetCommand {
        case .fault(let f):
            let level = TargetResolver.level(of: f.kind)
            let all = try resolver.scope(f.target, level: level)
            if let metric = f.stopCondition?.metric {
                do {
                    try metric.validate(fleet: "", siteNames: topology.siteNames, hallsPerSite: topology.siteHalls.map(\.count))
                } catch {
                    throw Diagnostic(message: "until=: \(error.description)")
                }
            }
            var mode = f.target.mode
            if f.kind == .straggler, case .all = mode, f.target.replica == nil, f.target.gpu == nil { mode = .count(1) }
            return scope(all, level: level, mode: mode, topology: topology)
        case .repair(let sel?) where sel.fault != nil:
            return nil
        case .repair(let sel?):
            let all = try resolver.scope(sel, level: .gpu)
            return scope(all, level: .gpu, mode: .all, topology: topology)
        case .repair(nil):
            return scope(Array(0..<topology.gpuCount), level: .gpu, mode: .all, topology: topology)
        case .surge:
            return nil
        }
    }

    static func scope(_ ids: [Int], level: TargetResolver.Level, mode: SelectionMode, topology t: Topology) -> CommandScope {
        let picked: Int
        switch mode {
        case .all: picked = ids.count
        case .count(let k): picked = max(0, min(k, ids.count))
        case .percent(let p): picked = max(0, min(ids.count, Int((p * Double(ids.count)).rounded())))
        }
        func gpuRange(_ id: Int) -> Range<Int> {
            switch level {
            case .site: t.siteGPUs[id]
            case .hall:
                t.hallRacks[id].isEmpty ? 0..<0
                    : t.rackGPUs[t.hallRacks[id].lowerBound].lowerBound..<t.rackGPUs[t.hallRacks[id].upperBound - 1].upperBound
            case .rack: t.rackGPUs[id]
            case .replica: Int(t.replicaFirstGPU[id])..<(Int(t.replicaFirstGPU[id]) + Int(t.replicaTP[id]))
            case .gpu: id..<(id + 1)
            }
        }
        let sizes = ids.map { gpuRange($0).count }
        let gpus: Int
        var replicas: Int
        if picked == ids.count {
            gpus = sizes.reduce(0, +)
            var seen = Set<Int32>()
            for id in ids { for g in gpuRange(id) { seen.insert(t.gpuReplica[g]) } }
            replicas = seen.count
        } else {
            let largest = sizes.sorted(by: >).prefix(picked)
            gpus = largest.reduce(0, +)
            let tp = Int(t.replicaTP.max() ?? 1)
            replicas = level == .gpu ? picked : (level == .replica ? picked : (gpus + tp - 1) / max(1, tp))
        }
        return CommandScope(level: level, entities: picked, candidates: ids.count, gpus: gpus, replicas: replicas,
                            fleetGPUs: t.gpuCount)
    }
}
