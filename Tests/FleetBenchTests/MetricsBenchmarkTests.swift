import Foundation
import Testing
@testable import FleetBench
import FleetMetrics

/// The benchmark's plumbing on a tiny fleet: engines agree, figures are consistent, JSON keys
/// follow `fleettop.bench/1`. Nothing here looks at how fast anything ran.
@Suite struct MetricsBenchmarkTests {
    static var tiny: MetricsBenchmark.Configuration {
        var c = MetricsBenchmark.Configuration()
        c.gpus = 1000
        c.gpusPerRack = 72
        c.sites = 3
        c.hallsPerSite = 2
        c.repetitions = 1
        c.histogramSamples = 2000
        return c
    }

    @Test func layoutHoldsEveryGPUWithAPartialLastRack() {
        let layout = MetricsBenchmark.layout(Self.tiny)
        #expect(layout.gpuCount == 1000)
        #expect(layout.rackCount == 14)
        #expect(layout.siteCount == 3 && layout.hallCount == 6)
        #expect(layout.uniformRackSize == nil)
    }

    @Test func reportIsConsistentAndEncodesTheSchemaKeys() throws {
        let report = MetricsBenchmark(configuration: Self.tiny).run()
        #expect(report.aggregate.enginesAgree)
        #expect(report.aggregate.gpus == 1000 && report.aggregate.metrics == 6)
        #expect(report.stream.bytes == 1000 * (6 * 4 + 1))
        #expect(abs(report.aggregate.ratio - report.aggregate.scalarMs / report.aggregate.simdMs) <= 1e-9 * report.aggregate.ratio)
        #expect(report.histogram.samples == 2000)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        func keys(_ name: String) -> Set<String> { Set((json?[name] as? [String: Any] ?? [:]).keys) }
        #expect(keys("aggregate").isSuperset(of: [
            "gpus", "metrics", "simd_ms", "scalar_ms", "ratio", "simd_gbps", "fraction_of_stream"]))
        #expect(keys("stream") == ["bytes", "read_gbps"])
        #expect(keys("histogram") == ["samples", "record_ns", "merge_us", "quantile_us"])
        #expect(report.tableLines.count == 4)
    }
}
