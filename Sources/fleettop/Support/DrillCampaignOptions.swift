import ArgumentParser
import FleetSim
import Foundation

/// The options of `fleettop drill` that turn one run into a campaign (README, "Drill campaigns"),
/// and `--set`, which fixes a varied path to one value (as a replay of a sweep's run needs).
struct DrillCampaignOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run a campaign: the drill on each seed (1-200, 1,5,9-12); report the pass rate with a 95% interval.", valueName: "list"))
    var seeds: String?

    @Option(help: ArgumentHelp("Sweep a value, crossed with the seeds: PATH=FROM..TO/N or PATH=A,B,C (repeatable). PATH: duration, method[N].magnitude|factor|at|for|ramp|repeat|latency, fleet.SECTION.KEY, fleet.classes.CLASS.FIELD, fleet.sites.SITE.FIELD.", valueName: "path=values"))
    var vary: [String] = []

    @Option(help: ArgumentHelp("Runs side by side (default: the cores).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Run slice I of N (I from 1) and write a partial JSON report (--json) for `fleettop drill merge`; `env` reads the slice from Kubernetes, Slurm or CI variables.", valueName: "I/N|env"))
    var shard: String?

    @Option(help: ArgumentHelp("A sweep's breaking point is the first value whose pass rate falls under this (default 50%).", valueName: "share"))
    var breakBelow: String?

    @Option(help: ArgumentHelp("Set PATH=VALUE in the drill or its fleet before running (repeatable; paths as --vary).", valueName: "path=value"))
    var set: [String] = []

    /// True when the options ask for a campaign rather than one run per drill.
    var isCampaign: Bool { seeds != nil || !vary.isEmpty || shard != nil }

    /// Drills and fleets with every `--set` applied.
    func applySettings(to loaded: [(DrillFile, FleetSpec)]) throws -> [(DrillFile, FleetSpec)] {
        try loaded.map { drill, fleet in try Self.apply(set, to: drill, fleet: fleet) }
    }

    /// One drill and fleet with `PATH=VALUE` settings applied (shared with `fleettop watch --set`).
    static func apply(_ settings: [String], to drill: DrillFile, fleet: FleetSpec) throws -> (DrillFile, FleetSpec) {
        guard !settings.isEmpty else { return (drill, fleet) }
        var parsed: [(VaryPath, Double, String)] = []
        for s in settings {
            let axis = try VaryAxis(s, drill: drill, fleet: fleet)
            guard axis.values.count == 1 else {
                throw CampaignError("--set '\(s)': one value (for several, use --vary)")
            }
            parsed.append((axis.path, axis.values[0], axis.labels[0]))
        }
        let applied = try CampaignPlan.applying(parsed, to: drill, fleet: fleet)
        return (applied.drill, applied.fleet)
    }
}
