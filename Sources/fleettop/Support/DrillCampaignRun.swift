import FleetSim
import Foundation
import Synchronization

/// `fleettop drill NAME --seeds … [--vary …] [--jobs N] [--shard I/N]`: plans the campaign, resumes
/// its journal, runs what is left side by side, and writes the report (or a shard's part).
struct DrillCampaignRun {
    let options: DrillCampaignOptions
    /// `--seed`, which names the one seed of a sweep without `--seeds`.
    let seed: UInt64?
    let json: String?
    let markdown: String?
    let quiet: Bool

    /// The most jobs `--jobs` accepts.
    static let maxJobs = 1024

    func run(references: [String], loaded: [(DrillFile, FleetSpec)]) throws {
        guard loaded.count == 1, let (drill, fleet) = loaded.first, let reference = references.first else {
            throw UserFailure(message: "fleettop drill: a campaign runs one drill; run one campaign per drill (for d in A B; do fleettop drill $d --seeds …; done)")
        }
        if options.seeds != nil, seed != nil { throw UserFailure(message: "fleettop drill: give --seed or --seeds, not both") }
        let seeds = try options.seeds.map(SeedList.init) ?? SeedList(seed: seed ?? drill.seed)
        let axes = try options.vary.map { try VaryAxis($0, drill: drill, fleet: fleet) }
        let breakBelow = try Self.breakBelow(options.breakBelow)
        let jobs = options.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard (1...Self.maxJobs).contains(jobs) else { throw UserFailure(message: "fleettop drill: --jobs \(jobs): expected 1…\(Self.maxJobs)") }
        let shard = try options.shard.map { try CampaignShard($0, environment: ProcessInfo.processInfo.environment) }
        if shard != nil {
            guard json != nil else { throw UserFailure(message: "fleettop drill: a shard writes a partial JSON report: give --json PATH (merge the parts with `fleettop drill merge`)") }
            guard markdown == nil else { throw UserFailure(message: "fleettop drill: a shard writes only its partial JSON report; `fleettop drill merge PARTS --markdown PATH` writes the Markdown") }
        }
        let plan = try CampaignPlan(reference: reference, drill: drill, fleet: fleet, seeds: seeds, axes: axes, breakBelow: breakBelow)
        try plan.validate()
        let mine = plan.runs(in: shard)

        let journalPath = (json ?? markdown).map { $0 + ".journal" }
        var journal: CampaignJournal?
        var done: [CampaignRunRecord] = []
        if let journalPath {
            (journal, done) = try CampaignJournal.open(path: journalPath, plan: plan, shard: shard)
            if !done.isEmpty, !quiet { Stderr.print("resuming: \(done.count) of \(mine.count) runs already done (journal \(journalPath))") }
        }
        let finished = Set(done.map(\.result.run))
        let remaining = mine.filter { !finished.contains($0) }
        let progress = quiet ? nil : CampaignProgress(plan: plan, total: mine.count, alreadyDone: done.count, jobs: min(jobs, max(1, remaining.count)),
                                                       terminal: isatty(STDERR_FILENO) != 0)
        let sink = JournalSink(journal: journal)
        progress?.begin()
        let start = ContinuousClock.now
        let fresh = try CampaignExecutor(plan: plan, jobs: jobs).run(remaining) { record, count in
            sink.append(record)
            progress?.finished(record, count: count)
        }
        progress?.end()
        if let failure = sink.failure { Stderr.print("warning: \(failure): an interruption would have redone the runs since") }
        let wall = ContinuousClock.now - start
        let records = (done + fresh.values).sorted { $0.result.run < $1.result.run }
        let used = min(jobs, max(1, remaining.count))
        let timing = "\(remaining.count) run\(remaining.count == 1 ? "" : "s") in \(ClockText.elapsed(Double(wall.components.seconds))) wall time on \(used) job\(used == 1 ? "" : "s")"
            + (done.isEmpty ? "" : " (\(done.count) more from the journal)")

        if let shard, let json {
            let part = CampaignPart(campaign: plan.spec, shard: shard, runs: records)
            try Self.write(part.json, to: json)
            let passed = records.filter { $0.result.verdict == .passed }.count
            print("shard \(shard.text) of \(plan.spec.drillName): \(records.count) of \(plan.count) runs, \(passed) passed; \(timing)")
            print("part written to \(json); when every shard is done: fleettop drill merge PARTS... --json report.json --markdown report.md")
        } else {
            let report = CampaignReport(spec: plan.spec, runs: records.map(\.result))
            print(CampaignReportWriter.text(report))
            if let json { try Self.write(CampaignReportWriter.json(report), to: json) }
            if let markdown { try Self.write(CampaignReportWriter.markdown(report), to: markdown) }
            print(CampaignReportWriter.slowest(records, report: report), terminator: "")
            print(timing)
        }
        journal?.remove()
    }

    /// `--break-below` as a share in (0, 1].
    static func breakBelow(_ text: String?) throws -> Double {
        guard let text else { return 0.5 }
        guard let share = QuantityText.parseShare(text[...]), share > 0, share <= 1 else {
            throw UserFailure(message: "fleettop drill: --break-below '\(TextSanitizer.clean(text))': expected a share above 0% and at most 100%, such as 50% or 0.9")
        }
        return share
    }

    /// Writes a report whole or not at all.
    static func write(_ text: String, to path: String) throws {
        do {
            try DrillReportWriter.writeAtomically(text, to: path)
        } catch {
            throw UserFailure(message: "fleettop drill: the report is not saved: \(error)", status: 1)
        }
    }
}

/// Appends finished runs to the journal from the executor's callback (one call at a time), keeping
/// the first failure to report once the runs are done.
final class JournalSink: Sendable {
    private let journal: CampaignJournal?
    /// The first append that failed; after it nothing more is appended.
    private let firstFailure = Mutex<CampaignError?>(nil)

    init(journal: CampaignJournal?) { self.journal = journal }

    /// The first append that failed, if any.
    var failure: CampaignError? { firstFailure.withLock { $0 } }

    func append(_ record: CampaignRunRecord) {
        firstFailure.withLock { failure in
            guard failure == nil, let journal else { return }
            do throws(CampaignError) { try journal.append(record) } catch { failure = error }
        }
    }
}
