import Testing
@testable import FleetSim

@Suite("Drill files")
struct DrillFileTests {
    static let good = """
    name: metro cooling loss at peak
    description: the metro hall loses most of its cooling
    fleet: demo
    seed: 7
    duration: 30m
    steady_state:
      - metric: chat.ttft.p99
        below: 2s
      - metric: goodput
        above: 95%
        continuous: true
        tolerance: 2m
    method:
      - at: 8m
        surge: agentic
        factor: 3
        for: 15m
      - at: 5m
        fault: cooling
        target: {site: metro-edge, hall: 1}
        magnitude: 60%
        ramp: 1m
        for: 10m
      - at: 20m
        command: "fault network site=regional magnitude=100% for=1m"
    stop_when:
      - metric: gpus_down_ratio
        above: 20%
    rollback:
      - repair all
      - repair: {site: metro-edge}
    """

    @Test func parsesTheDesignExample() throws {
        let d = try DrillFile.parse(yaml: Self.good, file: "good.yaml")
        #expect(d.name == "metro cooling loss at peak")
        #expect(d.seed == 7)
        #expect(d.durationSeconds == 1800)
        #expect(d.steadyState.count == 2)
        #expect(d.steadyState[0].threshold == 2)
        #expect(d.steadyState[1].threshold == 0.95)
        #expect(d.steadyState[1].continuous)
        #expect(d.steadyState[1].toleranceSeconds == 120)
        #expect(d.method.map(\.atSeconds) == [300, 480, 1200])
        #expect(d.method[0].text == "fault cooling site=metro-edge hall=1 magnitude=60% ramp=1m for=10m")
        #expect(d.method[0].line == 18)
        #expect(d.method[1].text == "surge agentic factor=3 for=15m")
        #expect(d.method[2].text == "fault network site=regional magnitude=100% for=1m")
        #expect(d.stopWhen[0].text == "gpus_down_ratio above 20%")
        #expect(d.rollback == [.fleet(.repair(nil)), .fleet(.repair(TargetSelector(site: "metro-edge")))])
    }

    @Test func sensorFaultAndStopConditionAsFields() throws {
        let yaml = Self.replacing("""
            fault: cooling
            target: {site: metro-edge, hall: 1}
            magnitude: 60%
        """, with: """
            fault: sensor
            target: {site: metro-edge, hall: 1, rack: 3}
            magnitude: +25
            until: sites.metro-edge.h1.die_c_max_reported > 95C
        """)
        let d = try DrillFile.parse(yaml: yaml, file: "sensor.yaml")
        #expect(d.method[0].text == "fault sensor site=metro-edge hall=1 rack=3 magnitude=+25 ramp=1m for=10m until=sites.metro-edge.h1.die_c_max_reported>95")
        let engine = try FleetEngine(spec: .demo, seed: 7)
        try d.validate(against: engine.snapshot())
        let bad = try DrillFile.parse(yaml: yaml.replacingOccurrences(of: "h1.die", with: "h9.die"), file: "sensor.yaml")
        #expect(throws: Diagnostic.self) { try bad.validate(against: engine.snapshot()) }
        do {
            try bad.validate(against: engine.snapshot())
        } catch {
            // The cooling step runs first but stands second in the file: errors number steps in file order.
            #expect(error.description == "sensor.yaml:18: method[1].until: no hall h9 at metro-edge — expected one of h1, h2")
        }
    }

    static func replacing(_ old: String, with new: String) -> String {
        precondition(good.contains(old))
        return good.replacingOccurrences(of: old, with: new)
    }

