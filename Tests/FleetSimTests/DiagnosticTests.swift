import Testing
@testable import FleetSim

/// One diagnostic type renders every input problem the way each reader has always worded it, and
/// the small shared helpers (sanitiser, clock text) behave the same for every caller.
@Suite("Diagnostics and shared text")
struct DiagnosticTests {
    @Test("a file problem: file, line, field, message and at most 24 expected values")
    func fileProblem() {
        let d = Diagnostic(file: "drill.yaml", line: 12, field: "method[2].fault", message: "unknown fault kind 'cooler'",
                           expected: ["gpu", "rack"])
        #expect(d.description == "drill.yaml:12: method[2].fault: unknown fault kind 'cooler' — expected one of gpu, rack")
        let one = Diagnostic(file: "d.yaml", message: "bad", expected: ["x"])
        #expect(one.description == "d.yaml: bad — expected x")
        let many = Diagnostic(file: "d.yaml", line: 3, message: "m", expected: (1...30).map(String.init))
        #expect(many.description.hasSuffix("— expected one of " + (1...24).map(String.init).joined(separator: ", ") + ", …"))
    }

    @Test("a fleet file lists its choices as valid values; line 0 means no line")
    func validChoices() {
        let d = Diagnostic(file: "fleet.yaml", line: 0, field: "sku", message: "unknown GPU 'z100'",
                           expected: ["H100", "B200"], expectedForm: .valid)
        #expect(d.line == nil)
        #expect(d.description == "fleet.yaml: sku: unknown GPU 'z100' (valid: H100, B200)")
    }

    @Test("a loader's value names its severity; control characters from the file become ?")
    func severity() {
        let d = Diagnostic(.warning, file: "t.theme", line: 4, "unknown key a\u{1B}[2J (ignored)")
        #expect(d.description == "t.theme:4: warning: unknown key a?[2J (ignored)")
    }

    @Test("command text: no file, every expected value, the column when asked")
    func commandText() throws {
        let error = try #require(throws: Diagnostic.self) { try CommandParser.parse("fault cooler") }
        #expect(error.file.isEmpty && error.column == 7 && error.token == "cooler")
        #expect(error.located == "column 7: " + error.description)
        #expect(error.description.hasPrefix("unknown fault kind 'cooler' — expected one of gpu, rack"))
        let empty = try #require(throws: Diagnostic.self) { try CommandParser.parse("") }
        #expect(empty.column == nil && empty.located == empty.description)
    }

    @Test("an engine refusal is a diagnostic, and the event's words come from it")
    func rejection() throws {
        let e = try SimTestSupport.engine(warm: 1)
        let command = FleetCommand.fault(FaultSpec(kind: .rack, target: TargetSelector(site: "mars")))
        guard case .rejected(let reason) = e.apply(command) else { Issue.record("applied"); return }
        #expect(reason == e.validate(command))
        let event = try #require(e.snapshot().events.last)
        #expect(event.subject == .rejected(command, reason))
        #expect(event.text == "rejected: \(reason)")
    }

    @Test("clock commands never reach the engine: a headless run ignores them")
    func clockCommandsStayWithTheRunner() throws {
        let e = try SimTestSupport.engine(warm: 1)
        let before = e.snapshot()
        for c in [ClockCommand.pause, .resume, .step, .speed(.max)] { e.perform(.clock(c)) }
        #expect(e.tick == before.tick)
        #expect(e.snapshot().events == before.events)
        #expect(!SimCommand.clock(.pause).isInjection && SimCommand.fleet(.repair(nil)).isInjection)
    }

    @Test("one sanitiser: replace for the terminal, strip for reports")
    func sanitiser() {
        #expect(TextSanitizer.clean("a\u{7}b\u{9B}c\n") == "a?b?c?")
        #expect(TextSanitizer.clean("abcdef", limit: 3) == "abc")
        #expect(TextSanitizer.strip("a\u{7}b\u{9B}c\n") == "abc")
        #expect(TextSanitizer.strip("né — ok") == "né — ok")
    }

    @Test("one clock: m:ss under an hour, h:mm:ss past it, or always with hours")
    func clock() {
        #expect(ClockText.elapsed(25.9) == "0:25")
        #expect(ClockText.elapsed(723) == "12:03")
        #expect(ClockText.elapsed(7_500) == "2:05:00")
        #expect(ClockText.elapsed(-3) == "0:00" && ClockText.elapsed(.nan) == "0:00")
        #expect(ClockText.hoursMinutesSeconds(300) == "0:05:00")
    }

    @Test("the tick rate is set once: a recording's tick is the engine's serving tick")
    func tickRate() {
        #expect(SimClock.servingDt == 0.1 && SimClock.ticksPerSecond == 10)
        #expect(SessionRecording.tickSeconds == SimClock.servingDt)
        #expect(SessionRecording.seconds(ofTick: 3_000) == 300)
    }

    @Test("lognormal spread from a median and a p99 or p90")
    func lognormal() {
        #expect(abs(LognormalQuantiles.sigma(median: 1, p99: 10) - 0.98993) < 1e-4)
        #expect(abs(LognormalQuantiles.sigma(median: 2, p90: 4) - 0.54084) < 1e-4)
    }
}
