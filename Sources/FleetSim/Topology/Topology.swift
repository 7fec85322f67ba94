import FleetMetrics

/// The fleet's static shape as a struct of arrays with parent indices (MODEL §1). Children of one parent
/// are contiguous, so every roll-up is a reduction over a slice.
public struct Topology: Sendable {
    public let siteNames: [String]
    /// Per site: its halls, racks, replicas and GPUs as ranges of dense ids.
    public let siteHalls: [Range<Int>]
    public let siteRacks: [Range<Int>]
    public let siteReplicas: [Range<Int>]
    public let siteGPUs: [Range<Int>]
    /// Per hall: parent site, 1-based number within the site, cooling, SKU, child ranges.
    public let hallSite: [Int32]
    public let hallNumber: [Int32]
    public let hallCooling: [CoolingKind]
    public let hallSKU: [GPUSKU]
    public let hallRacks: [Range<Int>]
    public let hallReplicas: [Range<Int>]
    /// Per rack: parent hall and site, child ranges, servers.
    public let rackHall: [Int32]
    public let rackSite: [Int32]
    public let rackReplicas: [Range<Int>]
    public let rackGPUs: [Range<Int>]
    public let rackServers: [Int32]
    /// Per replica: parent rack, hall, site, first GPU and tensor-parallel width.
    public let replicaRack: [Int32]
    public let replicaHall: [Int32]
    public let replicaSite: [Int32]
    public let replicaFirstGPU: [Int32]
    public let replicaTP: [Int32]
    /// Per replica: its serving group (0: no pool; p + 1: the fleet's p-th pool).
    public let replicaGroup: [UInt16]
    /// The groups' classes and batch limits.
    public let servingGroups: ServingGroups
    /// Per GPU: parent rack and replica.
    public let gpuRack: [Int32]
    public let gpuReplica: [Int32]
    /// GPUs → racks → halls → sites as offsets for `FleetRollup`, built once with the topology.
    public let rollupLayout: RollupLayout
    /// The fleet file's `tags` and `rack_tags`, resolved to racks.
    public let tags: FleetTags

    public var siteCount: Int { siteNames.count }
    public var hallCount: Int { hallSite.count }
    public var rackCount: Int { rackHall.count }
    public var replicaCount: Int { replicaRack.count }
    public var gpuCount: Int { gpuRack.count }

    /// Lays the spec's sites, halls and racks out in dense contiguous order.
    public init(spec: FleetSpec) {
        var siteNames: [String] = [], siteHalls: [Range<Int>] = [], siteRacks: [Range<Int>] = []
        var siteReplicas: [Range<Int>] = [], siteGPUs: [Range<Int>] = []
        var hallSite: [Int32] = [], hallNumber: [Int32] = [], hallCooling: [CoolingKind] = []
        var hallSKU: [GPUSKU] = [], hallRacks: [Range<Int>] = [], hallReplicas: [Range<Int>] = []
        var rackHall: [Int32] = [], rackSite: [Int32] = [], rackReplicas: [Range<Int>] = []
        var rackGPUs: [Range<Int>] = [], rackServers: [Int32] = []
        let gpuTotal = spec.gpuCount
        var replicaRack: [Int32] = [], replicaHall: [Int32] = [], replicaSite: [Int32] = []
        var replicaFirstGPU: [Int32] = [], replicaTP: [Int32] = [], replicaGroup: [UInt16] = []
        var poolBase = 1
        var gpuRack = [Int32](), gpuReplica = [Int32]()
        gpuRack.reserveCapacity(gpuTotal); gpuReplica.reserveCapacity(gpuTotal)
        for (s, site) in spec.sites.enumerated() {
            siteNames.append(site.name)
            let h0 = hallSite.count, r0 = rackHall.count, p0 = replicaRack.count, g0 = gpuRack.count
            for (hn, hall) in site.halls.enumerated() {
                let h = hallSite.count
                let hr0 = rackHall.count, hp0 = replicaRack.count
                let tp = max(1, min(hall.tensorParallel, hall.gpusPerRack))
                for n in 0..<hall.racks {
                    let r = rackHall.count
                    let group = hall.pool(ofRack: n + 1).map { UInt16(poolBase + $0) } ?? 0
                    let rp0 = replicaRack.count, rg0 = gpuRack.count
                    let perRack = hall.gpusPerRack / tp
                    for _ in 0..<perRack {
                        let p = replicaRack.count
                        replicaRack.append(Int32(r)); replicaHall.append(Int32(h)); replicaSite.append(Int32(s))
                        replicaFirstGPU.append(Int32(gpuRack.count)); replicaTP.append(Int32(tp)); replicaGroup.append(group)
                        for _ in 0..<tp { gpuRack.append(Int32(r)); gpuReplica.append(Int32(p)) }
                    }
                    // GPUs left over when TP does not divide the rack serve no replica.
                    for _ in 0..<(hall.gpusPerRack - perRack * tp) { gpuRack.append(Int32(r)); gpuReplica.append(-1) }
                    rackHall.append(Int32(h)); rackSite.append(Int32(s))
                    rackReplicas.append(rp0..<replicaRack.count); rackGPUs.append(rg0..<gpuRack.count)
                    rackServers.append(Int32(hall.serversPerRack))
                }
                hallSite.append(Int32(s)); hallNumber.append(Int32(hn + 1)); hallCooling.append(hall.cooling)
                hallSKU.append(hall.sku); hallRacks.append(hr0..<rackHall.count)
                hallReplicas.append(hp0..<replicaRack.count)
                poolBase += hall.pools.count
            }
            siteHalls.append(h0..<hallSite.count); siteRacks.append(r0..<rackHall.count)
            siteReplicas.append(p0..<replicaRack.count); siteGPUs.append(g0..<gpuRack.count)
        }
        self.siteNames = siteNames; self.siteHalls = siteHalls; self.siteRacks = siteRacks
        self.siteReplicas = siteReplicas; self.siteGPUs = siteGPUs
        self.hallSite = hallSite; self.hallNumber = hallNumber; self.hallCooling = hallCooling
        self.hallSKU = hallSKU; self.hallRacks = hallRacks; self.hallReplicas = hallReplicas
        self.rackHall = rackHall; self.rackSite = rackSite; self.rackReplicas = rackReplicas
        self.rackGPUs = rackGPUs; self.rackServers = rackServers
        self.replicaRack = replicaRack; self.replicaHall = replicaHall; self.replicaSite = replicaSite
        self.replicaFirstGPU = replicaFirstGPU; self.replicaTP = replicaTP; self.replicaGroup = replicaGroup
        servingGroups = ServingGroups(spec: spec)
        self.gpuRack = gpuRack; self.gpuReplica = gpuReplica
        rollupLayout = RollupLayout(rackGPUs: rackGPUs, hallRacks: hallRacks, siteHalls: siteHalls)
        tags = FleetTags(spec: spec, hallRacks: hallRacks)
    }

    /// "metro-edge/h1/r07" for a rack.
    public func rackPath(_ r: Int) -> String {
        let h = Int(rackHall[r]), s = Int(hallSite[h])
        let n = r - hallRacks[h].lowerBound + 1
        return "\(siteNames[s])/h\(hallNumber[h])/r\(n < 10 ? "0" : "")\(n)"
    }

    /// "metro-edge/h1" for a hall.
    public func hallPath(_ h: Int) -> String { "\(siteNames[Int(hallSite[h])])/h\(hallNumber[h])" }
}
