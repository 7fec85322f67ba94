import FleetSim

/// Figures derived from the per-rack columns once per snapshot (not per frame): temperature
/// distributions, the hottest racks, and the scales the fleet map needs.
public struct FleetDigest: Sendable, Equatable {
    /// Inlet range of the distribution: ASHRAE's recommended floor (18 °C) to well past its 27 °C ceiling.
    public static let inletRange: ClosedRange<Float> = 18...45
    /// Die range: a cool idle die (30 °C) to the H100 shutdown threshold (92 °C), MODEL.md §7.
    public static let dieRange: ClosedRange<Float> = 30...92
    /// Bins in each temperature distribution.
    public static let binCount = 12
    /// How many hottest racks are kept.
    public static let hottestCount = 5

    public var tick: UInt64 = .max
    public var inletBins: [Int] = []
    public var dieBins: [Int] = []
    /// Rack indices, hottest die first.
    public var hottestRacks: [Int] = []
    public var maxRackPowerKW: Float = 0
    public var maxRackQueue: Float = 0
    public var maxHallPowerKW = 0.0
    public var maxHallQueue = 0.0
    public var racksFailed = 0
    public var racksThrottled = 0

    public init() {}

    /// Computes the digest of a snapshot in one pass over the rack columns (plus two binning passes).
    public init(_ s: Snapshot) {
        tick = s.tick
        let r = s.racks
        inletBins = HistogramGlyphs.bin(r.inletC, lower: Self.inletRange.lowerBound,
                                        upper: Self.inletRange.upperBound, binCount: Self.binCount)
        dieBins = HistogramGlyphs.bin(r.dieCMax, lower: Self.dieRange.lowerBound,
                                      upper: Self.dieRange.upperBound, binCount: Self.binCount)
        var top: [(Float, Int)] = []
        top.reserveCapacity(Self.hottestCount + 1)
        var pMax: Float = 0, qMax: Float = 0, failed = 0, throttled = 0
        let n = r.count
        r.dieCMax.withUnsafeBufferPointer { die in
            r.itPowerKW.withUnsafeBufferPointer { pw in
                r.queueRequests.withUnsafeBufferPointer { q in
                    r.flags.withUnsafeBufferPointer { fl in
                        for i in 0..<n {
                            if pw[i] > pMax { pMax = pw[i] }
                            if q[i] > qMax { qMax = q[i] }
                            if fl[i].contains(.failed) { failed += 1 }
                            if fl[i].contains(.thermal) { throttled += 1 }
                            let d = die[i]
                            if top.count < Self.hottestCount || d > top[top.count - 1].0 {
                                var j = top.count
                                while j > 0 && top[j - 1].0 < d { j -= 1 }
                                top.insert((d, i), at: j)
                                if top.count > Self.hottestCount { top.removeLast() }
                            }
                        }
                    }
                }
            }
        }
        hottestRacks = top.map(\.1)
        maxRackPowerKW = pMax
        maxRackQueue = qMax
        racksFailed = failed
        racksThrottled = throttled
        maxHallPowerKW = s.halls.map(\.itPowerKW).max() ?? 0
        maxHallQueue = s.halls.map(\.queueRequests).max() ?? 0
    }
}
