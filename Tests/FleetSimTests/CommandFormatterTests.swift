import Testing
@testable import FleetSim

@Suite("Command formatter round trip")
struct CommandFormatterTests {
    static let samples: [SimCommand] = [
        .fleet(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "metro-edge", hall: 1), magnitude: 0.6,
                                rampSeconds: 60, durationSeconds: 600))),
        .fleet(.fault(FaultSpec(kind: .network, target: TargetSelector(site: "regional", mode: .percent(0.07)),
                                magnitude: 1, addedLatencySeconds: 0.035, durationSeconds: 90, repeatSeconds: 5400))),
        .fleet(.fault(FaultSpec(kind: .gpu, target: TargetSelector(site: "remote-campus", hall: 2, rack: 11, replica: 1, gpu: 3)))),
        .fleet(.fault(FaultSpec(kind: .rack, target: TargetSelector(mode: .count(4))))),
        .fleet(.fault(FaultSpec(kind: .straggler, target: TargetSelector(site: "a"), magnitude: 2.75, rampSeconds: 0.25))),
        .fleet(.fault(FaultSpec(kind: .powerCap, target: TargetSelector(site: "metro-edge"), magnitude: 0.7, durationSeconds: 1.5))),
        .fleet(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "x"), magnitude: 0.123456789))),
        .fleet(.surge(SurgeSpec(classes: [.agentic], factor: 3, rampSeconds: 120, durationSeconds: 900))),
        .fleet(.surge(SurgeSpec(classes: RequestClass.allCases, factor: 1.25))),
        .fleet(.surge(SurgeSpec(classes: [.code, .batch], factor: 0.5))),
        .fleet(.repair(nil)), .fleet(.repair(TargetSelector(site: "metro-edge", hall: 1))),
        .clock(.pause), .clock(.resume), .clock(.step), .clock(.speed(.max)), .clock(.speed(.times(60))), .clock(.speed(.times(2.5))),
        .fleet(.fault(FaultSpec(kind: .sensor, target: TargetSelector(site: "near", hall: 1, rack: 2), magnitude: 25))),
        .fleet(.fault(FaultSpec(kind: .sensor, target: TargetSelector(mode: .count(3)), magnitude: -12.5, rampSeconds: 600))),
        .fleet(.fault(FaultSpec(kind: .cooling, target: TargetSelector(site: "near", hall: 1), magnitude: 1,
                                stopCondition: stop("fleet.gpus_up", .below, 900_000)))),
        .fleet(.fault(FaultSpec(kind: .rack, target: TargetSelector(mode: .count(2)), durationSeconds: 600,
                                stopCondition: stop("gpus_down_ratio", .above, 0.07)))),
        .fleet(.fault(FaultSpec(kind: .network, target: TargetSelector(site: "far"), magnitude: 0.5,
                                stopCondition: stop("chat.ttft.p99", .above, 0.45)))),
        .fleet(.fault(FaultSpec(kind: .powerCap, target: TargetSelector(site: "near"), magnitude: 0.7,
                                stopCondition: stop("sites.near.h1.die_c_max_reported", .above, 88.25)))),
        .fleet(.fault(FaultSpec(kind: .straggler, target: TargetSelector(site: "far"),
                                stopCondition: stop("fleet.facility_power_kw", .below, 1234.5678)))),
    ]

    static func stop(_ path: String, _ comparison: DrillCheck.Comparison, _ threshold: Double) -> FaultStopCondition {
        FaultStopCondition(metric: try! MetricPath(path), comparison: comparison, threshold: threshold)
    }

    @Test func sensorAndStopConditionText() {
        #expect(CommandFormatter.format(.fault(FaultSpec(kind: .sensor, target: TargetSelector(site: "near"), magnitude: 25,
                                                         stopCondition: Self.stop("goodput", .below, 0.95))))
                == "fault sensor site=near magnitude=+25 until=goodput<95%")
        #expect(CommandFormatter.format(.fault(FaultSpec(kind: .sensor, target: TargetSelector(), magnitude: -15)))
                == "fault sensor magnitude=-15")
    }

    @Test(arguments: samples)
    func roundTrip(command: SimCommand) throws {
        let text = CommandFormatter.format(command)
        #expect(try CommandParser.parse(text) == command, "\(text)")
    }

    @Test func canonicalText() {
        #expect(CommandFormatter.format(Self.samples[0]) == "fault cooling site=metro-edge hall=1 magnitude=60% ramp=1m for=10m")
        #expect(CommandFormatter.format(Self.samples[1])
                == "fault network site=regional percent=7 magnitude=100% latency=35ms for=1m30s repeat=1h30m")
        #expect(CommandFormatter.format(Self.samples[8]) == "surge all factor=1.25")
    }

    @Test(arguments: [0.0, 0.001, 0.25, 1, 59, 60, 61, 3599.5, 86_461, 1e-7] as [Double])
    func durationRoundTrip(seconds: Double) {
        #expect(QuantityText.parseDuration(QuantityText.formatDuration(seconds)[...]) == seconds)
    }

    @Test(arguments: [0.0, 0.07, 0.1, 0.3, 0.6, 0.123456789, 1.0 / 3.0, 1] as [Double])
    func shareRoundTrip(share: Double) {
        #expect(QuantityText.parseShare(QuantityText.formatShare(share)[...]) == share)
    }
}
