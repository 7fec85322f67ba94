import Foundation
import Testing
@testable import FleetSim

/// A key given twice is reported at the line that repeats it, in every YAML reader.
@Suite struct DuplicateKeyTests {
    @Test func fleetFileNamesTheRepeatedLine() throws {
        let text = "preset: tiny\nsites:\n  - name: near\n    rtt_ms: 3\n    name: far\n"
        let error = try #require(throws: Diagnostic.self) { try FleetFile.parse(text, file: "f.yaml") }
        #expect(error.line == 5, "\(error)")
        #expect("\(error)".contains("duplicate key name") && "\(error)".contains("first given on line 3"), "\(error)")
    }

    @Test func configFileNamesTheRepeatedLine() {
        let loaded = ConfigNode.parseOutcome("theme: nord\nrefresh_ms: 250\n\n# again\ntheme: light\n")
        #expect(loaded?.line == 5)
    }

    @Test func drillFileNamesTheRepeatedLine() throws {
        let text = """
        name: twice
        fleet: tiny
        duration: 60s
        method:
          - at: 10s
            command: surge chat factor=2
            at: 20s
        """
        let error = try #require(throws: Diagnostic.self) { try DrillFile.parse(yaml: text, file: "d.yaml") }
        #expect(error.line == 7, "\(error)")
        #expect(error.description.contains("key given twice: at"), "\(error)")
    }

    @Test func storyFileNamesTheRepeatedLine() throws {
        let text = "name: s\nfleet: tiny\nname: t\nchapters:\n  - title: One\n    duration: 10s\n    caption: x\n"
        let error = try #require(throws: Diagnostic.self) { try StoryFile.parse(yaml: text, file: "s.yaml") }
        #expect(error.line == 3, "\(error)")
    }

    @Test("a flow mapping keeps the line Yams gave; quoted keys are found too")
    func flowAndQuoted() {
        #expect(DuplicateKeyLine.find(in: "a: {x: 1, x: 2}\n", key: "x", line: 1, column: 5) == nil)
        #expect(DuplicateKeyLine.find(in: "\"k\": 1\nb: 2\n'k': 3\n", key: "k", line: 1, column: 1) == 3)
        #expect(DuplicateKeyLine.find(in: "m:\n  k: 1\nk: 2\n", key: "k", line: 2, column: 3) == nil,
                "a key at a shallower indent belongs to another mapping")
        #expect(DuplicateKeyLine.find(in: "k: 1\r\nj: 2\r\nk: 3\r\n", key: "k", line: 1, column: 1) == 3)
    }
}

extension ConfigNode {
    /// The error of parsing `text`, if any.
    static func parseOutcome(_ text: String) -> ParseError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }
}
