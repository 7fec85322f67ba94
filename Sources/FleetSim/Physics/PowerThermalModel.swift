import Foundation

/// Per-GPU power and die temperature and per-rack inlet temperature, stepped once per simulated second
/// (MODEL §6, §7). Columns are contiguous per rack; updates are exact exponentials, never Euler steps.
public struct PowerThermalModel: Sendable {
    // Per GPU.
    public internal(set) var state: [GPUState]
    public internal(set) var powerW: [Float]
    public internal(set) var dieC: [Float]
    /// Thermal clock factor: 1, 0.85 (software slowdown) or 0.5 (hardware slowdown).
    public internal(set) var clock: [Float]
    /// Fault id that failed this GPU (−1 none).
    public internal(set) var failedBy: [Int32]
    // Per rack.
    public internal(set) var inletC: [Double]
    public internal(set) var rackPowerKW: [Double]
    public internal(set) var rackShed: [Bool]
    // Per hall, from the last step: GPUs up, thermally slowed, shut down, hottest die, IT power.
    public internal(set) var hallUp: [Int]
    public internal(set) var hallThrottled: [Int]
    public internal(set) var hallShutDown: [Int]
    public internal(set) var hallDieMax: [Float]
    public internal(set) var hallPowerKW: [Double]
    /// Cooling conductance at full cooling (kW/K) and heat capacity (kJ/K).
    let rackConductance: [Double]
    let rackCapacity: [Double]
    let rackSupplyC: [Double]
    let rackRth: [Double]
    let knobs: ThermalKnobs
    let power: PowerKnobs

    public init(topology: Topology, spec: FleetSpec) {
        let g = topology.gpuCount
        state = [GPUState](repeating: .up, count: g)
        powerW = [Float](repeating: 0, count: g)
        clock = [Float](repeating: 1, count: g)
        failedBy = [Int32](repeating: -1, count: g)
        knobs = spec.thermal
        power = spec.power
        var cond: [Double] = [], cap: [Double] = [], supply: [Double] = [], rth: [Double] = []
        for r in 0..<topology.rackCount {
            let h = Int(topology.rackHall[r])
            let sku = topology.hallSKU[h].constants
            let gpus = Double(topology.rackGPUs[r].count), servers = Double(topology.rackServers[r])
            let design = (gpus * sku.tdpW / 1000) + servers * spec.power.serverFullOverheadKW
            cond.append(design / spec.thermal.designRiseK)
            let air = topology.hallCooling[h] == .air
            cap.append(air ? spec.thermal.airRackCapacityKJPerK : spec.thermal.liquidRackCapacityKJPerK)
            supply.append(air ? spec.thermal.airSupplyC : spec.thermal.liquidSupplyC)
            rth.append(air ? spec.thermal.airRthKPerW : spec.thermal.liquidRthKPerW)
        }
        rackConductance = cond; rackCapacity = cap; rackSupplyC = supply; rackRth = rth
        inletC = supply
        rackPowerKW = [Double](repeating: 0, count: topology.rackCount)
        rackShed = [Bool](repeating: false, count: topology.rackCount)
        hallUp = (0..<topology.hallCount).map { h in
            topology.hallRacks[h].reduce(0) { $0 + topology.rackGPUs[$1].count }
        }
        hallThrottled = [Int](repeating: 0, count: topology.hallCount)
        hallShutDown = hallThrottled
        hallDieMax = (0..<topology.hallCount).map { Float(supply[topology.hallRacks[$0].lowerBound]) }
        hallPowerKW = [Double](repeating: 0, count: topology.hallCount)
        dieC = (0..<g).map { Float(supply[Int(topology.gpuRack[$0])]) }
    }

