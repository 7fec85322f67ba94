import ArgumentParser
import FleetSim
import Foundation

/// `fleettop validate DIR`: fleettop side by side with a published simulator on the same work.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Run reference fleets to completion and compare their latencies with a published simulator's.",
        discussion: """
        DIR holds fleet files NAME.yaml set up as the reference run was, each beside reference-NAME.json
        (whole-run p50/p90/p95/p99 of TTFT, TPOT and E2E). Prints ours / reference per percentile; a
        figure off by more than 15% at p50/p90 or 25% at p95/p99 is marked ✘ and the exit status is 1.
          fleettop validate Tests/Validation/splitwise-conv
        """
    )

    @Argument(help: ArgumentHelp("Folder of NAME.yaml and reference-NAME.json pairs.", valueName: "dir"))
    var directory = "Tests/Validation/splitwise-conv"

    @Option(help: "Random seed.")
    var seed: UInt64 = 0

    func run() throws {
        var failed = false
        try CommandErrors.reporting("fleettop validate") {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            let fleets = names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("reference-") }.sorted()
            guard !fleets.isEmpty else {
                throw UserFailure(message: "fleettop validate: no NAME.yaml with reference-NAME.json in '\(directory)'")
            }
            for file in fleets {
                let base = (file as NSString).deletingPathExtension
                let dir = directory as NSString
                let result: ReferenceComparison
                do {
                    result = try ReferenceComparison.run(fleetFile: dir.appendingPathComponent(file),
                                                         referenceFile: dir.appendingPathComponent("reference-\(base).json"),
                                                         seed: seed)
                } catch let error as Diagnostic {
                    throw UserFailure(message: "fleettop validate: \(error)")
                }
                print(result.table)
                print("")
                if !result.passed { failed = true }
            }
        }
        if failed { throw ExitCode(1) }
    }
}
