import Foundation

/// One of N disjoint slices of a campaign (`--shard I/N`, I counting from 1): run `r` belongs to
/// shard `r mod N + 1`, so every shard gets a share of every sweep value and seed range.
///
/// `--shard env` reads the slice from the environment a batch system sets, in this order:
/// - `FLEETTOP_SHARD_INDEX` (1…N) and `FLEETTOP_SHARD_COUNT`: the pair to set from a CI matrix;
/// - Slurm job arrays: `SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN` + 1 of `SLURM_ARRAY_TASK_COUNT`
///   (an array without a step, such as `--array=0-99`);
/// - Kubernetes Indexed Jobs: `JOB_COMPLETION_INDEX` (0…N−1) + 1 of `FLEETTOP_SHARD_COUNT` (set it to
///   the Job's `completions`; Kubernetes does not pass the count);
/// - GitLab `parallel:`: `CI_NODE_INDEX` (1…N) of `CI_NODE_TOTAL`.
public struct CampaignShard: Sendable, Equatable, Codable {
    /// 1…count.
    public var index: Int
    public var count: Int

    /// The most shards a campaign may be cut into.
    public static let maxCount = 1_000_000

    public init(index: Int, count: Int) throws(CampaignError) {
        guard count >= 1, count <= Self.maxCount else { throw CampaignError("--shard: the count must be 1 to \(Self.maxCount), not \(count)") }
        guard index >= 1, index <= count else {
            throw CampaignError("--shard: the index must be 1 to \(count), not \(index) (shards count from 1)")
        }
        self.index = index; self.count = count
    }

    /// Reads `I/N`, or `env` with the environment given.
    public init(_ argument: String, environment: [String: String]) throws(CampaignError) {
        if argument == "env" {
            self = try Self.fromEnvironment(environment)
            return
        }
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw CampaignError("--shard '\(argument)': write I/N (the I-th of N slices, I from 1), or env", expected: ["1/4", "env"])
        }
        try self.init(index: i, count: n)
    }

    /// The variables `--shard env` reads, for messages and the README.
    public static let environmentNames = ["FLEETTOP_SHARD_INDEX + FLEETTOP_SHARD_COUNT",
                                          "SLURM_ARRAY_TASK_ID + SLURM_ARRAY_TASK_MIN + SLURM_ARRAY_TASK_COUNT",
                                          "JOB_COMPLETION_INDEX + FLEETTOP_SHARD_COUNT", "CI_NODE_INDEX + CI_NODE_TOTAL"]

    static func fromEnvironment(_ env: [String: String]) throws(CampaignError) -> CampaignShard {
        func number(_ name: String) throws(CampaignError) -> Int {
            guard let text = env[name] else { throw CampaignError("--shard env: \(name) is not set") }
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw CampaignError("--shard env: \(name)='\(text)' is not a whole number")
            }
            return n
        }
        func shard(_ index: Int, _ count: Int, from names: String) throws(CampaignError) -> CampaignShard {
            do {
                return try CampaignShard(index: index, count: count)
            } catch {
                throw CampaignError("--shard env (\(names)): slice \(index) of \(count) does not exist; \(error.message)")
            }
        }
        if env["FLEETTOP_SHARD_INDEX"] != nil {
            return try shard(number("FLEETTOP_SHARD_INDEX"), number("FLEETTOP_SHARD_COUNT"), from: "FLEETTOP_SHARD_INDEX/COUNT")
        }
        if env["SLURM_ARRAY_TASK_ID"] != nil {
            let minimum = env["SLURM_ARRAY_TASK_MIN"] == nil ? 0 : try number("SLURM_ARRAY_TASK_MIN")
            return try shard(number("SLURM_ARRAY_TASK_ID") - minimum + 1, number("SLURM_ARRAY_TASK_COUNT"),
                             from: "SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1 of SLURM_ARRAY_TASK_COUNT; use an array without a step")
        }
        if env["JOB_COMPLETION_INDEX"] != nil {
            return try shard(number("JOB_COMPLETION_INDEX") + 1, number("FLEETTOP_SHARD_COUNT"),
                             from: "JOB_COMPLETION_INDEX + 1 of FLEETTOP_SHARD_COUNT")
        }
        if env["CI_NODE_INDEX"] != nil {
            return try shard(number("CI_NODE_INDEX"), number("CI_NODE_TOTAL"), from: "CI_NODE_INDEX of CI_NODE_TOTAL")
        }
        throw CampaignError("--shard env: no shard index in the environment", expected: environmentNames)
    }

    /// True when run `r` (0-based, in plan order) belongs to this shard.
    public func contains(run r: Int) -> Bool { r % count == index - 1 }

    /// "3/10".
    public var text: String { "\(index)/\(count)" }
}
