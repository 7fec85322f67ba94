/// Faults in force (MODEL §8): injected ones with selector, mode, magnitude, ramp, duration, repeat and
/// stop condition, and background failures. Turns them into per-hall, per-site, per-rack and per-replica
/// effects each second.
public struct FaultManager: Sendable {
    /// One fault instance.
    public struct Record: Sendable {
        public var id: Int
        public var kind: FaultKind
        public var spec: FaultSpec?
        public var injected: Bool
        public var start: Double
        public var end: Double?
        public var level: TargetResolver.Level
        public var targets: [Int]
        public var targetText: String
        public var eventID: Int
        /// For background failures: the cause.
        public var cause: BackgroundFailures.Cause?
    }

    public private(set) var records: [Record] = []
    /// Re-injections waiting for their time (repeat=).
    var pendingRepeats: [(at: Double, spec: FaultSpec)] = []
    var nextID = 1
    public private(set) var counts = FailureCounts()
    let resolver: TargetResolver
    let rng: CounterRNG
    /// The fleet's name, for error messages about stop conditions.
    let fleetName: String

    // Effects, recomputed by `effects(at:)`.
    public private(set) var hallCoolingLoss: [Double]
    public private(set) var siteCapShare: [Double]
    public private(set) var siteNetworkLoss: [Double]
    public private(set) var siteAddedRTTms: [Double]
    public private(set) var replicaSlowdown: [Double]
    public private(set) var rackStraggler: [Bool]
    /// °C added to each rack's reported die and inlet readings by sensor faults (physics untouched).
    public private(set) var rackSensorOffsetC: [Double]

    public init(topology: Topology, seed: UInt64, fleetName: String) {
        resolver = TargetResolver(topology: topology)
        rng = CounterRNG(seed: seed)
        self.fleetName = fleetName
        hallCoolingLoss = [Double](repeating: 0, count: topology.hallCount)
        siteCapShare = [Double](repeating: 1, count: topology.siteCount)
        siteNetworkLoss = [Double](repeating: 0, count: topology.siteCount)
        siteAddedRTTms = [Double](repeating: 0, count: topology.siteCount)
        replicaSlowdown = [Double](repeating: 1, count: topology.replicaCount)
        rackStraggler = [Bool](repeating: false, count: topology.rackCount)
        rackSensorOffsetC = [Double](repeating: 0, count: topology.rackCount)
    }

    /// Default magnitude per kind when none is given.
    static func defaultMagnitude(_ spec: FaultSpec) -> Double {
        switch spec.kind {
        case .cooling: 1
        case .powerCap: 0.5
        case .network: spec.addedLatencySeconds == nil ? 1 : 0
        case .straggler: 2
        case .sensor: 25
        case .gpu, .rack: 1
        }
    }

    /// Checks a fault spec against the fleet without injecting it.
    public func validate(_ spec: FaultSpec) throws(Diagnostic) {
        _ = try resolver.scope(spec.target, level: TargetResolver.level(of: spec.kind))
        try validateStopCondition(spec)
    }

    /// Injects a fault at time `t`; GPU and rack faults fail their GPUs at once.
    public mutating func inject(_ spec: FaultSpec, at t: Double, physics: inout PowerThermalModel,
                                events: inout EventLog) throws(Diagnostic) {
        let level = TargetResolver.level(of: spec.kind)
        let candidates = try resolver.scope(spec.target, level: level)
        try validateStopCondition(spec)
        let id = nextID
        nextID += 1
        var mode = spec.target.mode
        if spec.kind == .straggler, case .all = mode, spec.target.replica == nil, spec.target.gpu == nil {
            mode = .count(1)
        }
        let targets = resolver.select(candidates, mode: mode, rng: rng, key: UInt64(id))
        let targetText = Self.targetText(spec.target, targets: targets, level: level, resolver: resolver)
        let eid = events.open(.fault, .fault(id: id, kind: spec.kind, magnitude: spec.magnitude ?? Self.defaultMagnitude(spec),
                                             addedLatencySeconds: spec.addedLatencySeconds, target: targetText),
                              at: t, injected: true)
        records.append(Record(id: id, kind: spec.kind, spec: spec, injected: true, start: t,
                              end: spec.durationSeconds.map { t + $0 }, level: level, targets: targets,
                              targetText: targetText, eventID: eid, cause: nil))
        count(spec.kind)
        failGPUs(records[records.count - 1], physics: &physics)
        if let every = spec.repeatSeconds, every > 0 { pendingRepeats.append((t + every, spec)) }
    }

