import FleetExport
import FleetHTTP
import FleetSim
import Foundation

/// `fleettop bench`'s metrics figures: one scrape's size and render time on a fleet, and the live
/// runner's simulated speed with and without a scraper polling `/metrics` every second.
enum ScrapeBench {
    struct Scrape: Encodable {
        var fleet: String
        var series: Int
        var bytesText: Int
        var bytesOpenMetrics: Int
        /// First scrape of a fleet: labels laid out, then rendered.
        var firstMs: Double
        /// Later scrapes: values read and rendered with the layout reused (median).
        var renderMs: Double
    }

    struct Load: Encodable {
        var fleet: String
        var wallSeconds: Double
        var realtimeFactorIdle: Double
        var realtimeFactorScraped: Double
        var scrapes: Int
        /// Scraped speed over idle speed, minus one.
        var change: Double { realtimeFactorScraped / max(realtimeFactorIdle, 1e-9) - 1 }
    }

    static func scrape(spec: FleetSpec, repetitions: Int) throws -> Scrape {
        let engine = try FleetEngine(spec: spec, seed: 7)
        engine.advance(seconds: 30)
        var s = engine.currentSnapshot()
        s.export = engine.exportColumns(gpuLimit: ExportColumns.defaultGPULimit)
        let clock = ContinuousClock()
        var layout: (key: String, set: MetricSet)?
        let t0 = clock.now
        let first = MetricsEndpoint.metricSet(s, reusing: &layout)
        let text = ExpositionText.render(first, format: .prometheus)
        let firstMs = SimBench.seconds(clock.now - t0) * 1e3
        var times: [Double] = []
        for _ in 0..<max(1, repetitions) {
            let t = clock.now
            let set = MetricsEndpoint.metricSet(s, reusing: &layout)
            _ = ExpositionText.render(set, format: .prometheus)
            times.append(SimBench.seconds(clock.now - t) * 1e3)
        }
        let om = ExpositionText.render(first, format: .openMetrics)
        return Scrape(fleet: spec.name, series: first.seriesCount, bytesText: text.count, bytesOpenMetrics: om.count,
                      firstMs: firstMs, renderMs: times.sorted()[times.count / 2])
    }

    /// One runner at full speed with an endpoint, in alternating 5-second phases: nobody scraping,
    /// then a scraper polling every second; `seconds` of each in all (the alternation spreads the
    /// machine's own load over both).
    static func load(spec: FleetSpec, seconds: Double) throws -> Load {
        let runner = try SimRunner(spec: spec, seed: 7, speed: .max)
        let endpoint = MetricsEndpoint()
        try endpoint.start(address: ListenAddress(host: "127.0.0.1", port: 0))
        endpoint.follow(runner)
        runner.start()
        defer { runner.stop(); endpoint.stop() }
        Thread.sleep(forTimeInterval: 2)
        let phase = 5.0
        var sim = [0.0, 0.0], wall = [0.0, 0.0], scrapes = 0
        for round in 0..<max(2, Int((2 * seconds / phase).rounded())) {
            let scraped = round % 2 == 1
            runner.requestSnapshot()
            Thread.sleep(forTimeInterval: 0.05)
            let startSim = runner.hub.latest?.simTime ?? 0, start = Date()
            while Date().timeIntervalSince(start) < phase {
                let tick = Date()
                if scraped, HTTPGet.get(port: endpoint.port)?.status == 200 { scrapes += 1 }
                Thread.sleep(forTimeInterval: max(0, min(1 - Date().timeIntervalSince(tick), phase - Date().timeIntervalSince(start))))
            }
            runner.requestSnapshot()
            Thread.sleep(forTimeInterval: 0.05)
            let k = scraped ? 1 : 0
            sim[k] += (runner.hub.latest?.simTime ?? 0) - startSim
            wall[k] += Date().timeIntervalSince(start) + 0.05
        }
        return Load(fleet: spec.name, wallSeconds: wall[0] + wall[1], realtimeFactorIdle: sim[0] / max(wall[0], 1e-9),
                    realtimeFactorScraped: sim[1] / max(wall[1], 1e-9), scrapes: scrapes)
    }

    /// The table lines.
    static func lines(_ scrapes: [Scrape], _ load: Load?) -> [String] {
        var out = scrapes.map { s in
            "scrape     \(s.fleet): \(s.series) series, \(kb(s.bytesText)) text / \(kb(s.bytesOpenMetrics)) OpenMetrics, "
                + String(format: "%.1f ms per scrape (first %.1f ms, labels laid out)", s.renderMs, s.firstMs)
        }
        if let l = load {
            out.append("           \(l.fleet) at max speed: " + String(format: "×%.1f real time idle, ×%.1f while scraped every second (%d scrapes), %+.1f%%",
                                                                          l.realtimeFactorIdle, l.realtimeFactorScraped, l.scrapes, l.change * 100))
        }
        return out
    }

    static func kb(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : String(format: "%.0f KB", Double(bytes) / 1024)
    }
}
