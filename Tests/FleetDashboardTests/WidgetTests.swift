import Testing
@testable import FleetDashboard

@Suite("Widgets")
struct WidgetTests {
    @Test func roundedBoxWithTitle() {
        var c = Canvas(width: 16, height: 3)
        let inner = Box.draw(into: &c, c.bounds, title: "power", role: .powerBox, focused: false,
                             theme: .monochrome, glyphs: .unicode)
        #expect(inner == Rect(x: 1, y: 1, width: 14, height: 1))
        #expect(SnapshotFixture.lines(c) == ["╭─ power ──────╮", "│              │", "╰──────────────╯"])
    }

    @Test func asciiBoxAndFocusHighlight() {
        var c = Canvas(width: 12, height: 3)
        Box.draw(into: &c, c.bounds, title: "map", role: .mapBox, focused: true, theme: SnapshotFixture.theme, glyphs: .ascii)
        #expect(SnapshotFixture.lines(c) == ["+- map ----+", "|          |", "+----------+"])
        #expect(c[0, 0].style.attributes.contains(.bold))
        #expect(c[0, 0].style.foreground == SnapshotFixture.theme.color(.highlight))
    }

    @Test func meterFillsWithEighthsAndMarksTheCap() {
        var c = Canvas(width: 10, height: 1)
        Meter.draw(into: &c, x: 0, y: 0, width: 10, value: 4.5, scale: 10, limit: 8, gradient: .power,
                   theme: .monochrome, glyphs: .unicode)
        #expect(c.rowText(0) == "████▌···│·")
    }

    @Test func histogramScalesToFullestBin() {
        let bins = HistogramGlyphs.bin([1, 1, 1, 5, 9, 9.9, -3, 40], lower: 0, upper: 10, binCount: 5)
        #expect(bins == [4, 0, 1, 0, 3])
        var c = Canvas(width: 5, height: 1)
        HistogramGlyphs.draw(into: &c, x: 0, y: 0, bins: bins, gradient: .thermal, theme: .monochrome, glyphs: .unicode)
        #expect(c.rowText(0) == "█·▃·▆")
    }

    @Test func binningSurvivesExtremeValues() {
        let bins = HistogramGlyphs.bin([.greatestFiniteMagnitude, -.greatestFiniteMagnitude, .nan, .infinity, 5],
                                       lower: 0, upper: 10, binCount: 2)
        #expect(bins == [1, 2])
    }

    @Test func lineWriterNeverCutsAFigureAtTheRowEnd() {
        var c = Canvas(width: 8, height: 1)
        var w = LineWriter(c.bounds, row: 0)
        w.write("power ", .plain, into: &c)
        #expect(w.write("9.8 MW", .plain, into: &c) == false)
        #expect(c.rowText(0) == "power … ")
        #expect(c.cuts.isEmpty)
    }
}
