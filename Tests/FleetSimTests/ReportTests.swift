import Foundation
import Testing
@testable import FleetSim

/// The JSON and text interfaces of a snapshot, and the bounded, merged event list.
@Suite struct ReportTests {
    @Test func jsonHasTheDocumentedSchemaAndKeys() throws {
        let e = try SimTestSupport.engine(warm: 30)
        e.apply(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "near", hall: 1), magnitude: 0.6, durationSeconds: 600)))
        e.advance(seconds: 5)
        let text = SnapshotReport.json(e.snapshot())
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(obj["schema"] as? String == "fleettop.snapshot/1")
        #expect(obj["sim_time_s"] as? Double == 35)
        let fleet = try #require(obj["fleet"] as? [String: Any])
        for k in ["name", "sites", "halls", "racks", "gpus", "gpus_up", "gpus_thermal_throttled", "it_power_kw", "facility_power_kw",
                  "energy_kwh", "cost_usd", "usd_per_million_tokens"] { #expect(fleet[k] != nil, "fleet.\(k)") }
        let sites = try #require(obj["sites"] as? [[String: Any]])
        #expect(sites.count == 2)
        for k in ["name", "rtt_ms", "gpus", "gpus_up", "gpus_thermal_throttled", "it_power_kw", "facility_power_kw", "grid_limit_kw",
                  "pue", "inlet_c_max", "die_c_max", "inlet_c_max_reported", "die_c_max_reported", "utilization",
                  "queue_requests"] { #expect(sites[0][k] != nil, "sites.\(k)") }
        let classes = try #require(obj["classes"] as? [String: [String: Any]])
        #expect(Set(classes.keys) == ["chat", "code", "agentic", "batch"])
        for k in ["arrived", "completed", "dropped", "waiting", "in_flight", "retried", "throughput_rps", "goodput_ratio",
                  "mean_in_system", "mean_time_in_system_s", "ttft_s", "tpot_s", "e2e_s"] { #expect(classes["chat"]?[k] != nil, "classes.\(k)") }
        let ttft = try #require(classes["chat"]?["ttft_s"] as? [String: Any])
        #expect(Set(ttft.keys) == ["p50", "p90", "p95", "p99"])
        let run = try #require(classes["chat"]?["run"] as? [String: Any])
        #expect(Set(run.keys) == ["ttft_s", "tpot_s", "e2e_s"])
        let agentic = try #require(obj["agentic_tasks"] as? [String: Any])
        for k in ["started", "completed", "in_flight", "calls_per_task_mean", "task_e2e_s"] { #expect(agentic[k] != nil) }
        let failures = try #require(obj["failures"] as? [String: Any])
        #expect(Set(failures.keys) == ["gpu", "rack", "cooling", "power", "network", "straggler", "sensor"])
        let faults = try #require(obj["faults_active"] as? [[String: Any]])
        #expect(faults.first?["kind"] as? String == "cooling")
        #expect(faults.first?["target"] as? String == "near/h1")
        #expect(faults.first?["since_s"] as? Double == 30 && faults.first?["until_s"] as? Double == 630)
        #expect(faults.first?["stop_condition"] is NSNull)
        // Stable order: schema first, then the documented sequence.
        let order = ["\"schema\"", "\"sim_time_s\"", "\"seed\"", "\"fleet\"", "\"sites\"", "\"classes\"", "\"agentic_tasks\"",
                     "\"failures\"", "\"faults_active\""].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func summaryNamesEverySiteAndClass() throws {
        let e = try SimTestSupport.engine(warm: 20)
        let text = SnapshotReport.summary(e.snapshot())
        for word in ["tiny", "near", "far", "chat", "code", "agentic", "batch", "facility", "per 1M tokens"] {
            #expect(text.contains(word), "summary lacks \(word)")
        }
    }

    @Test func repeatedEventsMergeAndTheListStaysBounded() {
        var log = EventLog(capacity: 10)
        for i in 0..<5 {
            let id = log.open(.fault, .fault(id: i + 1, kind: .rack, magnitude: 1, addedLatencySeconds: nil, target: "far/h1/r01"), at: Double(i * 10))
            log.close(id, at: Double(i * 10 + 5))
        }
        #expect(log.events.count == 1)
        #expect(log.events[0].repeats == 5 && log.events[0].startSeconds == 40 && log.events[0].endSeconds == 45)
        for i in 0..<50 { log.open(.info, .note("event \(i)"), at: Double(i)) }
        #expect(log.events.count == 10)
    }
}
