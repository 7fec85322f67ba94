import Foundation

/// The partial report a shard writes (`--shard I/N --json PATH`), schema
/// `fleettop.drill-campaign-part/1`: the campaign's spec, which shard, and the shard's runs in plan
/// order with their wall times. `fleettop drill merge` combines the N parts into the report.
public struct CampaignPart: Sendable, Codable, Equatable {
    /// The JSON schema name and version.
    public static let schemaName = "fleettop.drill-campaign-part/1"

    public var schema = CampaignPart.schemaName
    public var campaign: CampaignSpec
    public var shard: CampaignShard
    public var runs: [CampaignRunRecord]

    public init(campaign: CampaignSpec, shard: CampaignShard, runs: [CampaignRunRecord]) {
        self.campaign = campaign
        self.shard = shard
        self.runs = runs.sorted { $0.result.run < $1.result.run }
    }

    /// The part as pretty JSON.
    public var json: String { CampaignJSON.text(self, pretty: true) }

    /// Reads a part file; errors name the file.
    public static func load(path: String) throws(CampaignError) -> CampaignPart {
        guard let data = FileManager.default.contents(atPath: path) else { throw CampaignError("\(path): cannot read the file") }
        guard let part = try? CampaignJSON.decoder.decode(CampaignPart.self, from: data), part.schema == schemaName else {
            throw CampaignError("\(path): not a campaign part (\(schemaName)), as `fleettop drill NAME --shard I/N --json PATH` writes")
        }
        return part
    }
}
