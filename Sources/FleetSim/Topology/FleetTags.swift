/// The fleet's tags, each resolved to the racks it covers: a site tag covers every rack of the site,
/// a hall tag every rack of the hall, a rack tag its racks. A name used in several places covers the
/// union (one PDU feeding racks of two halls).
public struct FleetTags: Sendable {
    /// Every tag name, sorted.
    public let names: [String]
    /// Per name (same order): dense rack ids covered, ascending.
    private let covered: [[Int]]

    /// Collects the spec's tags; `hallRacks` are the dense rack ranges of its halls in topology order.
    init(spec: FleetSpec, hallRacks: [Range<Int>]) {
        var racks: [String: Set<Int>] = [:]
        var h = 0
        for site in spec.sites {
            let siteRacks = hallRacks[h..<(h + site.halls.count)].flatMap { Array($0) }
            for tag in site.tags { racks[tag, default: []].formUnion(siteRacks) }
            for hall in site.halls {
                let range = hallRacks[h]
                for tag in hall.tags { racks[tag, default: []].formUnion(range) }
                for rt in hall.rackTags {
                    racks[rt.name, default: []].formUnion(rt.racks.map { range.lowerBound + $0 - 1 })
                }
                h += 1
            }
        }
        names = racks.keys.sorted()
        covered = names.map { racks[$0, default: []].sorted() }
    }

    /// The racks `name` covers, or nil when the fleet has no such tag.
    public func racks(of name: String) -> [Int]? {
        names.firstIndex(of: name).map { covered[$0] }
    }
}
