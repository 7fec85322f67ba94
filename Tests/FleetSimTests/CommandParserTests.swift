import Testing
@testable import FleetSim

@Suite("Command language parser")
struct CommandParserTests {
    @Test func faultWithEverything() throws {
        let c = try CommandParser.parse("fault cooling site=metro-edge hall=1 magnitude=60% ramp=1m for=10m repeat=1h")
        #expect(c == .fleet(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "metro-edge", hall: 1),
                                             magnitude: 0.6, rampSeconds: 60, durationSeconds: 600, repeatSeconds: 3600))))
    }

    @Test func networkLatencyAndPercentSelection() throws {
        let c = try CommandParser.parse("fault network site=regional magnitude=0.05 latency=40ms percent=25")
        #expect(c == .fleet(.fault(FaultSpec(kind: .network, target: TargetSelector(site: "regional", mode: .percent(0.25)),
                                             magnitude: 0.05, addedLatencySeconds: 0.04))))
    }

    @Test func gpuFaultWithCount() throws {
        let c = try CommandParser.parse("  fault gpu site=remote-campus count=12  ")
        #expect(c == .fleet(.fault(FaultSpec(kind: .gpu, target: TargetSelector(site: "remote-campus", mode: .count(12))))))
    }

    @Test func stragglerFactor() throws {
        let c = try CommandParser.parse("fault straggler site=regional hall=2 rack=3 replica=1 magnitude=3x")
        #expect(c == .fleet(.fault(FaultSpec(kind: .straggler,
                                             target: TargetSelector(site: "regional", hall: 2, rack: 3, replica: 1),
                                             magnitude: 3))))
    }

    @Test func sensorOffsets() throws {
        let target = TargetSelector(site: "near", hall: 1, rack: 2)
        #expect(try CommandParser.parse("fault sensor site=near hall=1 rack=2 magnitude=+25")
                == .fleet(.fault(FaultSpec(kind: .sensor, target: target, magnitude: 25))))
        #expect(try CommandParser.parse("fault sensor site=near hall=1 rack=2 magnitude=-15C ramp=5m")
                == .fleet(.fault(FaultSpec(kind: .sensor, target: target, magnitude: -15, rampSeconds: 300))))
        #expect(try CommandParser.parse("fault sensor site=near hall=1 rack=2 magnitude=2.5°C")
                == .fleet(.fault(FaultSpec(kind: .sensor, target: target, magnitude: 2.5))))
        #expect(try CommandParser.parse("fault sensor percent=10")
                == .fleet(.fault(FaultSpec(kind: .sensor, target: TargetSelector(mode: .percent(0.1))))))
    }

    @Test func stopConditions() throws {
        let c = try CommandParser.parse("fault cooling site=near hall=1 magnitude=100% until=fleet.gpus_up<900000")
        let stop = FaultStopCondition(metric: try MetricPath("fleet.gpus_up"), comparison: .below, threshold: 900_000)
        #expect(c == .fleet(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "near", hall: 1), magnitude: 1,
                                             stopCondition: stop))))
        guard case .fleet(.fault(let ratio)) = try CommandParser.parse("fault rack count=2 until=gpus_down_ratio>5%"),
              case .fleet(.fault(let die)) = try CommandParser.parse("fault cooling site=near until=sites.near.h1.die_c_max>90C"),
              case .fleet(.fault(let ttft)) = try CommandParser.parse("fault network site=far magnitude=50% until=chat.ttft.p99>500ms")
        else { Issue.record("not faults"); return }
        #expect(ratio.stopCondition?.comparison == .above)
        #expect(ratio.stopCondition?.threshold == 0.05)
        #expect(die.stopCondition?.metric.text == "sites.near.h1.die_c_max")
        #expect(die.stopCondition?.threshold == 90)
        #expect(ttft.stopCondition?.threshold == 0.5)
        #expect(ttft.stopCondition?.text == "chat.ttft.p99 > 500 ms")
    }

    @Test func surgesAndClock() throws {
        #expect(try CommandParser.parse("surge agentic factor=3 ramp=2m for=15m")
                == .fleet(.surge(SurgeSpec(classes: [.agentic], factor: 3, rampSeconds: 120, durationSeconds: 900))))
        #expect(try CommandParser.parse("surge all factor=1.5")
                == .fleet(.surge(SurgeSpec(classes: RequestClass.allCases, factor: 1.5))))
        #expect(try CommandParser.parse("surge chat,code factor=2")
                == .fleet(.surge(SurgeSpec(classes: [.chat, .code], factor: 2))))
        #expect(try CommandParser.parse("repair all") == .fleet(.repair(nil)))
        #expect(try CommandParser.parse("repair site=metro-edge hall=1") == .fleet(.repair(TargetSelector(site: "metro-edge", hall: 1))))
        #expect(try CommandParser.parse("pause") == .clock(.pause))
        #expect(try CommandParser.parse("resume") == .clock(.resume))
        #expect(try CommandParser.parse("step") == .clock(.step))
        #expect(try CommandParser.parse("speed 10") == .clock(.speed(.times(10))))
        #expect(try CommandParser.parse("speed max") == .clock(.speed(.max)))
    }

    @Test(arguments: [
        ("90s", 90.0), ("10m", 600), ("2h", 7200), ("1m30s", 90), ("1h30m", 5400), ("500ms", 0.5),
        ("1.5s", 1.5), ("45", 45), ("1d", 86_400),
    ])
    func durations(text: String, seconds: Double) {
        #expect(QuantityText.parseDuration(text[...]) == seconds)
    }

    @Test(arguments: ["", "m", "10x", "-5s", "1m30", "s10", "1..5s"])
    func badDurations(text: String) {
        #expect(QuantityText.parseDuration(text[...]) == nil)
    }

    @Test(arguments: [
        ("fault cooler site=a", 7, "cooler", "unknown fault kind 'cooler' — expected one of gpu, rack, cooling, power-cap, network, straggler, sensor"),
        ("explode", 1, "explode", "unknown command 'explode' — expected one of fault, surge, repair, pause, resume, step, speed"),
        ("surge chats factor=2", 7, "chats", "unknown request class 'chats' — expected one of chat, code, agentic, batch, all"),
        ("surge chat", 11, "", "missing factor=X — expected factor=X, e.g. factor=3"),
        ("fault", 6, "", "missing fault kind — expected one of gpu, rack, cooling, power-cap, network, straggler, sensor"),
        ("fault cooling site=a magnitude=160%", 22, "magnitude=160%",
         "cooling magnitude '160%' must be a share from 0% to 100% — expected one of a percentage like 60%, a fraction like 0.6"),
        ("fault gpu site=a magnitude=50%", 18, "magnitude=50%", "gpu faults take no magnitude"),
        ("fault cooling site=a latency=5ms", 22, "latency=5ms", "latency= applies to network faults only"),
        ("fault rack hall=x", 12, "hall=x", "hall 'x' must be a whole number from 1 — expected hall=1"),
        ("fault rack count=2 percent=5", 20, "percent=5", "'percent=5' conflicts with 'count=2': give count or percent, not both"),
        ("fault rack site=a for=soon", 19, "for=soon", "bad duration 'soon' for for — expected a duration like 90s, 10m, 1m30s, 2h, at most 30d"),
        ("fault rack site=a site=b", 19, "site=b", "'site' given twice"),
        ("fault rack zone=1", 12, "zone=1",
         "unknown key 'zone' — expected one of site, hall, rack, replica, gpu, tag, count, percent, magnitude, latency, ramp, for, repeat, until"),
        ("fault sensor site=a magnitude=0", 21, "magnitude=0",
         "sensor magnitude '0' must be a reading offset in °C, not zero, within ±100 — expected one of an offset like +25 or -15, with a unit like +25C"),
        ("fault sensor site=a magnitude=hot", 21, "magnitude=hot",
         "sensor magnitude 'hot' must be a reading offset in °C, not zero, within ±100 — expected one of an offset like +25 or -15, with a unit like +25C"),
        ("fault sensor site=a magnitude=+150", 21, "magnitude=+150",
         "sensor magnitude '+150' must be a reading offset in °C, not zero, within ±100 — expected one of an offset like +25 or -15, with a unit like +25C"),
        ("fault rack site=a until=goodput", 19, "until=goodput",
         "until= needs a stop condition METRIC<VALUE or METRIC>VALUE, got 'goodput' — expected one of until=gpus_down_ratio>5%, until=fleet.gpus_up<900000, until=sites.NAME.h1.die_c_max>90C"),
        ("fault rack site=a until=fleet.gpus_upp<5", 19, "until=fleet.gpus_upp<5",
         "until=: unknown field 'gpus_upp' in 'fleet.gpus_upp' — expected one of " + MetricCatalog.fleet.map { "fleet.\($0.name)" }.joined(separator: ", ")),
        ("fault rack site=a until=goodput<lots", 19, "until=goodput<lots",
         "until=: threshold 'lots' does not read as ratio 0–1 (write 95%) for goodput — expected one of 95%, 0.95"),
        ("fault rack site=a until=goodput<", 19, "until=goodput<",
         "until=: threshold '' does not read as ratio 0–1 (write 95%) for goodput — expected one of 95%, 0.95"),
        ("fault rack site=a until=goodput<90% until=goodput<80%", 37, "until=goodput<80%", "'until' given twice"),
        ("pause now", 7, "now", "unexpected 'now': this command takes no arguments"),
        ("speed fast", 7, "fast", "speed 'fast' must be a multiple of real time above 0 and at most 1000, or max — expected one of 1, 2, 5, 10, 60, max"),
        ("", nil, "", "empty command — expected one of fault, surge, repair, pause, resume, step, speed"),
    ] as [(String, Int?, String, String)])
    func errors(text: String, column: Int?, token: String, message: String) {
        #expect(throws: Diagnostic.self) { try CommandParser.parse(text) }
        do {
            _ = try CommandParser.parse(text)
        } catch {
            #expect(error.column == column)
            #expect(error.token == token)
            #expect(error.description == message)
        }
    }
}
