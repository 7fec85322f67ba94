import Testing
@testable import FleetSim

/// Serving pools: a class named by a pool is served only there, with the pool's batch limit; the
/// fleet-file keys are read and bad ones named by file, line and field.
@Suite struct ServingPoolTests {
    /// `tiny` with the far site's hall split: racks 1 for code with batch 4, rack 2 general.
    static func pooled() throws -> FleetSpec {
        let text = """
        preset: tiny
        sites:
          - name: far
            halls:
              - {cooling: liquid, racks: 2, servers_per_rack: 4, sku: h100,
                 pools: [{classes: [code], racks: 1, max_batch: 4, prefill_chunk_tokens: 512}]}
        failures: {enabled: false}
        diurnal: false
        """
        return try FleetFile.parse(text, file: "pooled.yaml")
    }

    @Test func poolKeysAreReadIntoTheHallAndTheTopology() throws {
        let spec = try Self.pooled()
        let pool = try #require(spec.sites[1].halls[0].pools.first)
        #expect(pool.classes == [.code] && pool.racks == 1...1 && pool.maxBatch == 4 && pool.prefillChunkTokens == 512)
        let topo = Topology(spec: spec)
        let groups = topo.servingGroups
        #expect(groups.count == 2)
        #expect(groups.admits(1, RequestClass.code.rawValue) && !groups.admits(1, RequestClass.chat.rawValue))
        #expect(!groups.admits(0, RequestClass.code.rawValue) && groups.admits(0, RequestClass.batch.rawValue))
        #expect(groups.maxBatch[1] == 4 && groups.budget[1] == 512)
        let far = topo.siteReplicas[1]
        let first = topo.rackReplicas[topo.hallRacks[topo.siteHalls[1].lowerBound].lowerBound]
        for r in far { #expect(topo.replicaGroup[r] == (first.contains(r) ? 1 : 0)) }
    }

    @Test func aPooledClassIsServedOnlyByItsPoolAndOthersNeverThere() throws {
        let spec = try Self.pooled()
        let e = try FleetEngine(spec: spec, seed: 3)
        e.advance(seconds: 90)
        let s = e.snapshot()
        // Code can only go to far's pool: the near site never sees it.
        #expect(e.serving.books(site: 0).routed[RequestClass.code.rawValue] == 0)
        #expect(e.serving.books(site: 1).completed[RequestClass.code.rawValue] > 0)
        #expect(s[.code].completed > 0)
        // No replica of the pool ever holds more than its batch, nor any chat request.
        let topo = e.topology
        let pooled = topo.siteReplicas[1].filter { topo.replicaGroup[$0] == 1 }
        for r in pooled {
            let v = e.serving.replica(r, site: 1)
            #expect(v.admitted <= 4)
        }
        #expect(s.invariantViolations.isEmpty, "\(s.invariantViolations)")
    }

    static let hall = "preset: tiny\nsites:\n  - name: near\n    halls:\n      - racks: 4\n"
    static let bad: [(String, Int, String, String)] = [
        (hall + "        pools: [{classes: [code], racks: 3-6}]\n", 6, "sites[0].halls[0].pools[0].racks",
         "racks 3-6 are outside the hall's racks 1-4"),
        (hall + "        pools: [{classes: [code], racks: 1-2}, {classes: [chat], racks: 2-3}]\n", 6,
         "sites[0].halls[0].pools[1].racks", "rack 2 is already in pool 0; a rack serves one pool"),
        (hall + "        pools: [{classes: [coder]}]\n", 6, "sites[0].halls[0].pools[0].classes[0]", "unknown class 'coder'"),
        (hall + "        pools: [{racks: 1}]\n", 6, "sites[0].halls[0].pools[0].classes", "a pool needs the classes it serves"),
        (hall + "        pools: [{classes: [code], max_batch: 0}]\n", 6, "sites[0].halls[0].pools[0].max_batch",
         "must be between 1 and 65536, got 0"),
        (hall + "        pools: [{classes: [code, code]}]\n", 6, "sites[0].halls[0].pools[0].classes[1]", "class 'code' listed twice"),
        (hall + "        pools: [{classes: [code], batch: 4}]\n", 6, "sites[0].halls[0].pools[0].batch", "unknown field"),
    ]

    @Test(arguments: 0..<bad.count)
    func badPoolsNameFileLineAndField(_ i: Int) {
        let (text, line, field, message) = Self.bad[i]
        FleetFileTests.expectRejected(text, line: line, field: field, message: message, case: i)
    }
}
