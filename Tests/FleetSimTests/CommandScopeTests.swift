import Testing
@testable import FleetSim

/// A command's scope in numbers, worked out against the fleet before it is sent.
@Suite("Command scope")
struct CommandScopeTests {
    let topology = Topology(spec: FleetSpec.demo)

    func scope(_ line: String) throws -> CommandScope? {
        try CommandScope.of(try CommandParser.parse(line), in: topology)
    }

    @Test("a rack fault on a site takes down every rack of it: 512 GPUs, 12.5% of the fleet, 64 replicas")
    func rackOnSite() throws {
        let s = try #require(try scope("fault rack site=metro-edge"))
        #expect(s.level == .rack)
        #expect(s.entities == 32 && s.candidates == 32)
        #expect(s.gpus == 512 && s.replicas == 64)
        #expect(abs(s.shareOfFleet - 0.125) < 1e-9)
    }

    @Test("count= picks some of the candidates; a straggler without a replica hits one")
    func countsAndStragglers() throws {
        let g = try #require(try scope("fault gpu site=metro-edge count=1"))
        #expect(g.entities == 1 && g.candidates == 512 && g.gpus == 1 && g.replicas == 1)
        let st = try #require(try scope("fault straggler site=remote-campus hall=1 magnitude=5"))
        #expect(st.level == .replica && st.entities == 1 && st.candidates > 1 && st.gpus == 8)
    }

    @Test("cooling hits halls, repair all the fleet; surges have no scope")
    func levels() throws {
        let c = try #require(try scope("fault cooling site=metro-edge hall=1 magnitude=60%"))
        #expect(c.level == .hall && c.entities == 1 && c.gpus == 256)
        let r = try #require(try scope("repair all"))
        #expect(r.gpus == topology.gpuCount)
        #expect(try scope("surge agentic factor=3") == nil)
    }

    @Test("a selector naming nothing in the fleet is refused with the resolver's words")
    func refusals() {
        #expect(throws: Diagnostic.self) { try scope("fault rack site=nowhere") }
        #expect(throws: Diagnostic.self) { try scope("fault rack site=metro-edge hall=1 rack=99") }
        #expect(throws: Diagnostic.self) { try scope("fault rack tag=no-such-tag") }
    }
}
