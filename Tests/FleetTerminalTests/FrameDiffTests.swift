import FleetDashboard
import Testing
@testable import FleetTerminal

@Suite struct FrameDiffTests {
    private func canvas(_ rows: [String], width: Int = 10) -> Canvas {
        var c = Canvas(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { c.text(row, x: 0, y: y, style: .plain) }
        return c
    }

    @Test func everythingWithoutAPreviousFrame() {
        let c = canvas(["hello"])
        #expect(FrameDiff.spans(previous: nil, current: c, row: 0, width: 10) == [0..<10])
        #expect(FrameDiff.spans(previous: canvas(["hello"], width: 9), current: c, row: 0, width: 10) == [0..<10])
    }

    @Test func nothingForAnIdenticalFrame() {
        let c = canvas(["hello", "world"])
        #expect(FrameDiff.spans(previous: c, current: c, row: 0, width: 10).isEmpty)
        #expect(FrameDiff.spans(previous: c, current: c, row: 1, width: 10).isEmpty)
    }

    @Test func changedCellsOnly() {
        let a = canvas(["hello world"], width: 12), b = canvas(["jello wOrld"], width: 12)
        #expect(FrameDiff.spans(previous: a, current: b, row: 0, width: 12) == [0..<1, 7..<8])
    }

    @Test func styleChangesCount() {
        let a = canvas(["abc"])
        var b = a
        b.put("b", x: 1, y: 0, style: CellStyle(attributes: .bold))
        #expect(FrameDiff.spans(previous: a, current: b, row: 0, width: 10) == [1..<2])
    }

    @Test func wideGlyphsAreWrittenWhole() {
        let a = canvas(["a世b"]), b = canvas(["a界b"])
        // 世 occupies columns 1 and 2; only column 1 differs, but both are written.
        #expect(FrameDiff.spans(previous: a, current: b, row: 0, width: 10) == [1..<3])
        // Replacing the right half of a wide glyph rewrites its left half too.
        var c = a
        c.put("x", x: 2, y: 0, style: .plain)
        c.put(" ", x: 1, y: 0, style: .plain)
        #expect(FrameDiff.spans(previous: a, current: c, row: 0, width: 10) == [1..<3])
        // A narrow glyph where a wide one started rewrites the column it used to cover.
        var d = a
        d.put("z", x: 1, y: 0, style: .plain)
        #expect(FrameDiff.spans(previous: a, current: d, row: 0, width: 10) == [1..<3])
    }

    @Test func clippedToWidth() {
        let a = canvas(["aaaaaaaaaa"]), b = canvas(["bbbbbbbbbb"])
        #expect(FrameDiff.spans(previous: a, current: b, row: 0, width: 4) == [0..<4])
        #expect(FrameDiff.spans(previous: nil, current: b, row: 5, width: 4).isEmpty)
    }
}
