/// The site power governor of MODEL §6: an integral controller on one GPU power cap per site. It
/// starts once facility power has been past the limit in force less half the margin for
/// `confirmSteps` seconds more than it was under it (a breaker rides through a short spike; a start-up burst must not cap a
/// site), then each second moves
/// the cap by `gain` of the watts per GPU that would put the site on its aim (the limit less the
/// margin), holding still within a deadband of ± half the margin around the aim. Past the floor it
/// sheds whole racks; with headroom again it restores them, then raises the cap, and lets go once the
/// cap has risen back to TDP.
///
/// Step response: when every GPU draws at least the cap, power follows the cap one for one a second
/// later, so the error shrinks by `1 − gain` a step with no overshoot — from 10% over the limit to
/// inside the deadband in 4 s, and never oscillating, whatever the fleet's size (tested). Going up it
/// gives back a tenth of the headroom a second (from a 20% demand response back to full in about
/// 10–20 s), so a dip in load does not free a site that is over its limit most of the time.
public struct PowerGovernor: Sendable {
    /// Per site: GPU cap in watts (nil = not capping) and racks shed.
    public private(set) var capW: [Double?]
    public private(set) var shedCount: [Int]
    /// Per site: seconds over the start threshold while not capping, less the seconds under it since.
    private var overFor: [Int]
    let margin: Double
    let confirmSteps: Int
    /// Share of the error corrected per step going down: below 1, so a one-second lag cannot overshoot.
    static let gain = 0.5
    /// Share of the headroom given back per step going up: fast down, slow up, so a site over its limit
    /// most of the time stays capped through a dip in its load instead of being freed and re-capped.
    static let gainUp = 0.1

    public init(sites: Int, margin: Double, confirmSteps: Int = 0) {
        capW = [Double?](repeating: nil, count: sites)
        shedCount = [Int](repeating: 0, count: sites)
        overFor = shedCount
        self.margin = margin
        self.confirmSteps = max(0, confirmSteps)
    }

    /// The cap to apply to every GPU of a site (TDP when not capping).
    public func effectiveCap(site s: Int, tdpW: Double) -> Double { capW[s] ?? tdpW }

    /// One governor step for site `s`. `facilityKW` now, `limitKW` in force, `pue`, up GPUs, the hottest
    /// GPU draw, the floor and TDP, and the mean IT power of one active rack. Returns the change in shed
    /// racks (+ shed, − restore).
    public mutating func step(site s: Int, facilityKW: Double, limitKW: Double, pue: Double, gpusUp: Int,
                              maxGPUPowerW: Double, floorW: Double, tdpW: Double, rackKW: Double) -> Int {
        let aim = limitKW * (1 - margin)
        let band = limitKW * margin / 2
        let errorKW = facilityKW - aim
        let perGPU = gpusUp > 0 ? errorKW / max(1, pue) * 1000 / Double(gpusUp) : 0
        guard let current = capW[s] else {
            // A leaky count: a second over adds one, a second under takes one away, so a load over the
            // limit most of the time is caught even if it dips now and then.
            overFor[s] = facilityKW > aim + band ? overFor[s] + 1 : max(0, overFor[s] - 1)
            if overFor[s] > confirmSteps {
                overFor[s] = 0
                capW[s] = max(floorW, min(tdpW, maxGPUPowerW) - Self.gain * perGPU)
            } else if shedCount[s] > 0, -errorKW / max(1, pue) > rackKW * 1.2 {
                shedCount[s] -= 1
                return -1
            }
            return 0
        }
        if abs(errorKW) <= band { return 0 }
        if errorKW > 0 {
            if current <= floorW + 1e-6, rackKW > 0 {
                let racks = max(1, Int((errorKW / max(1, pue) / rackKW).rounded(.up)))
                shedCount[s] += racks
                return racks
            }
            capW[s] = max(floorW, current - Self.gain * perGPU)
            return 0
        }
        if shedCount[s] > 0 {
            if -errorKW / max(1, pue) > rackKW * 1.2 {
                shedCount[s] -= 1
                return -1
            }
            return 0
        }
        // Under the aim: raise the cap, and let go only once it has risen to TDP. Letting go as soon as
        // no GPU drew up to it would free a site whose load merely dipped for a second, and it would be
        // capped again a few seconds later (the flapping this controller exists to prevent).
        let next = current - Self.gainUp * perGPU
        capW[s] = next >= tdpW ? nil : next
        return 0
    }
}
