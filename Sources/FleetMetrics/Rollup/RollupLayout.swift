/// How a GPU column is cut into racks, racks into halls and halls into sites: three offset arrays,
/// each non-decreasing from 0, so level `k` entity `i` owns `offsets[i] ..< offsets[i + 1]` of the
/// level below. GPUs of a rack, racks of a hall and halls of a site are contiguous (MODEL.md §1).
public struct RollupLayout: Sendable, Equatable {
    /// Racks + 1 entries: rack `r` holds GPUs `gpuOffsets[r] ..< gpuOffsets[r + 1]`.
    public let gpuOffsets: [Int]
    /// Halls + 1 entries: hall `h` holds racks `rackOffsets[h] ..< rackOffsets[h + 1]`.
    public let rackOffsets: [Int]
    /// Sites + 1 entries: site `s` holds halls `hallOffsets[s] ..< hallOffsets[s + 1]`.
    public let hallOffsets: [Int]
    /// The GPU count every rack shares, when they all do (lets the roll-up skip offset reads).
    public let uniformRackSize: Int?

    /// A layout from offset arrays; each must start at 0, never decrease, and end at the entity
    /// count of the level below.
    public init(gpuOffsets: [Int], rackOffsets: [Int], hallOffsets: [Int]) {
        Self.check(gpuOffsets, name: "gpuOffsets", below: nil)
        Self.check(rackOffsets, name: "rackOffsets", below: gpuOffsets.count - 1)
        Self.check(hallOffsets, name: "hallOffsets", below: rackOffsets.count - 1)
        self.gpuOffsets = gpuOffsets
        self.rackOffsets = rackOffsets
        self.hallOffsets = hallOffsets
        let first = gpuOffsets.count > 1 ? gpuOffsets[1] - gpuOffsets[0] : 0
        var uniform = first > 0
        for r in 0..<(gpuOffsets.count - 1) where gpuOffsets[r + 1] - gpuOffsets[r] != first {
            uniform = false
            break
        }
        uniformRackSize = uniform ? first : nil
    }

    /// A layout from counts: GPUs in each rack, racks in each hall, halls in each site.
    public init(gpusPerRack: [Int], racksPerHall: [Int], hallsPerSite: [Int]) {
        self.init(gpuOffsets: Self.offsets(gpusPerRack), rackOffsets: Self.offsets(racksPerHall),
                  hallOffsets: Self.offsets(hallsPerSite))
    }

    /// A layout from the index ranges a topology keeps per parent: GPUs of each rack, racks of
    /// each hall, halls of each site. The ranges of a level must tile `0..<count` in order.
    public init(rackGPUs: [Range<Int>], hallRacks: [Range<Int>], siteHalls: [Range<Int>]) {
        func offsets(_ ranges: [Range<Int>], _ name: String) -> [Int] {
            var out = [0]
            out.reserveCapacity(ranges.count + 1)
            for r in ranges {
                precondition(r.lowerBound == out[out.count - 1], "\(name) ranges must be contiguous and in order")
                out.append(r.upperBound)
            }
            return out
        }
        self.init(gpuOffsets: offsets(rackGPUs, "rackGPUs"), rackOffsets: offsets(hallRacks, "hallRacks"),
                  hallOffsets: offsets(siteHalls, "siteHalls"))
    }

    /// A regular layout: every site has the same halls, every hall the same racks, every rack the
    /// same GPUs.
    public init(sites: Int, hallsPerSite: Int, racksPerHall: Int, gpusPerRack: Int) {
        let halls = sites * hallsPerSite, racks = halls * racksPerHall
        self.init(gpusPerRack: Array(repeating: gpusPerRack, count: racks),
                  racksPerHall: Array(repeating: racksPerHall, count: halls),
                  hallsPerSite: Array(repeating: hallsPerSite, count: sites))
    }

    public var gpuCount: Int { gpuOffsets.last ?? 0 }
    public var rackCount: Int { gpuOffsets.count - 1 }
    public var hallCount: Int { rackOffsets.count - 1 }
    public var siteCount: Int { hallOffsets.count - 1 }

    /// Running totals of `counts`, starting at 0.
    public static func offsets(_ counts: [Int]) -> [Int] {
        var out = [0]
        out.reserveCapacity(counts.count + 1)
        for c in counts {
            precondition(c >= 0, "negative count in layout")
            out.append(out[out.count - 1] + c)
        }
        return out
    }

    private static func check(_ offsets: [Int], name: String, below: Int?) {
        precondition(offsets.first == 0, "\(name) must start at 0")
        for i in 1..<offsets.count {
            precondition(offsets[i] >= offsets[i - 1], "\(name) decreases at \(i)")
        }
        if let below { precondition(offsets.last == below, "\(name) must end at \(below)") }
    }
}
