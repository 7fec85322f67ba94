import Testing
@testable import FleetDashboard

/// Issue 13: a live drill report that cannot be saved keeps its dialog, says why in words, and
/// lets the operator retry or type another path.
@Suite("Drill summary: failed save")
struct SummaryDialogSaveTests {
    @Test func failureIsShownAndTheDialogStays() {
        var d = ScenarioSummaryDialog(title: "drill ended", lines: ["Verdict: PASSED"], path: "/full/report")
        d.failure = "No space left on device"
        #expect(d.question[0] == "Not saved: No space left on device")
        #expect(d.handle(.character("y")) == .save)
    }

    @Test func pathIsEditedWithEAndEnter() {
        var d = ScenarioSummaryDialog(title: "drill ended", lines: [], path: "/a/rep")
        d.failure = "No such file or directory"
        #expect(d.handle(.character("e")) == .stay && d.editingPath && d.failure == nil)
        for _ in 0..<3 { _ = d.handle(.backspace) }
        for c in "x/y" { #expect(d.handle(.character(c)) == .stay) }
        #expect(d.handle(.character("n")) == .stay, "n is typed into the path while editing")
        #expect(d.handle(.enter) == .stay && !d.editingPath)
        #expect(d.path == "/a/x/yn")
        #expect(d.handle(.character("y")) == .save)
    }
}
