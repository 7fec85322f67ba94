import Foundation
import Testing
@testable import FleetSim

/// Issue 13: every number that enters through the command language or a fleet file has a range,
/// and values outside it are refused with the place they came from — never a trap or a hang.
@Suite("Input limits")
struct InputLimitTests {
    @Test(arguments: [
        "surge chat factor=1e18", "surge chat factor=1e300", "surge agentic factor=1e13", "surge all factor=0",
        "fault straggler site=metro-edge hall=1 rack=1 magnitude=1e18",
        "fault network site=metro-edge latency=1e300", "fault network site=metro-edge latency=2h",
        "fault gpu site=metro-edge for=1e30", "fault gpu site=metro-edge repeat=1e12",
        "surge chat factor=3 ramp=1e300", "speed 1e308", "speed 1001",
    ])
    func commandOutOfRangeIsRefused(_ text: String) {
        #expect(throws: Diagnostic.self) { try CommandParser.parse(text) }
    }

    @Test(arguments: [
        "surge chat factor=1000", "fault straggler site=metro-edge hall=1 rack=1 magnitude=1000",
        "fault network site=metro-edge latency=1h", "fault gpu site=metro-edge for=30d", "speed 1000",
    ])
    func commandAtItsLimitIsAccepted(_ text: String) throws {
        _ = try CommandParser.parse(text)
    }

    @Test func durationsAreCappedAtThirtyDays() {
        #expect(QuantityText.parseDuration("30d") == QuantityText.maxDurationSeconds)
        #expect(QuantityText.parseDuration("1e17") == nil)
        #expect(QuantityText.parseDuration("31d") == nil)
        #expect(QuantityText.formatDuration(QuantityText.maxDurationSeconds) == "30d")
    }

    @Test(arguments: [
        ("agentic:\n  calls_median: 0", 3, "agentic.calls_median"),
        ("agentic:\n  calls_p90: -1", 3, "agentic.calls_p90"),
        ("agentic:\n  calls_cap: 9223372036854775807", 3, "agentic.calls_cap"),
        ("agentic:\n  tool_timeout_s: -1", 3, "agentic.tool_timeout_s"),
        ("agentic:\n  probe_share: 1e300", 3, "agentic.probe_share"),
        ("serving:\n  max_batch: 1e300", 3, "serving.max_batch"),
        ("serving:\n  prefill_chunk_tokens: 0", 3, "serving.prefill_chunk_tokens"),
        ("serving:\n  mixed_step_factor: -1", 3, "serving.mixed_step_factor"),
        ("serving:\n  max_waiting_per_replica: -1", 3, "serving.max_waiting_per_replica"),
        ("serving:\n  retry_timeout_s: 1e300", 3, "serving.retry_timeout_s"),
        ("power:\n  governor_margin: 1e300", 3, "power.governor_margin"),
        ("power:\n  gpu_hour_usd: -1", 3, "power.gpu_hour_usd"),
        ("thermal:\n  design_rise_k: -1", 3, "thermal.design_rise_k"),
        ("classes:\n  chat:\n    rate_rps: 1e300", 4, "classes.chat.rate_rps"),
        ("classes:\n  chat:\n    output_tokens: 1e300", 4, "classes.chat.output_tokens"),
        ("sites:\n  - name: metro-edge\n    rtt_ms: 1e300", 4, "sites[0].rtt_ms"),
        ("sites:\n  - name: x\n    grid_limit_kw: 100\n    halls:\n      - racks: 9223372036854775807", 6, "sites[0].halls[0].racks"),
        ("sites:\n  - name: x\n    grid_limit_kw: 100\n    halls:\n      - servers_per_rack: 9223372036854775807", 6, "sites[0].halls[0].servers_per_rack"),
        ("sites:\n  - name: x\n    grid_limit_kw: 100\n    halls:\n      - racks: 1000000000", 6, "sites[0].halls[0].racks"),
        ("sites:\n  - name: x\n    grid_limit_kw: 100\n    halls:\n      - {racks: 100000, count: 100}", 1, "sites"),
    ])
    func fleetKnobOutOfRangeNamesLineAndField(_ body: String, _ line: Int, _ field: String) {
        do {
            _ = try FleetFile.parse("preset: tiny\n" + body, file: "bad.yaml")
            Issue.record("accepted \(body)")
        } catch let error as Diagnostic {
            #expect(error.line == line && error.field == field, "\(error)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test(arguments: FleetSpec.presetNames)
    func everyPresetKnobLiesInItsRange(_ name: String) throws {
        let spec = try #require(FleetSpec.preset(named: name))
        for (section, knobs) in FleetKnobTable.numbers {
            for (key, path) in knobs {
                let range = FleetKnobTable.ranges["\(section).\(key)"] ?? FleetKnobTable.defaultRange
                #expect(range.contains(spec[keyPath: path]), "\(name): \(section).\(key) = \(spec[keyPath: path])")
            }
        }
        for (section, knobs) in FleetKnobTable.integers {
            for (key, path) in knobs {
                let range = FleetKnobTable.ranges["\(section).\(key)"] ?? FleetKnobTable.defaultRange
                #expect(range.contains(Double(spec[keyPath: path])), "\(name): \(section).\(key)")
            }
        }
        #expect(spec.gpuCount <= FleetKnobTable.maxGPUs)
    }

    @Test func nestedAliasBombIsRefusedQuickly() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let start = Date()
        #expect(throws: Diagnostic.self) { try FleetFile.parse("preset: tiny\n" + text, file: "bomb.yaml") }
        #expect(throws: ConfigNode.ParseError.self) { try ConfigNode.parse(text) }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func drillDurationBeyondTheLimitIsRefused() {
        #expect(throws: Diagnostic.self) { try DrillFile.parse(yaml: "name: x\nfleet: tiny\nduration: 1e12\n", file: "d.yaml") }
        #expect(throws: Diagnostic.self) { try DrillFile.parse(yaml: "name: x\nfleet: tiny\nduration: 1e30\n", file: "d.yaml") }
    }

    @Test func stackedSurgesStayWithinTheLimit() throws {
        let engine = try SimTestSupport.engine(warm: 1)
        for _ in 0..<3 { engine.apply(try SimTestSupport.fleetCommand("surge chat factor=1000")) }
        engine.advance(seconds: 2)
        #expect(engine.demand.surge[RequestClass.chat.rawValue] <= CommandLimits.maxSurgeFactor)
    }
}
