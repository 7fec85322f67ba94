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
    public static let hottestCount = 24

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

    /// Computes the digest of a snapshot in one pass over the rack columns.
    public init(_ s: Snapshot) {
        tick = s.tick
        let r = s.racks
        let n = min(r.count, r.inletCReported.count, r.dieCMaxReported.count, r.itPowerKW.count, r.queueRequests.count, r.flags.count)
        let scan = r.inletCReported.withUnsafeBufferPointer { inlet in
            r.dieCMaxReported.withUnsafeBufferPointer { die in
                r.itPowerKW.withUnsafeBufferPointer { pw in
                    r.queueRequests.withUnsafeBufferPointer { q in
                        r.flags.withUnsafeBufferPointer { fl in
                            Self.scan(count: n, inlet: inlet, die: die, power: pw, queue: q, flags: fl)
                        }
                    }
                }
            }
        }
        inletBins = scan.inletBins
        dieBins = scan.dieBins
        hottestRacks = scan.hottest
        maxRackPowerKW = scan.maxPower
        maxRackQueue = scan.maxQueue
        racksFailed = scan.failed
        racksThrottled = scan.throttled
        var hp = 0.0, hq = 0.0
        for h in s.halls {
            hp = max(hp, h.itPowerKW)
            hq = max(hq, h.queueRequests)
        }
        maxHallPowerKW = hp
        maxHallQueue = hq
    }

    private struct Scan {
        var inletBins: [Int], dieBins: [Int], hottest: [Int]
        var maxPower: Float, maxQueue: Float, failed: Int, throttled: Int
    }

    /// The single pass: bins, maxima, flag counts and the hottest few, all in locals.
    private static func scan(count n: Int, inlet: UnsafeBufferPointer<Float>, die: UnsafeBufferPointer<Float>,
                             power: UnsafeBufferPointer<Float>, queue: UnsafeBufferPointer<Float>,
                             flags: UnsafeBufferPointer<RackFlags>) -> Scan {
        let bins = binCount, last = bins - 1, lastF = Float(last)
        let ib = UnsafeMutablePointer<Int>.allocate(capacity: bins), db = UnsafeMutablePointer<Int>.allocate(capacity: bins)
        ib.initialize(repeating: 0, count: bins); db.initialize(repeating: 0, count: bins)
        defer { ib.deallocate(); db.deallocate() }
        let iLo = inletRange.lowerBound, iScale = Float(bins) / (inletRange.upperBound - iLo)
        let dLo = dieRange.lowerBound, dScale = Float(bins) / (dieRange.upperBound - dLo)
        var pMax: Float = 0, qMax: Float = 0, failed = 0, throttled = 0
        let k = hottestCount
        var topD = [Float](repeating: -.infinity, count: k), topI = [Int](repeating: -1, count: k)
        var floor: Float = -.infinity
        let failedBit = RackFlags.failed.rawValue, thermalBit = RackFlags.thermal.rawValue
        for i in 0..<n {
            let t = inlet[i], d = die[i]
            if t.isFinite { let x = (t - iLo) * iScale; ib[x < 1 ? 0 : (x >= lastF ? last : Int(x))] += 1 }
            if d.isFinite { let x = (d - dLo) * dScale; db[x < 1 ? 0 : (x >= lastF ? last : Int(x))] += 1 }
            pMax = max(pMax, power[i])
            qMax = max(qMax, queue[i])
            let f = flags[i].rawValue
            failed &+= f & failedBit == 0 ? 0 : 1
            throttled &+= f & thermalBit == 0 ? 0 : 1
            if d > floor {
                var j = k - 1
                while j > 0 && topD[j - 1] < d { topD[j] = topD[j - 1]; topI[j] = topI[j - 1]; j -= 1 }
                topD[j] = d; topI[j] = i
                floor = topD[k - 1]
            }
        }
        let inletBins = Array(UnsafeBufferPointer(start: ib, count: bins))
        let dieBins = Array(UnsafeBufferPointer(start: db, count: bins))
        return Scan(inletBins: inletBins, dieBins: dieBins, hottest: topI.filter { $0 >= 0 }, maxPower: pMax,
                    maxQueue: qMax, failed: failed, throttled: throttled)
    }
}
