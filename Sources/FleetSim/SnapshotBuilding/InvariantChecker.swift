import FleetMetrics

/// The MODEL §9 checks run on every snapshot: conservation per class and site, no NaN or infinity,
/// values in physical ranges. Returns one readable line per violation.
public enum InvariantChecker {
    /// Relative tolerance of conservation sums (weighted requests, summed in Double).
    public static let tolerance = 1e-6

    static func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(a), abs(b))
    }

    static func check(_ s: Snapshot, engine: FleetEngine) -> [String] {
        var out: [String] = []
        for c in s.classes {
            let rhs = c.completed + c.dropped + c.waiting + c.inFlight
            if !close(c.arrived + 0, rhs) {
                out.append("conservation \(c.requestClass.name): arrived \(c.arrived) ≠ completed+dropped+waiting+in flight \(rhs)")
            }
            for v in [c.arrived, c.completed, c.dropped, c.waiting, c.inFlight, c.retried, c.ttft.p99, c.tpot.p99, c.e2e.p99,
                      c.goodputRatio, c.meanInSystem, c.meanTimeInSystemSeconds] where !v.isFinite || v < -tolerance {
                out.append("\(c.requestClass.name): value \(v) not finite or negative")
            }
        }
        let topo = engine.topology
        for site in 0..<topo.siteCount {
            let b = engine.serving.books(site: site)
            let inside = b.routed - b.retriedOut
            let left = b.completed + b.dropped + b.waiting + b.inFlight
            for c in 0..<4 where !close(inside[c], left[c]) {
                out.append("conservation \(topo.siteNames[site]) class \(c): routed − retried out \(inside[c]) ≠ completed+dropped+waiting+in flight \(left[c])")
            }
        }
        for site in s.sites {
            let supply = min(engine.spec.thermal.airSupplyC, engine.spec.thermal.liquidSupplyC)
            if !site.itPowerKW.isFinite || site.itPowerKW < 0 { out.append("\(site.name): IT power \(site.itPowerKW)") }
            if !site.inletCMax.isFinite || site.inletCMax < supply - 1e-6 || site.inletCMax > 200 {
                out.append("\(site.name): inlet \(site.inletCMax) °C out of range")
            }
            if site.utilization < 0 || site.utilization > 1 + tolerance { out.append("\(site.name): utilization \(site.utilization)") }
            if let cap = site.governorCapW, !(cap > 0 && cap.isFinite) { out.append("\(site.name): governor cap \(cap)") }
        }
        // Per hall, with the SIMD kernels: a NaN makes the sum NaN, so finite sum, min ≥ 0, max ≤ TDP.
        engine.physics.powerW.withUnsafeBufferPointer { power in
            for h in 0..<topo.hallCount {
                let racks = topo.hallRacks[h]
                guard let first = racks.first, let last = racks.last else { continue }
                let gpus = UnsafeBufferPointer(rebasing: power[topo.rackGPUs[first].lowerBound..<topo.rackGPUs[last].upperBound])
                guard !gpus.isEmpty else { continue }
                let tdp = Float(topo.hallSKU[h].constants.tdpW) + 1e-3
                let total = ColumnKernels.sum(gpus), high = ColumnKernels.max(gpus), low = ColumnKernels.min(gpus)
                if !total.isFinite || low < 0 || high > tdp {
                    out.append("\(topo.hallPath(h)): GPU power out of range (min \(low) W, max \(high) W, TDP \(tdp) W)")
                }
            }
        }
        let t = s.totals
        for v in [t.itPowerKW, t.facilityPowerKW, t.energyKWh, t.costUSD, t.usdPerMillionTokens, t.outputTokensPerSecond,
                  t.goodputRatio, t.pue] where !v.isFinite || v < 0 {
            out.append("fleet total \(v) not finite or negative")
        }
        return out
    }
}
