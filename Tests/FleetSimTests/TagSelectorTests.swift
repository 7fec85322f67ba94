import Testing
@testable import FleetSim

/// `tag=` in the command language, its resolution at each fault level, drills, and the engine.
@Suite struct TagSelectorTests {
    @Test func parsesAndRoundTrips() throws {
        let c = try CommandParser.parse("fault rack tag=pdu-a count=2")
        #expect(c == .fleet(.fault(FaultSpec(kind: .rack, target: TargetSelector(tag: "pdu-a", mode: .count(2))))))
        for text in ["fault rack tag=pdu-a", "fault cooling site=metro-edge tag=loop-r1 magnitude=60% for=10m",
                     "fault gpu site=a hall=1 tag=pdu-b percent=50", "repair tag=pdu-a", "repair site=a tag=feed-1"] {
            let parsed = try CommandParser.parse(text)
            #expect(CommandFormatter.format(parsed) == text)
            #expect(try CommandParser.parse(CommandFormatter.format(parsed)) == parsed)
        }
        #expect(CommandFormatter.placeLabel(TargetSelector(tag: "pdu-a")) == "tag=pdu-a")
        #expect(CommandFormatter.placeLabel(TargetSelector(site: "a", hall: 1, tag: "pdu-a")) == "a/h1 tag=pdu-a")
    }

