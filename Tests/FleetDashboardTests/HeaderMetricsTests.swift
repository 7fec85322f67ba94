import Foundation
@testable import FleetDashboard
import Testing

/// The header's `--metrics-listen` indicator.
@Suite struct HeaderMetricsTests {
    let s = SnapshotFixture.demo()

    func header(width: Int, metrics: String?, scenario: String? = nil) -> String {
        var c = Canvas(width: width, height: 1)
        HeaderBar.draw(into: &c, s, rect: c.bounds, ctx: SnapshotFixture.context(s), scenario: scenario, readOnly: false, metrics: metrics)
        return c.rowText(0)
    }

    @Test func wideHeadersNameTheEndpointAtTheRightEnd() {
        let row = header(width: 160, metrics: "metrics :9400")
        #expect(row.hasSuffix(" metrics :9400 "))
        #expect(row.contains("alert"), "the alert count still shows: \(row)")
    }

    @Test func narrowHeadersKeepOnlyThePortAndNeverCutTheStatus() {
        let full = header(width: 160, metrics: nil).trimmingCharacters(in: .whitespaces)
        let width = DisplayWidth.of(full) + 1 + 8
        let row = header(width: width, metrics: "metrics 0.0.0.0:9400")
        #expect(row.hasSuffix(" :9400"), "\(row)")
        #expect(row.hasPrefix(" " + full), "the status is whole: \(row)")
        let tight = header(width: DisplayWidth.of(full) + 1 + 3, metrics: "metrics 0.0.0.0:9400")
        #expect(!tight.contains(":9400") && tight.contains(full), "no room, no indicator: \(tight)")
    }

    @Test func withoutAnEndpointTheRightEndStaysEmpty() {
        let row = header(width: 160, metrics: nil)
        #expect(!row.contains("metrics"))
        #expect(row.hasSuffix("     "))
    }

    @Test func aStoryLabelGivesWayToThePort() {
        let story = "story: agentic load meets physical limits · chapter 2/7"
        let row = header(width: 100, metrics: "metrics :9481", scenario: story)
        #expect(row.hasSuffix(" :9481"), "\(row)")
        #expect(row.contains("story"), "\(row)")
        let mid = header(width: 120, metrics: "metrics :9481", scenario: story)
        #expect(mid.hasSuffix(" metrics :9481 ") && mid.contains("story: agentic load") && mid.contains("…"), "\(mid)")
        let wide = header(width: 200, metrics: "metrics :9481", scenario: story)
        #expect(wide.contains(story) && wide.hasSuffix(" metrics :9481 "), "\(wide)")
    }
}
