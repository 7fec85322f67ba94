import FleetSim
import Foundation

/// `fleettop drill merge PARTS... [--json PATH] [--markdown PATH]`: combines the partial reports of a
/// sharded campaign into the report a single run would have written, byte for byte. (Read by
/// `fleettop drill` itself: its positional drill names leave no room for a subcommand parser.)
struct DrillMerge {
    let parts: [String]
    let json: String?
    let markdown: String?

    func run() throws {
        guard !parts.isEmpty else {
            throw UserFailure(message: "fleettop drill merge: name the part files (fleettop drill NAME --shard I/N --json PART writes them)")
        }
        let loaded = try parts.map { path in (path: path, part: try CampaignPart.load(path: path)) }
        let (spec, records) = try CampaignMerge.merge(loaded)
        let report = CampaignReport(spec: spec, runs: records.map(\.result))
        print(CampaignReportWriter.text(report))
        if let json { try DrillCampaignRun.write(CampaignReportWriter.json(report), to: json) }
        if let markdown { try DrillCampaignRun.write(CampaignReportWriter.markdown(report), to: markdown) }
        print(CampaignReportWriter.slowest(records, report: report), terminator: "")
        let total = records.reduce(0) { $0 + $1.wallS }
        print("\(records.count) runs from \(parts.count) parts, \(ClockText.elapsed(total)) of run time in all")
    }
}
