/// The seeds of a campaign (`--seeds 1-200`, `--seeds 1,5,9-12`): ranges and single seeds,
/// separated by commas, in the order written, each seed once.
public struct SeedList: Sendable, Equatable {
    /// The seeds in run order.
    public let seeds: [UInt64]
    /// The list as written, without spaces (`1-200`).
    public let text: String

    /// The most seeds one campaign may take.
    public static let maxSeeds = 1_000_000

    /// Reads a seed list; errors name the part that is wrong.
    public init(_ argument: String) throws(CampaignError) {
        let text = argument.filter { $0 != " " }
        let forms = ["1-200", "7", "1,5,9-12"]
        guard !text.isEmpty else { throw CampaignError("--seeds: give seeds", expected: forms) }
        var seeds: [UInt64] = []
        var seen = Set<UInt64>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count), let from = UInt64(ends[0]), let to = UInt64(ends[ends.count - 1]) else {
                throw CampaignError("--seeds '\(argument)': '\(part)' is not a seed or a range of seeds", expected: forms)
            }
            guard from <= to else { throw CampaignError("--seeds '\(argument)': the range '\(part)' runs backwards") }
            guard to - from < UInt64(Self.maxSeeds), seeds.count + Int(to - from) < Self.maxSeeds else {
                throw CampaignError("--seeds '\(argument)': at most \(Self.maxSeeds) seeds")
            }
            for seed in from...to {
                guard seen.insert(seed).inserted else { throw CampaignError("--seeds '\(argument)': seed \(seed) appears twice") }
                seeds.append(seed)
            }
        }
        self.seeds = seeds
        self.text = text
    }

    /// One seed (a sweep without `--seeds` runs on the drill's own seed).
    public init(seed: UInt64) {
        seeds = [seed]
        text = String(seed)
    }
}
