import Foundation
import Testing
@testable import FleetSim

/// GPU power by phase (MODEL §6) and rack inlet and die temperatures (MODEL §7) on the tiny fleet:
/// `near` is one air hall of 2 racks × 2 servers (16 H100s a rack), `far` one liquid hall of 2 racks ×
/// 4 servers (32 a rack).
@Suite struct PowerThermalModelTests {
    struct Fixture {
        let topology: Topology
        var model: PowerThermalModel

        init() {
            let spec = SimTestSupport.quietTiny()
            topology = Topology(spec: spec)
            model = PowerThermalModel(topology: topology, spec: spec)
        }

        /// One second with every replica `prefill` and `decode` busy, caps per site, cooling lost per hall.
        @discardableResult
        mutating func step(prefill: Double = 0, decode: Double = 0, capW: [Double] = [700, 700],
                           coolingLoss: [Double] = [0, 0], dt: Double = 1) -> Bool {
            let n = topology.replicaCount
            return model.step(dt: dt, topology: topology, prefillBusy: [Double](repeating: prefill, count: n),
                              decodeBusy: [Double](repeating: decode, count: n), capW: capW, coolingLoss: coolingLoss)
        }
    }

    // MODEL §6 and §7 figures for an H100.
    static let idleW = 75.0, prefillW = 700.0, decodeW = 380.0
    static let serverIdleKW = 2.8, serverFullKW = 10.2 - 8 * 0.7
    static let airSupplyC = 20.0, liquidSupplyC = 25.0, airRth = 0.065, liquidRth = 0.04, dieTau = 20.0
    static let airC = 55.0, liquidC = 330.0, designRiseK = 6.0

    @Test func gpuPowerFollowsThePhaseAndTheCap() {
        var f = Fixture()
        f.step()
        #expect(f.model.powerW.allSatisfy { Double($0) == Self.idleW })
        // Near rack: 16 idle GPUs and 2 servers at idle overhead.
        #expect(abs(f.model.rackPowerKW[0] - (16 * Self.idleW / 1000 + 2 * Self.serverIdleKW)) < 1e-9)
        f.step(decode: 1)
        #expect(f.model.powerW.allSatisfy { Double($0) == Self.decodeW })
        f.step(prefill: 1)
        #expect(f.model.powerW.allSatisfy { Double($0) == Self.prefillW })
        // At full draw a rack is at its design power: 16 × 700 W + 2 × 4.6 kW.
        #expect(abs(f.model.rackPowerKW[0] - (16 * Self.prefillW / 1000 + 2 * Self.serverFullKW)) < 1e-6)
        // A 500 W cap at the near site holds its prefill there and leaves the far site alone.
        f.step(prefill: 1, capW: [500, 700])
        let near = f.topology.siteGPUs[0], far = f.topology.siteGPUs[1]
        #expect(near.allSatisfy { f.model.powerW[$0] == 500 })
        #expect(far.allSatisfy { Double(f.model.powerW[$0]) == Self.prefillW })
        // A cap above TDP changes nothing.
        f.step(prefill: 1, capW: [2000, 2000])
        #expect(f.model.powerW.allSatisfy { Double($0) == Self.prefillW })
    }

    @Test func dieApproachesInletPlusRthTimesPowerExactly() {
        var f = Fixture()
        f.step(decode: 1)
        // From the supply temperature, one exact exponential step towards T_in + R_th · P.
        let decay = exp(-1 / Self.dieTau)
        let airSS = Self.airSupplyC + Self.airRth * Self.decodeW
        let liquidSS = Self.liquidSupplyC + Self.liquidRth * Self.decodeW
        let near = f.topology.siteGPUs[0].lowerBound, far = f.topology.siteGPUs[1].lowerBound
        #expect(abs(Double(f.model.dieC[near]) - (airSS + (Self.airSupplyC - airSS) * decay)) < 1e-3)
        #expect(abs(Double(f.model.dieC[far]) - (liquidSS + (Self.liquidSupplyC - liquidSS) * decay)) < 1e-3)
    }

