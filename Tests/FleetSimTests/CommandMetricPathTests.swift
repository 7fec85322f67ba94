import Testing
@testable import FleetSim

@Suite("Metric paths into a snapshot")
struct CommandMetricPathTests {
    let snapshot = DrillTestFixtures.snapshot()

    @Test(arguments: [
        ("chat.ttft.p99", 1.62), ("code.tpot.p95", 0.031), ("agentic.task_e2e.p99", 96.0), ("goodput", 0.972),
        ("gpus_down_ratio", 0.25), ("gpus_down", 50.0), ("fleet.facility_power_kw", 9_800.0),
        ("sites.metro-edge.facility_power_kw", 9_800.0), ("sites.metro-edge.power_headroom_kw", 200.0),
        ("sites.metro-edge.gpus_down_ratio", 0.25), ("sites.regional.rtt_ms", 20.0),
        ("sites.metro-edge.h1.die_c_max", 88.5), ("failures.rack", 2.0),
    ])
    func resolves(path: String, expected: Double) {
        #expect(MetricPath.value(of: path, in: snapshot) == expected)
    }

    @Test func absentThings() {
        #expect(MetricPath.value(of: "sites.nowhere.pue", in: snapshot) == nil)
        #expect(MetricPath.value(of: "sites.regional.h2.die_c_max", in: snapshot) == nil)
        #expect(MetricPath.value(of: "sites.metro-edge.governor_cap_w", in: snapshot) == nil)
        #expect(throws: MetricPathError.self) { try MetricPath("sites.nowhere.pue").validate(against: snapshot) }
    }

    @Test func errorsListChoices() {
        do {
            _ = try MetricPath("chat.ttft.p98")
            Issue.record("accepted a bad path")
        } catch {
            #expect(error.message == "unknown field 'ttft.p98' in 'chat.ttft.p98'")
            #expect(error.expected.contains("chat.ttft.p99"))
        }
        do {
            _ = try MetricPath("latency")
            Issue.record("accepted a bad path")
        } catch {
            #expect(error.description.hasPrefix("unknown metric 'latency' — expected one of goodput, gpus_down, gpus_down_ratio, alerts, slo_breaches, fleet"))
        }
        #expect(throws: MetricPathError.self) { try MetricPath("chat.task_e2e.p99") }
    }

    @Test func listingCoversEveryPathOnce() {
        let all = MetricPath.all(in: snapshot)
        #expect(Set(all).count == all.count)
        #expect(all.contains { $0.text == "sites.regional.h1.inlet_c_max" })
        #expect(!all.contains { $0.text == "sites.regional.h2.inlet_c_max" })
        for path in all where path.text != "sites.metro-edge.governor_cap_w" && path.text != "sites.regional.governor_cap_w" {
            #expect(path.value(in: snapshot) != nil, "\(path.text)")
        }
    }

    @Test(arguments: [
        (MetricUnit.seconds, "2s", 2.0), (.seconds, "500ms", 0.5), (.ratio, "95%", 0.95), (.ratio, "0.9", 0.9),
        (.kilowatts, "10MW", 10_000), (.kilowatts, "800kW", 800), (.celsius, "85°C", 85), (.celsius, "85C", 85),
        (.milliseconds, "20ms", 20), (.usd, "$5", 5), (.count, "12", 12),
    ])
    func thresholds(unit: MetricUnit, text: String, value: Double) {
        #expect(unit.parseThreshold(text) == value)
    }

    @Test func formatting() {
        #expect(MetricUnit.seconds.format(1.62) == "1.62 s")
        #expect(MetricUnit.seconds.format(0.45) == "450 ms")
        #expect(MetricUnit.ratio.format(0.972) == "97.2%")
        #expect(MetricUnit.kilowatts.format(9_800) == "9.8 MW")
        #expect(MetricUnit.kilowatts.format(850) == "850 kW")
        #expect(MetricUnit.count.format(12_345.4) == "12,345")
        #expect(MetricUnit.perSecond.format(12_400) == "12.4k/s")
        #expect(MetricUnit.celsius.format(87.14) == "87.1 °C")
    }

    /// Side-by-side values share the middle value's scale, so one row never mixes seconds and minutes.
    @Test func valuesSideBySideShareOneScale() {
        #expect(MetricUnit.seconds.format(alike: [118, 156, 180]) == ["1.97 min", "2.6 min", "3 min"])
        #expect(MetricUnit.seconds.format(alike: [0.45, 0.47, 1.2]) == ["450 ms", "470 ms", "1200 ms"])
        #expect(MetricUnit.seconds.format(alike: [0.9, 2, nil, .infinity]) == ["0.9 s", "2 s", "–", "–"])
        #expect(MetricUnit.kilowatts.format(alike: [-866, -542, 1500]) == ["-866 kW", "-542 kW", "1500 kW"])
        #expect(MetricUnit.kilowatts.format(alike: [900, 1200, 4000]) == ["0.9 MW", "1.2 MW", "4 MW"])
        #expect(MetricUnit.ratio.format(alike: [0.5, nil]) == ["50%", "–"])
        #expect(MetricUnit.count.format(alike: [nil, nil]) == ["–", "–"])
    }

    @Test func listingShowsUnitsAndMeaning() {
        let text = MetricPath.listing(in: snapshot)
        #expect(text.contains("chat.ttft.p99"))
        #expect(text.split(separator: "\n").count == MetricPath.all(in: snapshot).count)
        let line = text.split(separator: "\n").first { $0.hasPrefix("sites.metro-edge.facility_power_kw ") }
        #expect(line?.contains("kW") == true)
        #expect(line?.hasSuffix("facility power") == true)
    }
}
