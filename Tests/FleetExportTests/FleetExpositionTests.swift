@testable import FleetExport
import FleetSim
import Testing

@Suite struct FleetExpositionTests {
    /// The tiny fleet after a simulated minute, with export columns.
    static func snapshot(gpuLimit: Int = ExportColumns.defaultGPULimit) throws -> Snapshot {
        let engine = try FleetEngine(spec: .tiny, seed: 7)
        engine.advance(seconds: 60)
        var s = engine.currentSnapshot()
        s.export = engine.exportColumns(gpuLimit: gpuLimit)
        return s
    }

    static func text(_ s: Snapshot, _ format: ExpositionFormat = .prometheus) -> String {
        String(decoding: ExpositionText.render(FleetExposition.metricSet(s), format: format), as: UTF8.self)
    }

    @Test func gpuSeriesUnderTheLimitCarryDCGMLabels() throws {
        let s = try Self.snapshot()
        let set = FleetExposition.metricSet(s)
        let temp = try #require(set.families.first { $0.name == "DCGM_FI_DEV_GPU_TEMP" })
        #expect(temp.series.count == s.totals.gpus)
        #expect(temp.series[0].labels == "{gpu=\"0\",modelName=\"NVIDIA H100\",Hostname=\"near-h1-r01-s1\",site=\"near\",hall=\"h1\",rack=\"r01\"}")
        #expect(temp.series[8].labels.hasPrefix("{gpu=\"0\",modelName=\"NVIDIA H100\",Hostname=\"near-h1-r01-s2\""))
        for name in ["DCGM_FI_DEV_POWER_USAGE", "DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_SM_CLOCK", "DCGM_FI_DEV_FB_USED"] {
            #expect(set.families.first { $0.name == name }?.series.count == s.totals.gpus, "\(name)")
        }
        #expect(!set.families.contains { $0.name.hasPrefix("fleettop_rack_") })
        let running = try #require(set.families.first { $0.name == "vllm:num_requests_running" })
        #expect(running.series.first?.labels == "{model_name=\"fleettop\",engine=\"0\",site=\"near\",hall=\"h1\",rack=\"r01\"}")
    }

    @Test func overTheLimitRacksStandInForGPUs() throws {
        let s = try Self.snapshot(gpuLimit: 10)
        let set = FleetExposition.metricSet(s)
        #expect(!set.families.contains { $0.name.hasPrefix("DCGM_") || $0.name == "vllm:num_requests_running" })
        let racks = try #require(set.families.first { $0.name == "fleettop_rack_gpu_temp_max_celsius" })
        #expect(racks.series.count == s.totals.racks)
        #expect(racks.series[0].labels == "{site=\"near\",hall=\"h1\",rack=\"r01\"}")
    }

    @Test func histogramsAreCumulativeWithInfEqualToCount() throws {
        let s = try Self.snapshot()
        let set = FleetExposition.metricSet(s)
        var v = 0
        for f in set.families {
            defer { v += f.series.count }
            guard f.kind == .histogram else { continue }
            #expect(f.unit == "seconds")
            var previous = 0.0
            for (j, series) in f.series.enumerated() {
                let value = set.values[v + j]
                if series.suffix == "_bucket" {
                    #expect(value >= previous, "\(f.name)\(series.labels)")
                    previous = value
                    if series.labels.contains("le=\"+Inf\"") { #expect(set.values[v + j + 2] == value) }
                } else if series.suffix == "_count" {
                    previous = 0
                }
            }
        }
        let chat = s.export!.counters.ttft[RequestClass.chat.rawValue]
        #expect(chat.count > 0, "a simulated minute completes chat requests")
        #expect(s.export!.counters.generationTokens[RequestClass.chat.rawValue] > 0)
    }

    @Test func valuesOnlyMatchTheLayout() throws {
        let s = try Self.snapshot()
        let set = FleetExposition.metricSet(s)
        #expect(FleetExposition.values(s) == set.values)
        #expect(set.seriesCount == set.families.reduce(0) { $0 + $1.series.count })
    }

    @Test(.enabled(if: PromtoolSupport.available, Comment(rawValue: PromtoolSupport.missing)))
    func promtoolCheckMetricsFindsOnlyUpstreamNamingLints() throws {
        let body = ExpositionText.render(FleetExposition.metricSet(try Self.snapshot()), format: .prometheus)
        let (_, output) = try PromtoolSupport.run(["check", "metrics"], input: body)
        // DCGM's camelCase labels and vLLM's colons are the upstream names, linted but valid; nothing else may appear.
        let other = output.split(separator: "\n").filter {
            !$0.hasSuffix("label names should be written in 'snake_case' not 'camelCase'")
                && !$0.hasSuffix("metric names should not contain ':'")
        }
        #expect(other.isEmpty, "\(other.prefix(5))")
        #expect(output.contains("camelCase"), "promtool linted the body (it read it)")
    }
}
