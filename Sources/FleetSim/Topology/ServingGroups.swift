/// The fleet's serving groups, resolved once with the topology: group 0 is every replica in no pool,
/// group p + 1 the fleet's p-th pool (hall by hall, in file order). Each group has the classes it
/// admits and its batch limits; serving and routing read them per replica.
public struct ServingGroups: Sendable, Equatable {
    /// Bit c set: the group admits class c.
    public let classMask: [UInt8]
    /// Sequences a replica of the group admits at once.
    public let maxBatch: [Int]
    /// The group's iteration token budget.
    public let budget: [Int]
    /// Where each pool is, "metro-edge/h1 r1-8", for the detail panel and errors (index: group − 1).
    public let poolNames: [String]

    init(spec: FleetSpec) {
        let knobs = spec.serving
        func batch(_ v: Double?) -> Int { Int(min(65_536, max(1, v ?? knobs.maxBatch))) }
        func tokens(_ v: Double?) -> Int { Int(min(1e9, max(1, v ?? knobs.prefillChunkTokens))) }
        var pooled: UInt8 = 0
        var masks: [UInt8] = [0], batches = [batch(nil)], budgets = [tokens(nil)], names: [String] = []
        for site in spec.sites {
            for (h, hall) in site.halls.enumerated() {
                for pool in hall.pools {
                    let mask = pool.classes.reduce(UInt8(0)) { $0 | UInt8(1) << UInt8($1.rawValue) }
                    pooled |= mask
                    masks.append(mask); batches.append(batch(pool.maxBatch)); budgets.append(tokens(pool.prefillChunkTokens))
                    let racks = pool.racks.map { " r\($0.lowerBound)-\($0.upperBound)" } ?? ""
                    names.append("\(site.name)/h\(h + 1)\(racks)")
                }
            }
        }
        masks[0] = ~pooled & 0x0F
        classMask = masks; maxBatch = batches; budget = budgets; poolNames = names
    }

    public var count: Int { classMask.count }

    /// Whether group `g` serves class `c` (a `RequestClass.rawValue`).
    @inline(__always)
    public func admits(_ g: Int, _ c: Int) -> Bool { classMask[g] & (UInt8(1) << UInt8(c)) != 0 }

    /// The largest batch of any group (for tables sized by batch).
    public var largestBatch: Int { maxBatch.max() ?? 1 }
}
