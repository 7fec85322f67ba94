/// The site power governor of MODEL §6: when facility power exceeds the limit in force, lower GPU caps
/// uniformly (batch traffic is turned away first), down to the floor; past the floor, shed whole racks.
/// When power falls well below the limit, caps rise and shed racks return.
public struct PowerGovernor: Sendable {
    /// Per site: GPU cap in watts (nil = not capping) and racks shed.
    public private(set) var capW: [Double?]
    public private(set) var shedCount: [Int]
    let margin: Double

    public init(sites: Int, margin: Double) {
        capW = [Double?](repeating: nil, count: sites)
        shedCount = [Int](repeating: 0, count: sites)
        self.margin = margin
    }

    /// The cap to apply to every GPU of a site (TDP when not capping).
    public func effectiveCap(site s: Int, tdpW: Double) -> Double { capW[s] ?? tdpW }

    /// One governor step for site `s`. `facilityKW` now, `limitKW` in force, `pue`, up GPUs, the GPU
    /// power range and the mean IT power of one rack. Returns the change in shed racks (+ shed, − restore).
    public mutating func step(site s: Int, facilityKW: Double, limitKW: Double, pue: Double, gpusUp: Int,
                              maxGPUPowerW: Double, floorW: Double, tdpW: Double, rackKW: Double) -> Int {
        let target = limitKW * (1 - margin)
        let excessKW = facilityKW - target
        if facilityKW > limitKW * (1 - margin / 2) {
            let current = capW[s] ?? min(tdpW, max(floorW, maxGPUPowerW))
            let perGPU = gpusUp > 0 ? excessKW / pue * 1000 / Double(gpusUp) : 0
            let next = max(floorW, current - perGPU)
            capW[s] = next
            if current <= floorW + 1e-6, rackKW > 0 {
                let racks = Int((excessKW / pue / rackKW).rounded(.up))
                shedCount[s] += max(1, racks)
                return max(1, racks)
            }
            return 0
        }
        if facilityKW < limitKW * (1 - 2 * margin) {
            if shedCount[s] > 0 {
                if (limitKW * (1 - margin) - facilityKW) / pue > rackKW * 1.2 {
                    shedCount[s] -= 1
                    return -1
                }
                return 0
            }
            if let c = capW[s] {
                let next = c + 0.05 * tdpW
                capW[s] = next >= tdpW ? nil : next
            }
        }
        return 0
    }
}