    @Test func inletSettlesAtTheDesignRiseAtDesignPower() {
        var f = Fixture()
        f.step(prefill: 1)
        // One step: T∞ = supply + 6 K (heat equals design power), τ = C / (design / 6 K).
        let nearDesignKW = 16 * Self.prefillW / 1000 + 2 * Self.serverFullKW
        let tau = Self.airC / (nearDesignKW / Self.designRiseK)
        let expected = Self.airSupplyC + Self.designRiseK * (1 - exp(-1 / tau))
        #expect(abs(f.model.inletC[0] - expected) < 1e-9)
        for _ in 0..<599 { f.step(prefill: 1) }
        // After many time constants (τ ≈ 16 s air, ≈ 49 s liquid): supply + 6 K.
        #expect(abs(f.model.inletC[0] - (Self.airSupplyC + Self.designRiseK)) < 1e-6)
        #expect(abs(f.model.inletC[2] - (Self.liquidSupplyC + Self.designRiseK)) < 1e-3)
        // Dies at steady state: inlet + R_th · 700 W, well under the 87 °C slowdown.
        let nearDie = Double(f.model.dieC[f.topology.siteGPUs[0].lowerBound])
        #expect(abs(nearDie - (Self.airSupplyC + Self.designRiseK + Self.airRth * Self.prefillW)) < 1e-3)
        #expect(f.model.clock.allSatisfy { $0 == 1 })
    }

    @Test func lostCoolingSlowsThenShutsDownAtTheThresholdsAndRestartsWhenCool() {
        var f = Fixture()
        let near = f.topology.siteGPUs[0], far = f.topology.siteGPUs[1]
        var reached87 = false, reached89 = false
        var seconds = 0
        // The first second: inlet rises by about heat / C, 20.4 kW / 55 kJ/K ≈ 0.37 K (exactly, the
        // exponential step towards supply + heat / (5% of the design conductance)).
        let k = (16 * Self.prefillW / 1000 + 2 * Self.serverFullKW) / Self.designRiseK * 0.05
        let heatKW = 16 * Self.prefillW / 1000 + 2 * Self.serverFullKW
        let tInf = Self.airSupplyC + heatKW / k
        var first = f
        first.step(prefill: 1, coolingLoss: [1, 0])
        #expect(abs(first.model.inletC[0] - (tInf + (Self.airSupplyC - tInf) * exp(-k / Self.airC))) < 1e-9)
        #expect(abs(first.model.inletC[0] - Self.airSupplyC - heatKW / Self.airC) < 0.01)
        while seconds < 600, !near.allSatisfy({ f.model.state[$0] == .shutDown }) {
            let before = f.model.clock
            let wasUp = f.model.state
            f.step(prefill: 1, coolingLoss: [1, 0])
            seconds += 1
            for g in near {
                let die = Double(f.model.dieC[g]), clock = Double(f.model.clock[g])
                reached87 = reached87 || die >= 87
                reached89 = reached89 || die >= 89
                if wasUp[g] == .up && f.model.state[g] == .shutDown { #expect(die >= 92, "shut down at \(die) °C") }
                guard f.model.state[g] == .up, f.model.clock[g] != before[g] else { continue }
                // A slowdown starts only at its threshold: ×0.85 from 87 °C, ×0.5 from 89 °C.
                if clock == 0.85 { #expect(die >= 87 && die < 89, "×0.85 at \(die) °C") }
                if clock == 0.5 { #expect(die >= 89, "×0.5 at \(die) °C") }
            }
            if !reached87 { #expect(near.allSatisfy { f.model.clock[$0] == 1 }) }
        }
        #expect(reached89)
        // Every GPU of the rack shut down: slowed GPUs draw less, so it takes minutes, not seconds.
        #expect(near.allSatisfy { f.model.state[$0] == .shutDown }, "still up after \(seconds) s")
        #expect(far.allSatisfy { f.model.state[$0] == .up && f.model.clock[$0] == 1 })
        // Cooling back, load gone: inlet under 32 °C and dies under 87 − 2 °C bring every GPU back.
        for _ in 0..<600 { f.step(coolingLoss: [0, 0]) }
        #expect(f.model.state.allSatisfy { $0 == .up })
        #expect(f.model.clock.allSatisfy { $0 == 1 })
    }

    @Test func failedGPUsDrawNothingAndComeBackOnlyForTheirOwnFault() {
        var f = Fixture()
        #expect(f.model.fail(0..<4, by: 1) == 4)
        #expect(f.model.fail(2..<6, by: 2) == 2)
        f.step(decode: 1)
        #expect((0..<6).allSatisfy { f.model.powerW[$0] == 0 })
        #expect(f.model.repair(0..<6, by: 1) == 4)
        #expect(f.model.state[4] == .failed && f.model.state[5] == .failed)
        #expect(f.model.repair(0..<6, by: nil) == 2)
        f.step(decode: 1)
        #expect((0..<6).allSatisfy { Double(f.model.powerW[$0]) == Self.decodeW })
    }
}