    /// Starts a background failure.
    public mutating func background(_ draw: BackgroundFailures.Draw, at t: Double, physics: inout PowerThermalModel,
                                    events: inout EventLog) {
        let topo = resolver.topology
        let id = nextID
        nextID += 1
        let rack = Int(topo.gpuRack[draw.gpu])
        let (level, targets): (TargetResolver.Level, [Int]) = switch draw.cause {
        case .network: (.rack, [rack])
        case .host:
            (.gpu, Array(topo.rackGPUs[rack]).filter { ($0 - topo.rackGPUs[rack].lowerBound) / 8 == (draw.gpu - topo.rackGPUs[rack].lowerBound) / 8 })
        default: (.gpu, [draw.gpu])
        }
        let path = level == .rack ? resolver.path(rack, level: .rack) : resolver.path(targets[0], level: .gpu)
        let eid = events.open(.fault, .failure(id: id, cause: draw.cause, target: path), at: t)
        let kind: FaultKind = draw.cause == .network ? .rack : .gpu
        records.append(Record(id: id, kind: kind, spec: nil, injected: false, start: t, end: t + draw.repairSeconds,
                              level: level, targets: targets, targetText: path, eventID: eid, cause: draw.cause))
        count(draw.cause.kind)
        failGPUs(records[records.count - 1], physics: &physics)
    }

    mutating func count(_ kind: FaultKind) {
        switch kind {
        case .gpu: counts.gpu += 1
        case .rack: counts.rack += 1
        case .cooling: counts.cooling += 1
        case .powerCap: counts.power += 1
        case .network: counts.network += 1
        case .straggler: counts.straggler += 1
        case .sensor: counts.sensor += 1
        }
    }

    func gpus(of record: Record) -> [Int] {
        let topo = resolver.topology
        switch record.level {
        case .gpu: return record.targets
        case .rack: return record.targets.flatMap { Array(topo.rackGPUs[$0]) }
        default: return []
        }
    }

    func failGPUs(_ record: Record, physics: inout PowerThermalModel) {
        guard record.kind == .gpu || record.kind == .rack else { return }
        physics.fail(gpus(of: record), by: Int32(record.id))
    }

    /// Ends faults whose time is up, starts due repeats, and recomputes effects at time `t`.
    public mutating func advance(to t: Double, physics: inout PowerThermalModel, events: inout EventLog) {
        var i = 0
        while i < records.count {
            if let end = records[i].end, end <= t {
                finish(i, at: t, physics: &physics, events: &events, repaired: false)
            } else {
                i += 1
            }
        }
        let due = pendingRepeats.filter { $0.at <= t }
        pendingRepeats.removeAll { $0.at <= t }
        for r in due { try? inject(r.spec, at: t, physics: &physics, events: &events) }
        computeEffects(at: t)
    }

    /// Ends record `i`: its GPUs come back and its event closes; a repair says so in the log.
    @discardableResult
    mutating func finish(_ i: Int, at t: Double, physics: inout PowerThermalModel, events: inout EventLog,
                         repaired: Bool) -> Record {
        let r = records.remove(at: i)
        physics.repair(gpus(of: r), by: Int32(r.id))
        events.close(r.eventID, at: t)
        if repaired {
            events.open(.repair, .repaired(faultID: r.id, kind: r.kind, target: r.targetText), at: t, injected: true, ongoing: false)
        }
        return r
    }

    /// Repairs what a selector covers (nil: everything): faults touching it end, failed GPUs in it return.
    public mutating func repair(_ sel: TargetSelector?, at t: Double, physics: inout PowerThermalModel,
                                events: inout EventLog) throws(Diagnostic) {
        let topo = resolver.topology
        guard let sel else {
            while !records.isEmpty { finish(0, at: t, physics: &physics, events: &events, repaired: true) }
            pendingRepeats.removeAll()
            physics.repair(0..<topo.gpuCount, by: nil)
            computeEffects(at: t)
            return
        }
        if let id = sel.fault {
            guard let i = records.firstIndex(where: { $0.id == id }) else {
                let open = records.map { "#\($0.id)" }.joined(separator: ", ")
                throw Diagnostic(message: "no active fault #\(id) (" + (open.isEmpty ? "no fault is active" : "active: " + open) + ")")
            }
            let r = records[i]
            finish(i, at: t, physics: &physics, events: &events, repaired: true)
            if let spec = r.spec { pendingRepeats.removeAll { $0.spec == spec } }
            computeEffects(at: t)
            return
        }
        let scopeGPUs = Set(try resolver.scope(TargetSelector(site: sel.site, hall: sel.hall, rack: sel.rack,
                                                              replica: sel.replica, gpu: sel.gpu, tag: sel.tag),
                                                level: .gpu))
        var i = 0
        while i < records.count {
            let r = records[i]
            let touches: Bool = switch r.level {
            case .gpu, .rack: gpus(of: r).contains { scopeGPUs.contains($0) }
            case .replica: r.targets.contains { p in scopeGPUs.contains(Int(topo.replicaFirstGPU[p])) }
            case .hall: r.targets.contains { h in topo.hallRacks[h].contains { scopeGPUs.contains(topo.rackGPUs[$0].lowerBound) } }
            case .site: r.targets.contains { s in topo.siteGPUs[s].contains { scopeGPUs.contains($0) } }
            }
            if touches {
                finish(i, at: t, physics: &physics, events: &events, repaired: true)
                if let spec = r.spec { pendingRepeats.removeAll { $0.spec == spec } }
            } else {
                i += 1
            }
        }
        physics.repair(scopeGPUs.sorted(), by: nil)
        computeEffects(at: t)
    }