    /// A corpus of bad files and the message each must give.
    static let corpus: [(String, String)] = [
        (replacing("fault: cooling", with: "fault: cooler"),
         "bad.yaml:19: method[1].fault: unknown fault kind 'cooler' — expected one of gpu, rack, cooling, power-cap, network, straggler, sensor"),
        (replacing("magnitude: 60%", with: "magnitude: 160%"),
         "bad.yaml:21: method[1].magnitude: cooling magnitude '160%' must be a share from 0% to 100% — expected one of a percentage like 60%, a fraction like 0.6"),
        (replacing("target: {site: metro-edge, hall: 1}", with: "target: {site: metro-edge, floor: 1}"),
         "bad.yaml:20: method[1].target.floor: unknown key 'floor' — expected one of site, hall, rack, replica, gpu, tag, count, percent"),
        (replacing("metric: chat.ttft.p99", with: "metric: chat.ttft.p98"),
         "bad.yaml:7: steady_state[0].metric: unknown field 'ttft.p98' in 'chat.ttft.p98' — expected one of chat.ttft.p50, chat.ttft.p95, chat.ttft.p99, chat.tpot.p50, chat.tpot.p95, chat.tpot.p99, chat.e2e.p50, chat.e2e.p95, chat.e2e.p99, chat.goodput, chat.arrival_rps, chat.throughput_rps, chat.retries_per_s, chat.shed_ratio, chat.waiting, chat.in_flight, chat.arrived, chat.completed, chat.dropped, chat.retried, chat.kv_use, chat.mean_time_in_system_s"),
        (replacing("below: 2s", with: "below: fast"),
         "bad.yaml:8: steady_state[0].below: 'fast' is not a threshold in s for chat.ttft.p99 — expected one of 2s, 500ms, 1m"),
        (replacing("duration: 30m", with: "duration: half an hour"),
         "bad.yaml:5: duration: bad duration 'half an hour' — expected a duration like 90s, 10m, 1m30s, 2h, at most 30d"),
        (replacing("  - at: 20m", with: "  - at: 40m"),
         "bad.yaml:24: method[2].at: at 40m is after the drill's duration of 30m"),
        (replacing("seed: 7", with: "seeds: 7"),
         "bad.yaml:4: seeds: unknown key 'seeds' — expected one of name, description, fleet, seed, duration, steady_state, method, stop_when, rollback, alerts"),
        (replacing("command: \"fault network site=regional magnitude=100% for=1m\"", with: "command: \"fault network site=regional magnitude=100% for=0s\""),
         "bad.yaml:25: method[2].command: column 44: for must be longer than zero"),
        (replacing("command: \"fault network site=regional magnitude=100% for=1m\"", with: "command: \"fault netwrk site=regional\""),
         "bad.yaml:25: method[2].command: column 7: unknown fault kind 'netwrk' — expected one of gpu, rack, cooling, power-cap, network, straggler, sensor"),
        (replacing("    surge: agentic\n", with: ""),
         "bad.yaml:14: method[0]: a step needs one command — expected one of command:, fault:, surge:, repair:"),
        (replacing("    for: 10m\n", with: "    for: 10m\n    until: goodput\n"),
         "bad.yaml:24: method[1].until: until= needs a stop condition METRIC<VALUE or METRIC>VALUE, got 'goodput' — expected one of until=gpus_down_ratio>5%, until=fleet.gpus_up<900000, until=sites.NAME.h1.die_c_max>90C"),
        (replacing("    factor: 3\n", with: ""),
         "bad.yaml:14: method[0]: missing factor=X — expected factor=X, e.g. factor=3"),
        (replacing("- repair all", with: "- repair everything"),
         "bad.yaml:30: rollback[0]: column 8: expected key=value, got 'everything' — expected one of site=, hall=, rack=, replica=, gpu=, tag=, count=, percent=, fault="),
        (replacing("    above: 20%", with: "    above: 20%\n    below: 30%"),
         "bad.yaml:27: stop_when[0]: give below or above, not both — expected one of below: X, above: X"),
        (replacing("name: metro cooling loss at peak\n", with: ""),
         "bad.yaml:1: name: missing: every drill needs a name"),
        (replacing("steady_state:\n", with: "steady_state: [\n"),
         "bad.yaml:7: not valid YAML: did not find expected node content"),
        (replacing("    continuous: true", with: "    continuous: often"),
         "bad.yaml:11: steady_state[1].continuous: 'often' must be true or false — expected one of true, false"),
    ]

    @Test(arguments: corpus)
    func badFiles(yaml: String, message: String) {
        do {
            _ = try DrillFile.parse(yaml: yaml, file: "bad.yaml")
            Issue.record("accepted a bad file, expected: \(message)")
        } catch {
            #expect(error.description == message)
        }
    }
}
