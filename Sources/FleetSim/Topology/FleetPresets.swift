/// The built-in fleets of MODEL.md §1: `tiny` for tests, `demo` for the screen, `hyperscale` for speed.
extension FleetSpec {
    /// Names accepted by `preset(named:)`.
    public static let presetNames = ["tiny", "demo", "hyperscale"]

    /// A built-in preset by name, or nil.
    public static func preset(named name: String) -> FleetSpec? {
        switch name {
        case "tiny": tiny
        case "demo": demo
        case "hyperscale": hyperscale
        default: nil
        }
    }

    /// Default demand, fitted to the Azure 2023 traces (means, since the model is fluid): chat 1,155 / 211
    /// tokens, code 2,048 / 28 with 1-s rate CV 2.2 after removing Poisson noise (trace gap CV 13).
    /// Rates are scaled by `scale` requests per second of chat.
    static func defaultClasses(chatRate: Double) -> [ClassSpec] {
        [
            ClassSpec(requestClass: .chat, ratePerSecond: chatRate, arrivals: .poisson,
                      inputTokens: 1155, outputTokens: 211,
                      slo: ServiceLevel(ttftSeconds: 2, tpotSeconds: 0.2)),
            ClassSpec(requestClass: .code, ratePerSecond: chatRate * 0.25, arrivals: .gammaModulated(cv: 2.2),
                      inputTokens: 2048, outputTokens: 28,
                      slo: ServiceLevel(ttftSeconds: 0.45, tpotSeconds: 0.04)),
            ClassSpec(requestClass: .agentic, ratePerSecond: chatRate * 0.004, arrivals: .poisson,
                      inputTokens: 1000, outputTokens: 300,
                      slo: ServiceLevel(ttftSeconds: 2, tpotSeconds: 0.2)),
            ClassSpec(requestClass: .batch, ratePerSecond: chatRate * 0.08, arrivals: .poisson,
                      inputTokens: 2000, outputTokens: 500,
                      slo: ServiceLevel(ttftSeconds: nil, tpotSeconds: nil)),
        ]
    }

    /// Two small sites, a handful of racks: fast enough for debug-build tests.
    public static var tiny: FleetSpec {
        FleetSpec(name: "tiny", sites: [
            SiteSpec(name: "near", rttMs: 3, pricePerMWh: 160, gridLimitKW: 80, basePUE: 1.5, halls: [
                HallSpec(cooling: .air, racks: 2, serversPerRack: 2, sku: .h100),
            ]),
            SiteSpec(name: "far", rttMs: 40, pricePerMWh: 70, gridLimitKW: 400, basePUE: 1.1, halls: [
                HallSpec(cooling: .liquid, racks: 2, serversPerRack: 4, sku: .h100),
            ]),
        ], classes: defaultClasses(chatRate: 40))
    }