    /// Share of the full magnitude reached `t − start` seconds into a ramp.
    static func ramp(_ r: Record, at t: Double) -> Double {
        guard let spec = r.spec, spec.rampSeconds > 0 else { return 1 }
        return max(0, min(1, (t - r.start) / spec.rampSeconds))
    }

    mutating func computeEffects(at t: Double) {
        let topo = resolver.topology
        for h in 0..<hallCoolingLoss.count { hallCoolingLoss[h] = 0 }
        for s in 0..<siteCapShare.count { siteCapShare[s] = 1; siteNetworkLoss[s] = 0; siteAddedRTTms[s] = 0 }
        for p in 0..<replicaSlowdown.count where replicaSlowdown[p] != 1 { replicaSlowdown[p] = 1 }
        for k in 0..<rackStraggler.count where rackStraggler[k] { rackStraggler[k] = false }
        for k in 0..<rackSensorOffsetC.count where rackSensorOffsetC[k] != 0 { rackSensorOffsetC[k] = 0 }
        for r in records {
            guard let spec = r.spec else { continue }
            let m = spec.magnitude ?? Self.defaultMagnitude(spec)
            let f = Self.ramp(r, at: t)
            switch spec.kind {
            case .cooling:
                for h in r.targets { hallCoolingLoss[h] = max(hallCoolingLoss[h], min(1, max(0, m)) * f) }
            case .powerCap:
                for s in r.targets { siteCapShare[s] = min(siteCapShare[s], 1 - (1 - min(1, max(0, m))) * f) }
            case .network:
                for s in r.targets {
                    siteNetworkLoss[s] = max(siteNetworkLoss[s], min(1, max(0, m)) * f)
                    siteAddedRTTms[s] += (spec.addedLatencySeconds ?? 0) * 1000 * f
                }
            case .straggler:
                for p in r.targets {
                    replicaSlowdown[p] = max(replicaSlowdown[p], 1 + (max(1, m) - 1) * f)
                    rackStraggler[Int(topo.replicaRack[p])] = true
                }
            case .sensor:
                for k in r.targets { rackSensorOffsetC[k] += m * f }
            case .gpu, .rack:
                break
            }
        }
    }

    /// The faults in force, for the snapshot.
    public func active() -> [ActiveFault] {
        records.map { ActiveFault(id: $0.id, kind: $0.kind, target: $0.targetText, spec: $0.spec,
                                  injected: $0.injected, sinceSeconds: $0.start, untilSeconds: $0.end) }
    }

    /// Where a fault landed: "metro-edge/h1/r07", "metro-edge/h1 (16 racks)"; a tag is always named:
    /// "tag=pdu-a (8 racks)", "metro-edge tag=core (2 halls)", "tag=loop-r1 (regional/h1)".
    static func targetText(_ sel: TargetSelector, targets: [Int], level: TargetResolver.Level,
                           resolver: TargetResolver) -> String {
        if targets.count == 1 {
            let path = resolver.path(targets[0], level: level)
            return sel.tag.map { "tag=\($0) (\(path))" } ?? path
        }
        var parts: [String] = [sel.site ?? "fleet"]
        if let h = sel.hall { parts.append("h\(h)") }
        if let r = sel.rack { parts.append("r\(r < 10 ? "0" : "")\(r)") }
        var place = parts.joined(separator: "/")
        if let tag = sel.tag { place = place == "fleet" ? "tag=\(tag)" : "\(place) tag=\(tag)" }
        let noun = switch level { case .site: "sites"; case .hall: "halls"; case .rack: "racks"; case .replica: "replicas"; case .gpu: "GPUs" }
        return place + " (\(targets.count) \(noun))"
    }
}
