import Testing
@testable import FleetDashboard

@Suite("Too-small screen")
struct LayoutTooSmallTests {
    @Test("states need and have and that q quits, centred at 30×10")
    func draws() {
        let info = ScreenLayout.TooSmall(needWidth: 40, needHeight: 12, haveWidth: 30, haveHeight: 10)
        var canvas = Canvas(width: 30, height: 10)
        TooSmallScreen.draw(info, into: &canvas, theme: .monochrome)
        let text = canvas.plainText
        #expect(text.contains("terminal too small:"))
        #expect(text.contains("need 40×12,"))
        #expect(text.contains("have 30×10"))
        #expect(text.contains("q quits"))
        #expect(canvas.rowText(3).drop(while: { $0 == " " }).hasPrefix("terminal too small:"))
    }

    @Test("never writes outside a tiny canvas")
    func tiny() {
        let info = ScreenLayout.TooSmall(needWidth: 40, needHeight: 12, haveWidth: 5, haveHeight: 2)
        var canvas = Canvas(width: 5, height: 2)
        TooSmallScreen.draw(info, into: &canvas, theme: .monochrome)
        #expect(canvas.cells.count == 10)
    }
}
