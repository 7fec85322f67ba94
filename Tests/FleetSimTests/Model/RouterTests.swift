import Foundation
import Testing
@testable import FleetSim

/// The global split of MODEL §5 on two identical idle sites, so every replica is equally free and the
/// weights reduce to exp(−RTT/τ) for latency classes and (min price / price)² for batch.
@Suite struct RouterTests {
    /// Two sites of one air hall each (2 racks of 2 servers), alike but for RTT and price.
    static func spec(nearRTT: Double = 3, farRTT: Double = 23) -> FleetSpec {
        func site(_ name: String, _ rtt: Double, _ price: Double) -> SiteSpec {
            SiteSpec(name: name, rttMs: rtt, pricePerMWh: price, gridLimitKW: 1000, basePUE: 1.2, halls: [
                HallSpec(cooling: .air, racks: 2, serversPerRack: 2, sku: .h100),
            ])
        }
        return FleetSpec(name: "two", sites: [site("near", nearRTT, 160), site("far", farRTT, 70)],
                         classes: FleetSpec.tiny.classes)
    }

    /// A router and the idle serving state of `spec`, and a `route` call with per-site inputs.
    struct Fixture {
        let spec: FleetSpec
        let topology: Topology
        let serving: ServingModel
        var router: Router

        /// Every replica up at an unthrottled H100's speed (1), idle.
        init(_ spec: FleetSpec) {
            self.spec = spec
            topology = Topology(spec: spec)
            var serving = ServingModel(topology: topology, spec: spec)
            let full = [Double](repeating: 1, count: topology.replicaCount)
            serving.setSpeeds(prefill: full, decode: full, topology: topology, at: 0)
            self.serving = serving
            router = Router(sites: topology.siteCount, knobs: spec.routing)
        }

        mutating func route(rttMs: [Double]? = nil, loss: [Double] = [0, 0], batchBlocked: [Bool] = [false, false]) {
            router.route(topology: topology, serving: serving,
                         prefillBusy: [Double](repeating: 0, count: topology.replicaCount),
                         rttMs: rttMs ?? spec.sites.map(\.rttMs), pricePerMWh: spec.sites.map(\.pricePerMWh),
                         loss: loss, batchBlocked: batchBlocked)
        }

        func share(_ site: Int, _ c: RequestClass) -> Double { router.siteShare[site * 4 + c.rawValue] }
    }

    /// exp(−3/20) : exp(−23/20) = e : 1, so the near site takes e / (1 + e) ≈ 73.1%.
    static let nearShare: Double = M_E / (1 + M_E)
    /// Batch ignores RTT: (70/160)² : 1 ≈ 0.191 : 1, so the cheap far site takes ≈ 83.9%.
    static let farBatchShare: Double = 1 / (1 + (70.0 / 160) * (70.0 / 160))

    @Test func latencyClassesSplitByRTTAndBatchByPrice() {
        var f = Fixture(Self.spec())
        f.route()
        for c in [RequestClass.chat, .code, .agentic] {
            #expect(abs(f.share(0, c) - Self.nearShare) < 1e-12, "\(c)")
            #expect(abs(f.share(0, c) + f.share(1, c) - 1) < 1e-12, "\(c)")
        }
        #expect(abs(f.share(1, .batch) - Self.farBatchShare) < 1e-12)
        #expect(abs(f.share(0, .batch) + f.share(1, .batch) - 1) < 1e-12)
    }

    @Test func aPartitionedSiteDropsToZeroAtOnce() {
        var f = Fixture(Self.spec())
        f.route()
        f.route(loss: [0, 1])
        for c in RequestClass.allCases {
            #expect(f.share(1, c) == 0, "\(c)")
            #expect(f.share(0, c) == 1, "\(c)")
        }
    }

    @Test func partialLossScalesTheWeight() {
        var f = Fixture(Self.spec(nearRTT: 3, farRTT: 3))
        f.route(loss: [0, 0.5])
        // Equal RTTs, half the far site's traffic lost: weights 1 : 0.5.
        #expect(abs(f.share(0, .chat) - 2.0 / 3) < 1e-12)
    }

    @Test func weightsMoveSmoothlyToANewSplit() {
        var f = Fixture(Self.spec())
        f.route(rttMs: [3, 3])
        #expect(abs(f.share(0, .chat) - 0.5) < 1e-12)
        // The far site moves 20 ms away: the share moves 15% of the way (smoothing 0.85) per step.
        f.route()
        #expect(abs(f.share(0, .chat) - (0.85 * 0.5 + 0.15 * Self.nearShare)) < 1e-12)
        for _ in 0..<200 { f.route() }
        #expect(abs(f.share(0, .chat) - Self.nearShare) < 1e-9)
    }

    @Test func batchTurnedAwayGoesElsewhereUnlessEverySiteTurnsItAway() {
        var f = Fixture(Self.spec())
        f.route(batchBlocked: [false, true])
        #expect(f.share(0, .batch) == 1 && f.share(1, .batch) == 0)
        // Every site blocked: batch goes where its price would send it (the governor caps it there).
        var g = Fixture(Self.spec())
        g.route(batchBlocked: [true, true])
        #expect(abs(g.share(1, .batch) - Self.farBatchShare) < 1e-12)
        // Blocking batch leaves the other classes alone.
        #expect(abs(f.share(0, .chat) - Self.nearShare) < 1e-12)
    }
}
