import Foundation
import Synchronization

/// The record of a campaign's finished runs, kept next to its report as JSON Lines so an
/// interrupted campaign resumes without redoing them: a header line (schema, spec, shard), then one
/// `CampaignRunRecord` per finished run, appended as each finishes. A last line cut short by the
/// interruption is dropped on resume. The journal is removed once the report is written.
/// Appends are written one at a time, each line whole.
public final class CampaignJournal: Sendable {
    /// The schema of the header line.
    public static let schemaName = "fleettop.drill-campaign-journal/1"

    struct Header: Codable, Equatable {
        var schema: String
        var campaign: CampaignSpec
        var shard: CampaignShard?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(schema, forKey: .schema); try c.encode(campaign, forKey: .campaign); try c.encode(shard, forKey: .shard)
        }
    }

    public let path: String
    private let fd: Int32
    /// Held while a line is written, so lines from concurrent appends never interleave.
    private let writing = Mutex(())

    /// The journal of `plan` (and `shard`) at `path`: the runs it already holds, and the journal open
    /// to append more. A journal of another campaign is refused, naming what differs.
    public static func open(path: String, plan: CampaignPlan, shard: CampaignShard?) throws(CampaignError) -> (CampaignJournal, [CampaignRunRecord]) {
        let header = Header(schema: schemaName, campaign: plan.spec, shard: shard)
        var records: [CampaignRunRecord] = []
        if FileManager.default.fileExists(atPath: path) {
            records = try load(path: path, expecting: header, runs: Set(plan.runs(in: shard)))
        } else {
            do {
                try AtomicFile.write(Data((CampaignJSON.text(header, pretty: false) + "\n").utf8), to: path)
            } catch {
                throw CampaignError("cannot start the journal: \(error)")
            }
        }
        let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw CampaignError("cannot open the journal \(path): \(String(cString: strerror(errno)))") }
        return (CampaignJournal(path: path, fd: fd), records)
    }

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// Appends a finished run (one line, synced).
    public func append(_ record: CampaignRunRecord) throws(CampaignError) {
        let bytes = Array((CampaignJSON.text(record, pretty: false) + "\n").utf8)
        try writing.withLock { _ throws(CampaignError) in
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
                if n > 0 { offset += n } else if n < 0, errno == EINTR { continue } else {
                    throw CampaignError("cannot write the journal \(path): \(String(cString: strerror(n < 0 ? errno : EIO)))")
                }
            }
            fsync(fd)
        }
    }

    /// Removes the journal (the report holds everything now).
    public func remove() { unlink(path) }

    private static func load(path: String, expecting header: Header, runs: Set<Int>) throws(CampaignError) -> [CampaignRunRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CampaignError("cannot read the journal \(path)") }
        let bytes = [UInt8](data)
        let complete = (bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        let lines = bytes[..<complete].split(separator: UInt8(ascii: "\n"))
        let decoder = CampaignJSON.decoder
        guard let first = lines.first, let found = try? decoder.decode(Header.self, from: Data(first)), found.schema == schemaName else {
            throw CampaignError("\(path) is not a campaign journal (\(schemaName)); move it away or delete it")
        }
        if let difference = found.campaign.firstDifference(from: header.campaign) {
            throw CampaignError("the journal \(path) belongs to another campaign (\(difference)); delete it to start afresh, or run that campaign to resume it")
        }
        guard found.shard == header.shard else {
            throw CampaignError("the journal \(path) is of shard \(found.shard?.text ?? "none"), this run is \(header.shard?.text ?? "the whole campaign"); delete it or give that shard")
        }
        var records: [CampaignRunRecord] = []
        var seen = Set<Int>()
        for (i, line) in lines.dropFirst().enumerated() {
            guard let r = try? decoder.decode(CampaignRunRecord.self, from: Data(line)), runs.contains(r.result.run), seen.insert(r.result.run).inserted else {
                throw CampaignError("\(path):\(i + 2): not a finished run of this campaign; the journal is damaged — delete it to start afresh")
            }
            records.append(r)
        }
        if complete < bytes.count, truncate(path, off_t(complete)) != 0 {
            throw CampaignError("cannot drop the cut-off last line of the journal \(path): \(String(cString: strerror(errno)))")
        }
        return records
    }
}
