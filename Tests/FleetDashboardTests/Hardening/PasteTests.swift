import Testing
import FleetSim
@testable import FleetDashboard

/// Pasted text goes into the open text field, or nowhere; it never acts as keys.
@Suite("Bracketed paste in the dashboard")
struct PasteTests {
    func app() -> DashboardApp {
        let a = DashboardApp(themes: [SnapshotFixture.theme, .monochrome])
        _ = a.render(snapshot: SnapshotFixture.demo(), width: 160, height: 48)
        return a
    }

    @Test("pasting 'hello quit q' on the dashboard does nothing: no quit, no help, no state change")
    func pasteOnTheDashboardIsIgnored() {
        let a = app()
        let before = a.state.presetName
        let actions = a.handle(.paste("hello quit q\n?fR"))
        #expect(actions.isEmpty)
        #expect(a.state.modal == nil)
        #expect(a.state.presetName == before)
        #expect(a.handle(.key(.character("q"))) == [.quit], "a typed q still quits")
    }

    @Test func pasteGoesIntoTheCommandLineAsOneLine() {
        let a = app()
        _ = a.handle(.key(.character(":")))
        _ = a.handle(.paste("surge chat\r\nfactor=2\u{7}"))
        #expect(a.state.palette.text == "surge chat factor=2")
        guard case .palette? = a.state.modal else {
            Issue.record("the palette closed")
            return
        }
        _ = a.handle(.key(.enter))
        guard case .confirm(let dialog)? = a.state.modal else {
            Issue.record("Enter did not submit the pasted command")
            return
        }
        #expect(dialog.lines.joined(separator: " ").contains("chat"), "\(dialog.lines)")
    }

    @Test func pasteGoesIntoTheFilterAndTheJumpPrompt() {
        let a = app()
        _ = a.handle(.key(.character("/")))
        #expect(a.state.editingFilter)
        _ = a.handle(.paste("cool"))
        #expect(a.state.eventFilter == "cool" || a.state.mapFilter == "cool")
        _ = a.handle(.key(.escape))
        _ = a.handle(.key(.character("g")))
        _ = a.handle(.paste("metro"))
        guard case .jump(let prompt)? = a.state.modal else {
            Issue.record("no jump prompt")
            return
        }
        #expect(prompt.text == "metro")
    }

    @Test("a paste into a confirm dialog confirms nothing")
    func pasteIntoAConfirmDialogIsIgnored() {
        let a = app()
        a.state.selection = .rack(5)
        _ = a.handle(.key(.character("f")))
        let actions = a.handle(.paste("y3\n"))
        #expect(actions.isEmpty)
        #expect(!actions.contains { if case .send = $0 { true } else { false } })
    }

    @Test func aHugePasteIsCutToTheLimit() {
        #expect(DashboardApp.pastedCharacters(String(repeating: "x", count: 100_000)).count == DashboardApp.pasteLimit)
        #expect(DashboardApp.pastedCharacters("a\n\n\tb\u{1B}c") == Array("a bc"))
    }

    @Test("the drill summary takes a paste only while its path is being edited")
    func summaryDialogPathTakesAPaste() {
        var dialog = ScenarioSummaryDialog(title: "drill ended", lines: ["Verdict: PASSED"], path: "/tmp/r")
        let ignored = dialog.paste("y")
        #expect(!ignored, "not editing: a pasted y saves nothing")
        #expect(dialog.path == "/tmp/r")
        _ = dialog.handle(.character("e"))
        let taken = dialog.paste("-2\n")
        #expect(taken)
        #expect(dialog.path == "/tmp/r-2 ")
    }
}
