import Testing
@testable import FleetSim

/// Fleet-file `tags` and `rack_tags`: what they cover, and bad inputs named by file, line and field.
@Suite struct FleetFileTagTests {
    @Test func tagsAndRackTagsAreReadAndResolvedToRacks() throws {
        let spec = try TagFixtures.spec()
        #expect(spec.sites[0].tags == ["feed-1"])
        #expect(spec.sites[0].halls[0].tags == ["loop-a"])
        #expect(spec.sites[0].halls[0].rackTags == [RackTag(name: "pdu-a", racks: 1...2), RackTag(name: "pdu-b", racks: 3...4)])
        #expect(spec.sites[0].halls[1].rackTags == [RackTag(name: "pdu-a", racks: 2...2)])
        let tags = Topology(spec: spec).tags
        #expect(tags.names == ["feed-1", "loop-a", "loop-b", "pdu-a", "pdu-b"])
        #expect(tags.racks(of: "pdu-a") == [0, 1, 5])
        #expect(tags.racks(of: "pdu-b") == [2, 3])
        #expect(tags.racks(of: "loop-a") == [0, 1, 2, 3])
        #expect(tags.racks(of: "feed-1") == [0, 1, 2, 3, 4, 5])
        #expect(tags.racks(of: "loop-b") == [6, 7, 8])
        #expect(tags.racks(of: "nope") == nil)
    }

    @Test func demoPresetCarriesPDUAndLoopTags() {
        let tags = Topology(spec: .demo).tags
        #expect(tags.names == ["core", "edge", "loop-c1", "loop-c2", "loop-r1", "loop-r2", "pdu-a", "pdu-b", "pdu-c", "pdu-d"])
        #expect(tags.racks(of: "pdu-a") == Array(0..<8))
        #expect(tags.racks(of: "pdu-d") == Array(24..<32))
    }

    static let hall = "preset: tiny\nsites:\n  - name: near\n    halls:\n      - racks: 4\n"
    static let bad: [(String, Int, String, String)] = [
        ("preset: tiny\nsites:\n  - name: near\n    tags: [Loop_A]\n", 4, "sites[0].tags[0]",
         "bad tag name 'Loop_A': use lowercase letters, digits and '-'"),
        ("preset: tiny\nsites:\n  - name: near\n    tags: loop-a\n", 4, "sites[0].tags", "expected a list of tags"),
        ("preset: tiny\nsites:\n  - name: near\n    tags: [x, x]\n", 4, "sites[0].tags[1]", "tag 'x' listed twice"),
        (hall + "        rack_tags: {pdu-a: 3-6}\n", 6, "sites[0].halls[0].rack_tags.pdu-a",
         "racks 3-6 are outside the hall's racks 1-4"),
        (hall + "        rack_tags: {pdu-a: 4-2}\n", 6, "sites[0].halls[0].rack_tags.pdu-a",
         "expected racks as FIRST-LAST or one number, got '4-2' (valid: 1-8, 5)"),
        (hall + "        rack_tags: {PDU: 1}\n", 6, "sites[0].halls[0].rack_tags.PDU", "bad tag name 'PDU'"),
        (hall + "        rack_tags: [pdu-a]\n", 6, "sites[0].halls[0].rack_tags", "expected a mapping of tag to racks"),
        (hall + "        tagz: [a]\n", 6, "sites[0].halls[0].tagz", "unknown field"),
    ]

    @Test(arguments: 0..<bad.count)
    func badTagsNameFileLineAndField(_ i: Int) {
        let (text, line, field, message) = Self.bad[i]
        FleetFileTests.expectRejected(text, line: line, field: field, message: message, case: i)
    }

    @Test func rackRangeIsCheckedAgainstRacksGivenAfterIt() throws {
        let text = "preset: tiny\nsites:\n  - name: near\n    halls:\n      - rack_tags: {pdu-a: 1-20}\n        racks: 20\n"
        let spec = try FleetFile.parse(text, file: "ok.yaml")
        #expect(spec.sites[0].halls[0].rackTags == [RackTag(name: "pdu-a", racks: 1...20)])
    }
}
