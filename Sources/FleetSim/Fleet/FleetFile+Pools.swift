/// Reading a hall's `pools: [{classes: [code], racks: 1-8, max_batch: 16, prefill_chunk_tokens: 512}]`.
extension FleetFile.Reader {
    static let poolKeys = ["classes", "racks", "max_batch", "prefill_chunk_tokens"]

    /// The hall's serving pools; racks are checked against the hall once it is read (`checkPools`).
    func pools(_ node: ConfigNode, _ field: String) throws -> [(pool: ServingPool, node: ConfigNode, field: String)] {
        guard case .sequence(let items, _) = node else {
            throw fail(node, field, "expected a list of pools, e.g. [{classes: [code], racks: 1-8, max_batch: 16}]")
        }
        return try items.enumerated().map { i, item in
            let f = "\(field)[\(i)]"
            var pool = ServingPool(classes: [])
            var racksNode = item
            for x in try entries(item, f, allowed: Self.poolKeys) {
                let k = "\(f).\(x.key)"
                switch x.key {
                case "classes": pool.classes = try classList(x.value, k)
                case "racks":
                    pool.racks = try rackRange(x.value, k)
                    racksNode = x.value
                case "max_batch":
                    pool.maxBatch = try number(x.value, k, in: FleetKnobTable.ranges["serving.max_batch"] ?? FleetKnobTable.defaultRange)
                case "prefill_chunk_tokens":
                    pool.prefillChunkTokens = try number(x.value, k, in: FleetKnobTable.ranges["serving.prefill_chunk_tokens"] ?? FleetKnobTable.defaultRange)
                default: break
                }
            }
            if pool.classes.isEmpty { throw fail(item, "\(f).classes", "a pool needs the classes it serves, e.g. [code]") }
            return (pool, racksNode, "\(f).racks")
        }
    }

    /// Every pool lies within the hall's racks and no rack is in two pools.
    func checkPools(_ pools: [(pool: ServingPool, node: ConfigNode, field: String)], racks: Int) throws {
        var owner = [Int?](repeating: nil, count: racks)
        for (i, p) in pools.enumerated() {
            let range = p.pool.racks ?? 1...max(1, racks)
            if range.lowerBound < 1 || range.upperBound > racks {
                throw fail(p.node, p.field, "racks \(range.lowerBound)-\(range.upperBound) are outside the hall's racks 1-\(racks)")
            }
            for n in range {
                if let other = owner[n - 1] {
                    throw fail(p.node, p.field, "rack \(n) is already in pool \(other); a rack serves one pool")
                }
                owner[n - 1] = i
            }
        }
    }

    private func classList(_ node: ConfigNode, _ field: String) throws -> [RequestClass] {
        guard case .sequence(let items, _) = node else { throw fail(node, field, "expected a list of classes, e.g. [code]") }
        var out: [RequestClass] = []
        for (i, item) in items.enumerated() {
            let f = "\(field)[\(i)]"
            let name = try string(item, f)
            guard let c = RequestClass(name: name) else {
                throw fail(item, f, "unknown class '\(name)'", RequestClass.allCases.map(\.name))
            }
            guard !out.contains(c) else { throw fail(item, f, "class '\(name)' listed twice") }
            out.append(c)
        }
        return out
    }
}