    @Test(arguments: [
        ("fault rack tag=", 12, "tag= needs a tag name of lowercase letters, digits and '-', got ''"),
        ("fault rack tag=PDU_A", 12, "got 'PDU_A'"),
        ("fault rack tag=a tag=b", 18, "'tag' given twice"),
    ])
    func badTagsAreParseErrors(_ text: String, _ column: Int, _ message: String) {
        do {
            _ = try CommandParser.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.column == column)
        }
    }

    @Test func completerOffersTheFleetsTags() {
        let tags = ["loop-a", "pdu-a", "pdu-b"]
        #expect(CommandCompleter.complete("fault rack ", siteNames: ["a"], tags: tags).candidates.contains("tag="))
        #expect(CommandCompleter.complete("fault rack tag=", siteNames: ["a"], tags: tags).candidates
                == ["tag=loop-a", "tag=pdu-a", "tag=pdu-b"])
        #expect(CommandCompleter.complete("repair tag=pd", siteNames: ["a"], tags: tags).candidates == ["tag=pdu-a", "tag=pdu-b"])
    }

    @Test func rackLevelTagAloneIntersectedAndCounted() throws {
        let r = try TagFixtures.resolver()
        #expect(try r.scope(TargetSelector(tag: "pdu-a"), level: .rack) == [0, 1, 5])
        #expect(try r.scope(TargetSelector(site: "a", hall: 2, tag: "pdu-a"), level: .rack) == [5])
        #expect(try r.scope(TargetSelector(tag: "feed-1"), level: .rack) == [0, 1, 2, 3, 4, 5])
        #expect(try r.scope(TargetSelector(tag: "pdu-b"), level: .gpu) == Array(16..<32))
        #expect(try r.scope(TargetSelector(tag: "loop-b"), level: .replica).count == 3)
        let picked = r.select(try r.scope(TargetSelector(tag: "pdu-a"), level: .rack), mode: .count(2),
                              rng: CounterRNG(seed: 7), key: 1)
        #expect(picked.count == 2 && Set(picked).isSubset(of: [0, 1, 5]))
    }

    @Test func hallAndSiteLevelsHitWhatContainsTaggedRacks() throws {
        let r = try TagFixtures.resolver()
        #expect(try r.scope(TargetSelector(tag: "pdu-a"), level: .hall) == [0, 1])
        #expect(try r.scope(TargetSelector(tag: "pdu-b"), level: .hall) == [0])
        #expect(try r.scope(TargetSelector(tag: "feed-1"), level: .hall) == [0, 1])
        #expect(try r.scope(TargetSelector(tag: "loop-b"), level: .hall) == [2])
        #expect(try r.scope(TargetSelector(tag: "pdu-a"), level: .site) == [0])
        #expect(try r.scope(TargetSelector(tag: "loop-b"), level: .site) == [1])
    }

    @Test func unknownOrEmptyTagIsAClearError() throws {
        let r = try TagFixtures.resolver()
        #expect(failure(r, TargetSelector(tag: "pdu-z")) == "unknown tag 'pdu-z' (tags: feed-1, loop-a, loop-b, pdu-a, pdu-b)")
        #expect(failure(r, TargetSelector(site: "b", tag: "pdu-a")) == "tag 'pdu-a' covers nothing in b")
        let untagged = TargetResolver(topology: Topology(spec: SimTestSupport.quietTiny()))
        #expect(failure(untagged, TargetSelector(tag: "pdu-a")) == "unknown tag 'pdu-a' (this fleet has no tags)")
    }

    /// The message of resolving `sel` at rack level, or nil when it resolves.
    private func failure(_ r: TargetResolver, _ sel: TargetSelector) -> String? {
        do { _ = try r.scope(sel, level: .rack); return nil } catch { return "\(error)" }
    }

    @Test func rackFaultOnATagDownsExactlyItsRacksAndRepairReturnsThem() throws {
        let e = try SimTestSupport.engine(try TagFixtures.spec(), warm: 10)
        #expect(e.snapshot().totals.gpusUp == 72)
        #expect(e.apply(try SimTestSupport.fleetCommand("fault rack tag=pdu-a")) == .applied("rack failure tag=pdu-a (3 racks)"))
        e.advance(seconds: 2)
        let s = e.snapshot()
        let down = s.racks.gpusUp.indices.filter { s.racks.gpusUp[$0] == 0 }
        #expect(down == [0, 1, 5])
        #expect(s.totals.gpusUp == 72 - 24)
        #expect(s.activeFaults.map(\.target) == ["tag=pdu-a (3 racks)"])
        #expect(s.tags == ["feed-1", "loop-a", "loop-b", "pdu-a", "pdu-b"])
        e.apply(try SimTestSupport.fleetCommand("repair tag=pdu-a"))
        e.advance(seconds: 2)
        #expect(e.snapshot().totals.gpusUp == 72)
        #expect(e.snapshot().activeFaults.isEmpty)
    }

    @Test func coolingOnARackTagHitsItsHallAndNamesTheTag() throws {
        let e = try SimTestSupport.engine(try TagFixtures.spec(), warm: 10)
        #expect(e.apply(try SimTestSupport.fleetCommand("fault cooling tag=pdu-b magnitude=50%")) == .applied("cooling −50% tag=pdu-b (a/h1)"))
        #expect(e.faults.hallCoolingLoss == [0.5, 0, 0])
    }

    @Test func tagsDoNotChangeThePhysics() throws {
        var plain = try TagFixtures.spec()
        for s in plain.sites.indices {
            plain.sites[s].tags = []
            for h in plain.sites[s].halls.indices { plain.sites[s].halls[h].tags = []; plain.sites[s].halls[h].rackTags = [] }
        }
        let a = try SimTestSupport.engine(try TagFixtures.spec(), warm: 30)
        let b = try SimTestSupport.engine(plain, warm: 30)
        #expect(a.snapshot().totals == b.snapshot().totals)
        #expect(a.snapshot().racks == b.snapshot().racks)
    }

    @Test func drillTargetsATagAndValidationRejectsUnknownOnes() throws {
        let yaml = DrillFileTests.replacing("fault: cooling\n    target: {site: metro-edge, hall: 1}",
                                            with: "fault: rack\n    target: {tag: pdu-a}")
        let d = try DrillFile.parse(yaml: yaml.replacingOccurrences(of: "    magnitude: 60%\n", with: ""), file: "tag.yaml")
        #expect(d.method[0].text == "fault rack tag=pdu-a ramp=1m for=10m")
        let engine = try FleetEngine(spec: .demo, seed: 7)
        try d.validate(against: engine.snapshot())
        let bad = try DrillFile.parse(yaml: yaml.replacingOccurrences(of: "    magnitude: 60%\n", with: "")
                                        .replacingOccurrences(of: "pdu-a", with: "pdu-z"), file: "tag.yaml")
        do {
            try bad.validate(against: engine.snapshot())
            Issue.record("accepted unknown tag")
        } catch {
            #expect(error.line == 18)
            #expect(error.field == "method[1].target.tag")
            #expect(error.description.contains("no tag 'pdu-z' in fleet demo"), "\(error)")
        }
    }
}
