import Testing
@testable import FleetSim

/// The governor's step response on a plant whose GPUs draw min(cap, demand), with the engine's one-second
/// lag between a cap and the power it produces.
@Suite struct PowerGovernorTests {
    /// A site of `gpus` GPUs wanting `demandW` each, 1 kW of overhead per 8 GPUs, PUE 1.2.
    struct Plant {
        var gpus: Int
        var demandW: Double
        let pue = 1.2
        func facilityKW(cap: Double?) -> Double {
            let perGPU = min(cap ?? .infinity, demandW)
            return pue * (Double(gpus) * perGPU / 1000 + Double(gpus) / 8)
        }
    }

    /// Runs `seconds` steps against `limit(t)`; returns facility power and cap per second.
    func run(_ plant: Plant, seconds: Int, limit: (Int) -> Double) -> (kw: [Double], cap: [Double?]) {
        var g = PowerGovernor(sites: 1, margin: 0.02)
        var kw: [Double] = [], caps: [Double?] = []
        var applied: Double? = nil
        for t in 0..<seconds {
            let p = plant.facilityKW(cap: applied)
            kw.append(p)
            _ = g.step(site: 0, facilityKW: p, limitKW: limit(t), pue: plant.pue, gpusUp: plant.gpus,
                       maxGPUPowerW: min(applied ?? .infinity, plant.demandW), floorW: 200, tdpW: 700, rackKW: 40)
            applied = g.capW[0]
            caps.append(applied)
        }
        return (kw, caps)
    }

    @Test(arguments: [64, 4096, 983_040])
    func settlesWithoutOvershootAfterALimitStep(gpus: Int) {
        let plant = Plant(gpus: gpus, demandW: 650)
        let full = plant.facilityKW(cap: nil)
        // The limit drops from 20% above the draw to 10% below it at t = 10.
        let (kw, caps) = run(plant, seconds: 60) { $0 < 10 ? full * 1.2 : full / 1.1 }
        let limit = full / 1.1
        #expect(caps[0..<10].allSatisfy { $0 == nil })
        // Inside the deadband (limit × (1 − 0.02 ± 0.01)) within 6 s of the step, and there to stay.
        for t in 16..<60 {
            #expect(kw[t] <= limit * 0.99 + 1e-9 && kw[t] >= limit * 0.97 - 1e-9, "t=\(t) \(kw[t]) vs \(limit)")
        }
        // Monotone approach: never under the band while settling, the cap never rises back.
        for t in 11..<60 { #expect((caps[t] ?? 700) <= (caps[t - 1] ?? 700) + 1e-9) }
        #expect(kw[11...].allSatisfy { $0 >= limit * 0.97 - 1e-9 })
    }

    @Test func letsGoWhenTheLimitReturns() {
        let plant = Plant(gpus: 512, demandW: 650)
        let full = plant.facilityKW(cap: nil)
        let (kw, caps) = run(plant, seconds: 80) { $0 < 30 ? full / 1.1 : full * 1.3 }
        #expect(caps[29] != nil)
        #expect(caps[79] == nil)
        // Once released it stays released: no on/off cycling at a steady load.
        let firstFree = caps.indices.first { $0 > 30 && caps[$0] == nil }!
        #expect(caps[firstFree...].allSatisfy { $0 == nil })
        #expect(abs(kw[79] - full) < 1e-6)
    }

    @Test func capCountStaysSteadyAtASteadyLoadJustOverTheLimit() {
        let plant = Plant(gpus: 61_440, demandW: 690)
        let full = plant.facilityKW(cap: nil)
        let (_, caps) = run(plant, seconds: 120) { _ in full * 0.995 }
        // Capping from the start, never released and re-applied.
        let capped = caps.map { $0 != nil }
        #expect(capped[5...].allSatisfy { $0 })
    }

    @Test func aLoadThatDipsForASecondDoesNotReleaseTheCap() {
        var g = PowerGovernor(sites: 1, margin: 0.02, confirmSteps: 3)
        let gpus = 61_440, pue = 1.2
        let limit = pue * (Double(gpus) * 0.62 + Double(gpus) / 8)
        var applied: Double? = nil
        var capped: [Bool] = []
        for t in 0..<120 {
            // Every third second the load dips below the cap: nobody draws up to it.
            let demand = t % 3 == 2 ? 450.0 : 690
            let perGPU = min(applied ?? .infinity, demand)
            let kw = pue * (Double(gpus) * perGPU / 1000 + Double(gpus) / 8)
            _ = g.step(site: 0, facilityKW: kw, limitKW: limit, pue: pue, gpusUp: gpus,
                       maxGPUPowerW: perGPU, floorW: 200, tdpW: 700, rackKW: 40)
            applied = g.capW[0]
            capped.append(applied != nil)
        }
        let first = capped.firstIndex(of: true)
        #expect(first != nil)
        if let first { #expect(capped[first...].allSatisfy { $0 }, "released and re-applied: \(capped)") }
    }

    @Test func aShortSpikeDoesNotStartTheCapASustainedOneDoes() {
        var g = PowerGovernor(sites: 1, margin: 0.02, confirmSteps: 3)
        func step(_ kw: Double) {
            _ = g.step(site: 0, facilityKW: kw, limitKW: 1000, pue: 1.2, gpusUp: 100, maxGPUPowerW: 700, floorW: 200, tdpW: 700, rackKW: 40)
        }
        // Three seconds over, one under: the count stands at 2, so two more seconds over start the cap.
        for kw in [1050.0, 1050, 1050, 900] { step(kw) }
        #expect(g.capW[0] == nil)
        step(1050)
        #expect(g.capW[0] == nil)
        step(1050)
        #expect(g.capW[0] != nil)
    }

    @Test func shedsPastTheFloorAndRestoresWithHeadroom() {
        var g = PowerGovernor(sites: 1, margin: 0.02)
        // Far over the limit at the floor: racks go.
        _ = g.step(site: 0, facilityKW: 2000, limitKW: 1000, pue: 1.2, gpusUp: 100, maxGPUPowerW: 700, floorW: 200, tdpW: 700, rackKW: 40)
        for _ in 0..<20 {
            _ = g.step(site: 0, facilityKW: 2000, limitKW: 1000, pue: 1.2, gpusUp: 100, maxGPUPowerW: 200, floorW: 200, tdpW: 700, rackKW: 40)
        }
        #expect(g.capW[0] == 200)
        #expect(g.shedCount[0] > 0)
        let shed = g.shedCount[0]
        // Well under: one rack back per step, and only then the cap rises.
        let back = g.step(site: 0, facilityKW: 500, limitKW: 1000, pue: 1.2, gpusUp: 100, maxGPUPowerW: 200, floorW: 200, tdpW: 700, rackKW: 40)
        #expect(back == -1 && g.shedCount[0] == shed - 1 && g.capW[0] == 200)
    }
}
