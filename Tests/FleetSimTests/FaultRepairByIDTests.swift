import Testing
@testable import FleetSim

/// `repair fault=N` ends one fault and leaves the others; the GPU table's figures come from live state.
@Suite("Per-fault repair and GPU detail")
struct FaultRepairByIDTests {
    @Test("repair fault=N parses, formats back and refuses other selectors beside it")
    func language() throws {
        #expect(try CommandParser.parse("repair fault=3") == .fleet(.repair(TargetSelector(fault: 3))))
        #expect(CommandFormatter.format(.repair(TargetSelector(fault: 3))) == "repair fault=3")
        #expect(throws: Diagnostic.self) { try CommandParser.parse("repair fault=0") }
        #expect(throws: Diagnostic.self) { try CommandParser.parse("repair fault=2 site=tiny-a") }
    }

    @Test("one fault ends; a second fault on the same rack stays, and its GPUs stay down")
    func endsOnlyThatFault() throws {
        let engine = try FleetEngine(spec: .tiny, seed: 1)
        let site = engine.topology.siteNames[0]
        _ = engine.apply(try SimTestSupport.fleetCommand("fault rack site=\(site) hall=1 rack=1"))
        _ = engine.apply(try SimTestSupport.fleetCommand("fault sensor site=\(site) hall=1 rack=1 magnitude=+20"))
        engine.advance(seconds: 1)
        let before = engine.snapshot()
        #expect(before.activeFaults.count == 2)
        let rackFault = try #require(before.activeFaults.first { $0.kind == .rack })
        let sensor = try #require(before.activeFaults.first { $0.kind == .sensor })
        _ = engine.apply(.repair(TargetSelector(fault: sensor.id)))
        engine.advance(seconds: 1)
        let after = engine.snapshot()
        #expect(after.activeFaults.map(\.id) == [rackFault.id])
        #expect(after.racks.gpusUp[0] == 0)
        if case .rejected = engine.apply(.repair(TargetSelector(fault: 999))) {} else { Issue.record("an unknown fault id is refused") }
    }

    @Test("GPU detail covers the racks asked for, with the failed GPUs and their fault")
    func gpuDetail() throws {
        let engine = try FleetEngine(spec: .tiny, seed: 1)
        let site = engine.topology.siteNames[0]
        _ = engine.apply(try SimTestSupport.fleetCommand("fault rack site=\(site) hall=1 rack=1"))
        engine.advance(seconds: 1)
        let d = engine.gpuDetail(racks: 0..<2)
        #expect(d.racks == 0..<2 && !d.truncated)
        #expect(d.count == engine.topology.rackGPUs[0].count + engine.topology.rackGPUs[1].count)
        let firstRack = engine.topology.rackGPUs[0].count
        #expect(d.reason.prefix(firstRack).allSatisfy { $0 == .failed })
        #expect(d.failedByFault.prefix(firstRack).allSatisfy { $0 != nil })
        #expect(d.reason.dropFirst(firstRack).allSatisfy { $0 != .failed })
        #expect(engine.gpuDetail(racks: 0..<engine.topology.rackCount).count <= GPUDetail.limit)
    }
}