    /// Three sites, 144 racks, 4,096 GPUs: the metro-edge / regional / remote-campus story, sized so that
    /// a calm afternoon meets every SLO with headroom. Regional's second hall is B200s given to code
    /// completion as a pool (small batches, short steps: MLPerf's interactive 40 ms TPOT needs them);
    /// every other replica serves chat, agentic calls and batch with a latency-tuned 1,024-token budget
    /// (Sarathi-Serve: a smaller chunk bounds the stall decoders see). Metro-edge's grid connection
    /// sits just above its calm-afternoon draw, so a surge or a demand response meets it. Tags (no
    /// effect on the physics): each metro-edge hall's racks split over two PDUs (`pdu-a`/`pdu-b` in h1,
    /// `pdu-c`/`pdu-d` in h2), a cooling loop per liquid hall (`loop-r1`, `loop-r2`, `loop-c1`,
    /// `loop-c2`), and the sites as `edge` or `core`.
    public static var demo: FleetSpec {
        var spec = FleetSpec(name: "demo", sites: [
            SiteSpec(name: "metro-edge", rttMs: 3, pricePerMWh: 160, gridLimitKW: 1000, basePUE: 1.5,
                     outsideTempMeanC: 24, halls: [
                HallSpec(cooling: .air, racks: 16, serversPerRack: 2, sku: .h100,
                         rackTags: [RackTag(name: "pdu-a", racks: 1...8), RackTag(name: "pdu-b", racks: 9...16)]),
                HallSpec(cooling: .air, racks: 16, serversPerRack: 2, sku: .h100,
                         rackTags: [RackTag(name: "pdu-c", racks: 1...8), RackTag(name: "pdu-d", racks: 9...16)]),
            ], tags: ["edge"]),
            SiteSpec(name: "regional", rttMs: 20, pricePerMWh: 95, gridLimitKW: 2600, basePUE: 1.2, halls: [
                HallSpec(cooling: .liquid, racks: 24, serversPerRack: 4, sku: .h200, tags: ["loop-r1"]),
                HallSpec(cooling: .liquid, racks: 24, serversPerRack: 4, sku: .b200, tags: ["loop-r2"],
                         pools: [ServingPool(classes: [.code], maxBatch: 16, prefillChunkTokens: 1024)]),
            ], tags: ["core"]),
            SiteSpec(name: "remote-campus", rttMs: 60, pricePerMWh: 70, gridLimitKW: 5000, basePUE: 1.1,
                     outsideTempMeanC: 12, halls: [
                HallSpec(cooling: .liquid, racks: 32, serversPerRack: 4, sku: .b200, tags: ["loop-c1"]),
                HallSpec(cooling: .liquid, racks: 32, serversPerRack: 4, sku: .b200, tags: ["loop-c2"]),
            ], tags: ["core"]),
        ], classes: defaultClasses(chatRate: 1000))
        spec.serving.prefillChunkTokens = 1024
        // Code: a tenth of chat. The trace's 1-s rate CV of 2.2 is one service at 2.45 requests/s; this
        // fleet's 100/s is about 40 such streams, whose independent bursts average out as 1/√n (0.34);
        // 0.5 keeps some correlated burstiness (*knob*).
        spec[.code].ratePerSecond = 100
        spec[.code].arrivals = .gammaModulated(cv: 0.5)
        return spec
    }

    /// Sixteen campuses of 4 halls × 480 liquid racks of 32 GPUs: 983,040 GPUs, 122,880 replicas, sized
    /// like the demo fleet per GPU so that a calm day meets every SLO with headroom: chat at 160,000
    /// requests/s, and the second pair of halls at each B200 campus given to code completion as a pool
    /// (16,000/s, small batches and short steps, as in the demo). Each grid connection is sized at the
    /// facility power at full TDP, which a calm day stays well under (about three quarters).
    public static var hyperscale: FleetSpec {
        let skus: [GPUSKU] = [.h100, .h200, .b200, .h100]
        let power = PowerKnobs()
        let sites = (0..<16).map { i in
            let sku = skus[i % skus.count]
            let rtt = 3.0 + Double(i) * 4.5
            let price = 70.0 + Double((i * 37) % 90)
            let pue = 1.1 + Double(i % 4) * 0.05
            let hall = HallSpec(cooling: .liquid, racks: 480, serversPerRack: 4, sku: sku)
            var codeHall = hall
            codeHall.pools = [ServingPool(classes: [.code], maxBatch: 16, prefillChunkTokens: 1024)]
            let halls = sku == .b200 ? [hall, hall, codeHall, codeHall] : Array(repeating: hall, count: 4)
            // Grid connection sized at the facility power at full TDP.
            let servers = Double(4 * hall.racks * hall.serversPerRack)
            let fullKW = servers * (8 * sku.constants.tdpW / 1000 + power.serverFullOverheadKW)
            return SiteSpec(name: "site-\(i + 1 < 10 ? "0" : "")\(i + 1)", rttMs: rtt, pricePerMWh: price,
                            gridLimitKW: (fullKW * pue).rounded(), basePUE: pue,
                            outsideTempMeanC: 10 + Double(i % 5) * 4, halls: halls)
        }
        var spec = FleetSpec(name: "hyperscale", sites: sites, classes: defaultClasses(chatRate: 160_000))
        spec.serving.prefillChunkTokens = 1024
        // Code: a tenth of chat, as in the demo. 16,000/s is thousands of the trace's 2.45/s services,
        // whose independent bursts would average out almost entirely; 0.5 keeps the correlated part (the
        // demo's *knob*). At the trace's 2.2 the whole fleet's code traffic swung 100-fold second to
        // second, every site's power with it.
        spec[.code].ratePerSecond = 16_000
        spec[.code].arrivals = .gammaModulated(cv: 0.5)
        // 64 of each hall's 1,920 replicas simulated request by request, the rest following them
        // (MODEL §4): ×30 less serving work, the same per-replica behaviour.
        spec.serving.sampledReplicasPerHall = 64
        return spec
    }
}
