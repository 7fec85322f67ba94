import FleetBench
import FleetMetrics
import Foundation

/// The whole `fleettop bench` result, schema `fleettop.bench/1`.
struct BenchReport: Encodable {
    struct Sim: Encodable {
        var fleet: String
        var gpus: Int
        var simSeconds: Double
        var wallSeconds: Double
        /// CPU time of the simulating thread: robust to other load on the machine.
        var cpuSeconds: Double
        var realtimeFactor: Double
        /// Simulated seconds per CPU second of the simulating thread.
        var realtimeFactorCPU: Double
        var nsPerGPUSimSecond: Double
        /// Share of the run's wall time spent building whole snapshots at the live refresh cadence.
        var snapshotShare: Double
        /// Share of the run's wall time spent in the snapshots' GPU roll-up (part of `snapshotShare`).
        var rollupShare: Double
        /// Mean milliseconds per snapshot, and per snapshot's GPU roll-up.
        var snapshotMs: Double
        var rollupMs: Double
        var replicas: Int
        /// Replica slots simulated request by request (fewer than `replicas` when halls are sampled).
        var simulatedReplicas: Int
        var sampledReplicasPerHall: Int
        /// Requests completed per simulated second (weighted), and held at the end of the run.
        var requestsPerSimSecond: Double
        var requestsInFlight: Int
        /// Wall real-time factor with every replica simulated (only when the fleet samples its halls).
        var realtimeFactorEveryReplica: Double?
        enum CodingKeys: String, CodingKey {
            case fleet, gpus, simSeconds = "sim_seconds", wallSeconds = "wall_seconds", cpuSeconds = "cpu_seconds",
                 realtimeFactorCPU = "realtime_factor_cpu",
                 realtimeFactor = "realtime_factor", nsPerGPUSimSecond = "ns_per_gpu_sim_second",
                 snapshotShare = "snapshot_share", rollupShare = "rollup_share", snapshotMs = "snapshot_ms",
                 rollupMs = "rollup_ms", replicas, simulatedReplicas = "simulated_replicas",
                 sampledReplicasPerHall = "sampled_replicas_per_hall", requestsPerSimSecond = "requests_per_sim_s",
                 requestsInFlight = "requests_in_flight", realtimeFactorEveryReplica = "realtime_factor_every_replica"
        }
    }

    struct Render: Encodable {
        var cols: Int
        var rows: Int
        var usPerFrameP50: Double
        var usPerFrameP99: Double
        enum CodingKeys: String, CodingKey {
            case cols, rows, usPerFrameP50 = "us_per_frame_p50", usPerFrameP99 = "us_per_frame_p99"
        }
    }

    struct Memory: Encodable {
        var rssBytes: Int
        var bytesPerGPU: Double
        enum CodingKeys: String, CodingKey { case rssBytes = "rss_bytes", bytesPerGPU = "bytes_per_gpu" }
    }

    let schema = "fleettop.bench/1"
    /// One scrape of /metrics per fleet, and the simulation's speed while scraped.
    var scrape: [ScrapeBench.Scrape] = []
    var scrapeLoad: ScrapeBench.Load?
    var metrics: MetricsBenchReport
    var sim: Sim
    var render: Render
    var memory: Memory

    enum CodingKeys: String, CodingKey { case schema, stream, aggregate, histogram, sim, render, memory, scrape, scrapeLoad = "scrape_load" }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(metrics.stream, forKey: .stream)
        try c.encode(metrics.aggregate, forKey: .aggregate)
        try c.encode(metrics.histogram, forKey: .histogram)
        try c.encode(sim, forKey: .sim)
        try c.encode(render, forKey: .render)
        try c.encode(memory, forKey: .memory)
        try c.encode(scrape, forKey: .scrape)
        try c.encodeIfPresent(scrapeLoad, forKey: .scrapeLoad)
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }

    var table: String {
        func f(_ x: Double, _ d: Int) -> String { String(format: "%.\(d)f", x) }
        var lines = metrics.tableLines
        lines.append("sim        \(sim.fleet), \(sim.gpus) GPUs: \(f(sim.simSeconds, 0)) sim s in \(f(sim.wallSeconds, 2)) wall s = "
            + "×\(f(sim.realtimeFactor, 1)) real time (×\(f(sim.realtimeFactorCPU, 1)) per CPU second), \(f(sim.nsPerGPUSimSecond, 1)) ns per GPU-sim-second, "
            + "snapshots \(f(sim.snapshotShare * 100, 1))% of wall (\(f(sim.snapshotMs, 2)) ms each), "
            + "of which GPU roll-up \(f(sim.rollupShare * 100, 1))% (\(f(sim.rollupMs, 2)) ms each)")
        let sampled = sim.sampledReplicasPerHall > 0
            ? "\(sim.simulatedReplicas) of \(sim.replicas) replicas simulated request by request (\(sim.sampledReplicasPerHall) per hall)"
            : "every one of \(sim.replicas) replicas simulated request by request"
        lines.append("           \(sampled); \(f(sim.requestsPerSimSecond, 0)) requests per sim s, \(sim.requestsInFlight) held at the end"
            + (sim.realtimeFactorEveryReplica.map { "; every replica simulated: ×\(f($0, 1)) real time" } ?? ""))
        lines.append("render     \(render.cols)×\(render.rows) all panels: p50 \(f(render.usPerFrameP50, 0)) µs, p99 \(f(render.usPerFrameP99, 0)) µs per frame")
        lines.append("memory     RSS \(memory.rssBytes / 1_048_576) MiB, \(f(memory.bytesPerGPU, 0)) bytes per GPU (fleet state)")
        lines += ScrapeBench.lines(scrape, scrapeLoad)
        return lines.joined(separator: "\n")
    }
}
