/// Resolves a `TargetSelector` to dense ids at the level a fault kind acts on, then applies the
/// selection mode (all, count n, percent p) with a seeded, order-independent choice.
///
/// A `tag=` covers racks (a site tag all the site's racks, a hall tag the hall's, a rack tag its
/// range) and keeps, within the positional scope, the entities at the fault's level that are in a
/// covered rack (rack, replica and GPU levels) or that contain one (hall and site levels): a cooling
/// fault with a PDU's rack tag hits the halls those racks stand in, a power-cap fault the sites.
public struct TargetResolver: Sendable {
    public let topology: Topology

    public init(topology: Topology) { self.topology = topology }

    /// The level a fault kind hits.
    public enum Level: Sendable { case site, hall, rack, replica, gpu }

    public static func level(of kind: FaultKind) -> Level {
        switch kind {
        case .gpu: .gpu
        case .rack, .sensor: .rack
        case .cooling: .hall
        case .powerCap, .network: .site
        case .straggler: .replica
        }
    }

    /// Every child of `parents`, or only the `n`-th (1-based) of each when `n` is given, with an
    /// error naming the parent and the valid range when one has fewer children.
    private func narrow(_ parents: [Int], to n: Int?, key: String, noun: String,
                        children: (Int) -> Range<Int>, place: (Int) -> String) throws(Diagnostic) -> [Int] {
        guard let n else { return parents.flatMap { Array(children($0)) } }
        return try parents.map { p throws(Diagnostic) in
            let r = children(p)
            guard n >= 1, n <= r.count else {
                throw Diagnostic(message: "\(key)=\(n) out of range: \(place(p)) has \(noun) 1...\(r.count)")
            }
            return r.lowerBound + n - 1
        }
    }

    /// Every entity of `level` inside the selector's scope (before the selection mode).
    public func scope(_ sel: TargetSelector, level: Level) throws(Diagnostic) -> [Int] {
        let placed = try placeScope(sel, level: level)
        guard let tag = sel.tag else { return placed }
        guard let racks = topology.tags.racks(of: tag) else {
            let known = topology.tags.names.isEmpty ? "this fleet has no tags" : "tags: \(topology.tags.names.joined(separator: ", "))"
            throw Diagnostic(message: "unknown tag '\(tag)' (\(known))")
        }
        var covered = [Bool](repeating: false, count: topology.rackCount)
        for r in racks { covered[r] = true }
        let kept = placed.filter { id in
            switch level {
            case .site: topology.siteRacks[id].contains { covered[$0] }
            case .hall: topology.hallRacks[id].contains { covered[$0] }
            case .rack: covered[id]
            case .replica: covered[Int(topology.replicaRack[id])]
            case .gpu: covered[Int(topology.gpuRack[id])]
            }
        }
        if kept.isEmpty {
            var place = sel
            place.tag = nil
            throw Diagnostic(message: "tag '\(tag)' covers nothing in \(CommandFormatter.placeLabel(place))")
        }
        return kept
    }

    /// The scope of the selector's positions (`site= hall= rack= replica= gpu=`), ignoring its tag.
    private func placeScope(_ sel: TargetSelector, level: Level) throws(Diagnostic) -> [Int] {
        var sites = Array(0..<topology.siteCount)
        if let name = sel.site {
            guard let s = topology.siteNames.firstIndex(of: name) else {
                throw Diagnostic(message: "unknown site '\(name)' (sites: \(topology.siteNames.joined(separator: ", ")))")
            }
            sites = [s]
        }
        if level == .site { return sites }
        let halls = try narrow(sites, to: sel.hall, key: "hall", noun: "halls",
                               children: { topology.siteHalls[$0] }, place: { topology.siteNames[$0] })
        if level == .hall { return halls }
        let racks = try narrow(halls, to: sel.rack, key: "rack", noun: "racks",
                               children: { topology.hallRacks[$0] }, place: { topology.hallPath($0) })
        if level == .rack { return racks }
        let replicas = try narrow(racks, to: sel.replica, key: "replica", noun: "replicas",
                                  children: { topology.rackReplicas[$0] }, place: { topology.rackPath($0) })
        if level == .replica { return replicas }
        if let n = sel.gpu {
            if sel.replica != nil {
                return try replicas.map { p throws(Diagnostic) in
                    let first = Int(topology.replicaFirstGPU[p]), tp = Int(topology.replicaTP[p])
                    guard n >= 1, n <= tp else { throw Diagnostic(message: "gpu=\(n) out of range: replicas have GPUs 1...\(tp)") }
                    return first + n - 1
                }
            }
            return try racks.map { r throws(Diagnostic) in
                let range = topology.rackGPUs[r]
                guard n >= 1, n <= range.count else {
                    throw Diagnostic(message: "gpu=\(n) out of range: \(topology.rackPath(r)) has GPUs 1...\(range.count)")
                }
                return range.lowerBound + n - 1
            }
        }
        if sel.replica != nil {
            return replicas.flatMap { p in
                let first = Int(topology.replicaFirstGPU[p])
                return Array(first..<(first + Int(topology.replicaTP[p])))
            }
        }
        return racks.flatMap { Array(topology.rackGPUs[$0]) }
    }

    /// Applies the selection mode: all, or a seeded choice of n (or p of them).
    public func select(_ candidates: [Int], mode: SelectionMode, rng: CounterRNG, key: UInt64) -> [Int] {
        let n: Int
        switch mode {
        case .all: return candidates
        case .count(let k): n = max(0, min(k, candidates.count))
        case .percent(let p): n = max(0, min(candidates.count, Int((p * Double(candidates.count)).rounded())))
        }
        var pool = candidates
        for i in 0..<n {
            let j = i + Int(rng.uniform(.selection, key, UInt64(i)) * Double(pool.count - i))
            pool.swapAt(i, min(j, pool.count - 1))
        }
        return Array(pool[0..<n]).sorted()
    }

    /// A readable path for an entity at a level, e.g. "metro-edge/h1/r07".
    public func path(_ id: Int, level: Level) -> String {
        switch level {
        case .site: topology.siteNames[id]
        case .hall: topology.hallPath(id)
        case .rack: topology.rackPath(id)
        case .replica:
            "\(topology.rackPath(Int(topology.replicaRack[id])))/p\(id - topology.rackReplicas[Int(topology.replicaRack[id])].lowerBound + 1)"
        case .gpu:
            "\(topology.rackPath(Int(topology.gpuRack[id])))/g\(id - topology.rackGPUs[Int(topology.gpuRack[id])].lowerBound + 1)"
        }
    }
}
