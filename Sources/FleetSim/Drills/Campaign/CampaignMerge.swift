/// Combines the parts of a sharded campaign into the runs of the whole: the parts must be of the
/// same campaign, one per shard 1…N, each holding exactly its shard's runs. The report built from
/// the result is byte for byte the one a single run of the campaign writes.
public enum CampaignMerge {
    /// The campaign and every run, in plan order, from parts given with their paths.
    public static func merge(_ parts: [(path: String, part: CampaignPart)]) throws(CampaignError) -> (spec: CampaignSpec, records: [CampaignRunRecord]) {
        guard let (firstPath, first) = parts.first else { throw CampaignError("drill merge: name the part files to merge") }
        let count = first.shard.count
        var byShard: [Int: String] = [:]
        var records: [CampaignRunRecord] = []
        for (path, part) in parts {
            if let difference = part.campaign.firstDifference(from: first.campaign) {
                throw CampaignError("drill merge: \(path) is of another campaign than \(firstPath) (\(difference))")
            }
            guard part.shard.count == count else {
                throw CampaignError("drill merge: \(path) is shard \(part.shard.text), \(firstPath) is of \(count) shards")
            }
            if let other = byShard[part.shard.index] {
                throw CampaignError("drill merge: \(path) and \(other) are both shard \(part.shard.text)")
            }
            byShard[part.shard.index] = path
            let expected = Array(stride(from: part.shard.index - 1, to: first.campaign.runs, by: count))
            guard part.runs.map(\.result.run) == expected else {
                throw CampaignError("drill merge: \(path) holds \(part.runs.count) of shard \(part.shard.text)'s \(expected.count) runs, or runs of other shards")
            }
            records += part.runs
        }
        let missing = (1...count).filter { byShard[$0] == nil }
        guard missing.isEmpty else {
            let shown = missing.prefix(10).map { "\($0)/\(count)" }.joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
            throw CampaignError("drill merge: \(missing.count) of \(count) shards missing: \(shown)")
        }
        return (first.campaign, records.sorted { $0.result.run < $1.result.run })
    }
}
