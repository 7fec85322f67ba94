import Foundation
import Testing
@testable import FleetSim

/// Issue 13's fuzz suite, bounded for CI (seconds in a debug build): seeded mutations of valid
/// commands, fleet, drill, story, recording and config text. Every input must give either a value or
/// an error that names its input — never a trap or a hang; accepted commands are applied to a
/// running fleet, and accepted fleets are built and simulated for a minute with every invariant kept.
@Suite("Fuzz: readers never crash or hang")
struct FuzzTests {
    static let commands = [
        "surge agentic factor=3 ramp=1m for=10m", "fault straggler site=near hall=1 rack=1 magnitude=3 for=5m",
        "fault network site=far latency=200ms magnitude=50% for=2m", "fault cooling site=near hall=1 magnitude=60% ramp=30s",
        "fault power-cap site=far magnitude=70% for=1m repeat=5m", "fault gpu site=near hall=1 rack=2 count=3",
        "fault sensor site=far hall=1 rack=1 magnitude=+25 until=gpus_down_ratio>5%", "repair site=near hall=1",
        "speed 10", "surge chat,code factor=2.5x for=90s", "fault rack site=far rack=1 percent=50%",
    ]

    static let fleet = """
    preset: tiny
    sites:
      - name: near
        rtt_ms: 3
        grid_limit_kw: 90
        halls:
          - {cooling: air, racks: 2, servers_per_rack: 2, sku: h100, count: 1}
    classes:
      chat: {rate_rps: 20, input_tokens: 800, output_tokens: 200, ttft_slo_s: 2}
      agentic: {rate_rps: 2, cv: 3}
    serving: {max_batch: 64, prefill_chunk_tokens: 512, retry_timeout_s: 5, max_retries: 2}
    power: {governor_margin: 0.05, gpu_hour_usd: 2}
    thermal: {design_rise_k: 12}
    agentic: {calls_median: 6, calls_p90: 20, calls_cap: 64, probe_share: 0.1, tool_timeout_s: 30}
    """

    static let config = """
    theme: default
    refresh_ms: 500
    speed: 10
    fleet: tiny
    keys:
      quit: q
    """

    /// Inputs tried per reader (the note records the total).
    static let perReader = 1_000

    @Test func commandLanguage() throws {
        var m = FuzzMutator(seed: 1)
        let engine = try SimTestSupport.engine(warm: 1)
        var applied = 0
        for i in 0..<Self.perReader {
            let text = m.mutate(Self.commands[i % Self.commands.count])
            guard let command = try? CommandParser.parse(text) else { continue }
            if let fleetCommand = command.fleetCommand, engine.validate(fleetCommand) == nil,
               case .applied = engine.apply(fleetCommand) { applied += 1 }
            if case .clock(.speed) = command { continue }
            engine.advance(seconds: 0.5)
        }
        engine.advance(seconds: 5)
        #expect(applied > 0)
        #expect(engine.snapshot().invariantViolations.isEmpty, "\(engine.snapshot().invariantViolations)")
    }

    @Test func fleetFiles() throws {
        var m = FuzzMutator(seed: 2)
        var simulated = 0
        for _ in 0..<Self.perReader {
            let text = m.mutate(Self.fleet)
            let spec: FleetSpec
            do { spec = try FleetFile.parse(text, file: "fuzz.yaml") } catch {
                #expect("\(error)".hasPrefix("fuzz.yaml"), "\(error)")
                continue
            }
            guard let engine = try? FleetEngine(spec: spec, seed: 7) else { continue }
            if simulated < 4 {
                simulated += 1
                engine.advance(seconds: 60)
                #expect(engine.snapshot().invariantViolations.isEmpty, "\(text)\n\(engine.snapshot().invariantViolations)")
            } else {
                engine.advance(seconds: 1)
            }
        }
    }

    @Test func drillAndStoryFiles() {
        var m = FuzzMutator(seed: 3)
        let drills = DrillCatalog.builtIn.map(\.yaml), stories = StoryCatalog.builtIn.map(\.yaml)
        for i in 0..<Self.perReader {
            let drill = m.mutate(drills[i % drills.count])
            do { _ = try DrillFile.parse(yaml: drill, file: "fuzz.yaml") } catch { #expect(error.file == "fuzz.yaml") }
            let story = m.mutate(stories[i % stories.count])
            do { _ = try StoryFile.parse(yaml: story, file: "fuzz.yaml") } catch { #expect(error.file == "fuzz.yaml") }
        }
    }

    @Test func recordings() {
        var m = FuzzMutator(seed: 4)
        let text = ([SessionRecording.headerLine(fleet: "tiny", seed: 7)]
            + Self.commands.enumerated().map { SessionRecording.commandLine(tick: UInt64($0.offset * 10), command: try! CommandParser.parse($0.element)) }
            + [SessionRecording.endLine(tick: 1000)]).joined(separator: "\n") + "\n"
        for _ in 0..<Self.perReader {
            do { _ = try SessionRecording.parse(jsonLines: m.mutate(text), file: "fuzz.jsonl") } catch {
                #expect(error.file == "fuzz.jsonl")
            }
        }
    }

    @Test func configYAML() {
        var m = FuzzMutator(seed: 5)
        for _ in 0..<Self.perReader {
            _ = try? ConfigNode.parse(m.mutate(Self.config))
        }
    }

    @Test func mutatorIsDeterministic() {
        var a = FuzzMutator(seed: 9), b = FuzzMutator(seed: 9)
        #expect((0..<20).map { _ in a.mutate(Self.fleet) } == (0..<20).map { _ in b.mutate(Self.fleet) })
    }
}
