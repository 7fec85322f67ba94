import ArgumentParser
import FleetDashboard
import FleetBench
import FleetMetrics
import FleetSim
import Foundation

/// `fleettop bench`: the performance figures of this machine — aggregator, histograms, simulation,
/// rendering and memory. Meant for release builds (`swift run -c release fleettop bench`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the aggregator, histograms, simulation, rendering and memory (release build).",
        discussion: "Runs in under a minute by default; --quick for a glance. Figures vary with the machine's load: run twice."
    )

    @Option(help: "GPUs in the aggregator roll-up.")
    var gpus: Int?

    @Option(help: ArgumentHelp("Fleet simulated for the sim, render and memory figures.", valueName: "name|path"))
    var fleet = "hyperscale"

    @Option(help: "Simulated seconds to run for the sim figure.")
    var seconds: Double?

    @Flag(help: "Smaller sizes, fewer repetitions.")
    var quick = false

    @Flag(help: "Print JSON (schema fleettop.bench/1) instead of a table.")
    var json = false

    /// The largest `--gpus`: the aggregator's columns for this many GPUs fit in a few GB.
    static let maxGPUs = 16_777_216
    /// The longest `--seconds`: a simulated day.
    static let maxSeconds = 86_400.0

    func run() throws {
        try CommandErrors.reporting("fleettop bench") {
            let spec = try FleetSource.resolve(fleet)
            var config = quick ? MetricsBenchmark.Configuration.quick : MetricsBenchmark.Configuration()
            if let gpus {
                guard (1...Self.maxGPUs).contains(gpus) else {
                    throw UserFailure(message: "fleettop bench: --gpus must be from 1 to \(Self.maxGPUs), got \(gpus)")
                }
                config.gpus = gpus
            }
            if let seconds, !(seconds > 0 && seconds <= Self.maxSeconds) {
                throw UserFailure(message: "fleettop bench: --seconds must be above 0 and at most \(Int(Self.maxSeconds)), got \(seconds)")
            }
            progress("aggregator and histograms…")
            let metrics = MetricsBenchmark(configuration: config).run()

            progress("building fleet '\(spec.name)'…")
            let rssBefore = ResidentMemory.bytes()
            let engine = try FleetEngine(spec: spec, seed: 7)
            let simSeconds = seconds ?? (quick ? 10 : 60)
            progress("simulating \(Int(simSeconds)) s…")
            var sim = SimBench.measure(engine: engine, fleetName: spec.name, seconds: simSeconds)
            let rssAfter = ResidentMemory.bytes()
            if spec.serving.sampledReplicasPerHall > 0 {
                var every = spec
                every.serving.sampledReplicasPerHall = 0
                let everySeconds = max(1, (simSeconds / 4).rounded())
                progress("simulating \(Int(everySeconds)) s with every replica…")
                sim.realtimeFactorEveryReplica = SimBench.realtimeFactor(engine: try FleetEngine(spec: every, seed: 7),
                                                                         seconds: everySeconds)
            }

            progress("rendering…")
            let render = RenderBench.measure(snapshot: engine.snapshot(), columns: 200, rows: 60, frames: quick ? 50 : 300)
            let gpuCount = max(1, engine.topology.gpuCount)
            let memory = BenchReport.Memory(rssBytes: rssAfter, bytesPerGPU: Double(max(0, rssAfter - rssBefore)) / Double(gpuCount))
            var report = BenchReport(metrics: metrics, sim: sim, render: render, memory: memory)
            progress("scraping /metrics…")
            report.scrape = try [FleetSpec.demo, spec].map { try ScrapeBench.scrape(spec: $0, repetitions: quick ? 3 : 10) }
            progress("simulating with and without a scraper…")
            report.scrapeLoad = try ScrapeBench.load(spec: spec, seconds: quick ? 5 : 15)
            print(json ? report.json : report.table)
        }
    }

    private func progress(_ s: String) {
        if isatty(STDERR_FILENO) != 0 { Stderr.print("bench: " + s) }
    }
}
