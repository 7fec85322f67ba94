import Testing
import FleetMetrics
@testable import FleetDashboard

@Suite("Sparklines")
struct SparklineCacheTests {
    func draw(_ cache: SparklineCache, _ series: Series, width: Int, style: GraphStyle, upper: Float? = 10) -> String {
        var c = Canvas(width: width, height: 1)
        cache.draw(into: &c, key: "k", series: series, x: 0, y: 0, width: width, upper: upper, style: style,
                   gradient: .power, theme: SnapshotFixture.theme, glyphs: .unicode)
        return c.rowText(0)
    }

    @Test func blockColumnsAreComputedOnlyForNewSamples() {
        let cache = SparklineCache()
        var s = Series(capacity: 64)
        for i in 0..<10 { s.append(Float(i)) }
        let first = draw(cache, s, width: 8, style: .block)
        #expect(first == "▂▃▄▅▅▆▇▇")
        #expect(cache.columnsComputed == 8)
        _ = draw(cache, s, width: 8, style: .block)
        #expect(cache.columnsComputed == 8)
        s.append(10)
        let next = draw(cache, s, width: 8, style: .block)
        #expect(cache.columnsComputed == 9)
        #expect(next == draw(SparklineCache(), s, width: 8, style: .block))
    }

    @Test func brailleTakesTwoSamplesPerColumn() {
        let cache = SparklineCache()
        var s = Series(capacity: 16)
        s.append(0); s.append(10)
        #expect(draw(cache, s, width: 2, style: .braille) == " ⣸")
        s.append(10)
        let text = draw(cache, s, width: 2, style: .braille)
        #expect(text == draw(SparklineCache(), s, width: 2, style: .braille))
        #expect(text == "⣸⡇")
    }

    @Test func autoScaleRoundsUpToANiceCeiling() {
        #expect(SparklineCache.niceCeiling(0.7) == 1)
        #expect(SparklineCache.niceCeiling(13) == 20)
        #expect(SparklineCache.niceCeiling(4_100) == 5_000)
        let cache = SparklineCache()
        var s = Series(capacity: 8)
        for v: Float in [10, 20, 40] { s.append(v) }
        #expect(draw(cache, s, width: 3, style: .block, upper: nil) == "▂▄▇")
    }

    @Test func asciiGlyphsReplaceBrailleInASCIIMode() {
        var s = Series(capacity: 8)
        for v: Float in [0, 5, 10] { s.append(v) }
        var c = Canvas(width: 3, height: 1)
        SparklineCache().draw(into: &c, key: "a", series: s, x: 0, y: 0, width: 3, upper: 10, style: .braille,
                              gradient: .power, theme: .monochrome, glyphs: .ascii)
        #expect(c.rowText(0) == "_=#")
    }
}
