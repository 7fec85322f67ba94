import Testing
@testable import FleetTerminal

@Suite struct DetectionTests {
    @Test func colorDepthFromColorCount() {
        #expect(ColorDepth.detect(colors: 1 << 24, hasColors: true) == .direct)
        #expect(ColorDepth.detect(colors: 256, hasColors: true) == .indexed256)
        #expect(ColorDepth.detect(colors: 88, hasColors: true) == .indexed16)
        #expect(ColorDepth.detect(colors: 16, hasColors: true) == .indexed16)
        #expect(ColorDepth.detect(colors: 8, hasColors: true) == .indexed8)
        #expect(ColorDepth.detect(colors: 2, hasColors: true) == .monochrome)
        #expect(ColorDepth.detect(colors: -1, hasColors: false) == .monochrome)
        #expect(ColorDepth.detect(colors: 256, hasColors: false) == .monochrome)
    }

    @Test func noColorForcesMonochrome() {
        #expect(ColorDepth.detect(colors: 256, hasColors: true, noColorOption: true) == .monochrome)
        #expect(ColorDepth.detect(colors: 1 << 24, hasColors: true, noColorEnvironment: "1") == .monochrome)
        // NO_COLOR set but empty does not count (no-color.org).
        #expect(ColorDepth.detect(colors: 256, hasColors: true, noColorEnvironment: "") == .indexed256)
    }

    @Test func glyphModeFromCodeset() {
        #expect(GlyphMode.detect(codeset: "UTF-8", forceASCII: false) == .unicode)
        #expect(GlyphMode.detect(codeset: "utf8", forceASCII: false) == .unicode)
        #expect(GlyphMode.detect(codeset: "ANSI_X3.4-1968", forceASCII: false) == .ascii)
        #expect(GlyphMode.detect(codeset: "ISO-8859-1", forceASCII: false) == .ascii)
        #expect(GlyphMode.detect(codeset: "UTF-8", forceASCII: true) == .ascii)
    }

    @Test func pairCacheHandsOutAndResets() {
        var cache = ColorPairCache(capacity: 3)
        #expect(cache.pair(foreground: -1, background: -1) == .existing(0))
        #expect(cache.pair(foreground: 1, background: -1) == .new(1))
        #expect(cache.pair(foreground: 2, background: 0) == .new(2))
        #expect(cache.pair(foreground: 1, background: -1) == .existing(1))
        #expect(cache.pair(foreground: 3, background: 0) == .full)
        #expect(cache.count == 2)
        cache.reset()
        #expect(cache.pair(foreground: 3, background: 0) == .new(1))
    }

    @Test func waitRoundsUpToWholeMilliseconds() {
        let now = ContinuousClock.now
        #expect(TerminalApp.milliseconds(until: now + .microseconds(1500), from: now) == 2)
        #expect(TerminalApp.milliseconds(until: now + .milliseconds(40), from: now) == 40)
        #expect(TerminalApp.milliseconds(until: now - .milliseconds(5), from: now) == 0)
        #expect(TerminalApp.milliseconds(until: now, from: now) == 0)
    }
}