    /// One physics second. `prefillBusy`/`decodeBusy` are each replica's busy shares of the second,
    /// `capW` the per-site GPU cap, `coolingLoss` per hall 0...1. Returns true when a GPU changed state.
    public mutating func step(dt: Double, topology: Topology, prefillBusy: [Double], decodeBusy: [Double],
                              capW: [Double], coolingLoss: [Double]) -> Bool {
        var changed = false
        let dieDecay = Float(exp(-dt / knobs.dieTauSeconds))
        let slow = Float(knobs.slowdownC), hard = Float(knobs.hardSlowdownC), shut = Float(knobs.shutdownC)
        let hyst = Float(knobs.hysteresisK)
        let slowClock = Float(knobs.slowdownClock), hardClock = Float(knobs.hardSlowdownClock)
        let restart = knobs.restartInletC
        for h in 0..<topology.hallCount {
            let sku = topology.hallSKU[h].constants
            let site = Int(topology.hallSite[h])
            let cap = Float(min(capW[site], sku.tdpW))
            let idle = Float(sku.idleW), pre = Float(sku.prefillW - sku.idleW), dec = Float(sku.decodeW - sku.idleW)
            let loadSpan = Float(sku.tdpW - sku.idleW)
            let loss = coolingLoss[h]
            var up = 0, throttled = 0, shutDown = 0, dieMax = -Float.infinity, hallKW = 0.0
            for r in topology.hallRacks[h] {
                let inlet = inletC[r]
                let rth = Float(rackRth[r])
                var gpuKW = 0.0, load: Float = 0
                let shed = rackShed[r]
                for g in topology.rackGPUs[r] {
                    let rep = Int(topology.gpuReplica[g])
                    var p: Float = 0
                    if state[g] == .up && !shed && rep >= 0 {
                        let c = clock[g]
                        p = min(cap, idle + c * (Float(prefillBusy[rep]) * pre + Float(decodeBusy[rep]) * dec))
                    } else if state[g] == .up && !shed {
                        p = idle
                    }
                    powerW[g] = p
                    gpuKW += Double(p)
                    load += p > 0 ? (p - idle) / loadSpan : 0
                    let ss = Float(inlet) + rth * p
                    let die = ss + (dieC[g] - ss) * dieDecay
                    dieC[g] = die
                    if state[g] == .up {
                        if die >= shut {
                            state[g] = .shutDown; clock[g] = 1; changed = true
                        } else {
                            let old = clock[g]
                            let target: Float = die >= hard ? hardClock : (die >= slow ? slowClock : 1)
                            // Slowdowns apply at once and lift only below threshold − hysteresis.
                            let lifted: Float = old == hardClock ? (die < hard - hyst ? (die >= slow ? slowClock : 1) : hardClock)
                                : (old == slowClock ? (die < slow - hyst ? 1 : slowClock) : 1)
                            let next = min(target, lifted)
                            if next != old { clock[g] = next; changed = true }
                        }
                    } else if state[g] == .shutDown && inlet < restart && die < slow - hyst {
                        state[g] = .up; changed = true
                    }
                    dieMax = max(dieMax, die)
                    switch state[g] {
                    case .up: up += 1; if clock[g] < 1 { throttled += 1 }
                    case .shutDown: shutDown += 1
                    case .failed: break
                    }
                }
                let gpus = Float(topology.rackGPUs[r].count)
                let servers = Double(topology.rackServers[r])
                let share = Double(gpus > 0 ? load / gpus : 0)
                let overhead = shed ? 0 : servers * (power.serverIdleOverheadKW
                    + (power.serverFullOverheadKW - power.serverIdleOverheadKW) * max(0, share))
                let heat = gpuKW / 1000 + overhead
                rackPowerKW[r] = heat
                hallKW += heat
                let k = rackConductance[r] * max(knobs.passiveCoolingShare, 1 - loss)
                let supply = rackSupplyC[r]
                let tInf = supply + heat / k
                let tau = rackCapacity[r] / k
                inletC[r] = tInf + (inlet - tInf) * exp(-dt / tau)
            }
            hallUp[h] = up; hallThrottled[h] = throttled; hallShutDown[h] = shutDown
            hallDieMax[h] = dieMax; hallPowerKW[h] = hallKW
        }
        return changed
    }

    /// Marks GPUs failed by fault `id`; returns how many went down.
    @discardableResult
    public mutating func fail(_ gpus: some Sequence<Int>, by id: Int32) -> Int {
        var n = 0
        for g in gpus where state[g] != .failed {
            state[g] = .failed; failedBy[g] = id; n += 1
        }
        return n
    }

    /// Brings back GPUs failed by fault `id` (or any fault when nil) among `gpus`; returns how many.
    @discardableResult
    public mutating func repair(_ gpus: some Sequence<Int>, by id: Int32?) -> Int {
        var n = 0
        for g in gpus where state[g] == .failed && (id == nil || failedBy[g] == id!) {
            state[g] = .up; failedBy[g] = -1; clock[g] = 1; n += 1
        }
        return n
    }

    /// Sets whether the governor has shed a rack.
    public mutating func setShed(rack r: Int, _ shed: Bool) { rackShed[r] = shed }
}
