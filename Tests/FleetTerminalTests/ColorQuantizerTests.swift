import FleetDashboard
import Testing
@testable import FleetTerminal

@Suite struct ColorQuantizerTests {
    @Test func xtermPaletteValues() {
        #expect(ColorQuantizer.xterm256Color(0) == RGB(0, 0, 0))
        #expect(ColorQuantizer.xterm256Color(9) == RGB(255, 0, 0))
        #expect(ColorQuantizer.xterm256Color(16) == RGB(0, 0, 0))
        #expect(ColorQuantizer.xterm256Color(21) == RGB(0, 0, 255))
        #expect(ColorQuantizer.xterm256Color(67) == RGB(95, 135, 175))
        #expect(ColorQuantizer.xterm256Color(196) == RGB(255, 0, 0))
        #expect(ColorQuantizer.xterm256Color(231) == RGB(255, 255, 255))
        #expect(ColorQuantizer.xterm256Color(232) == RGB(8, 8, 8))
        #expect(ColorQuantizer.xterm256Color(244) == RGB(128, 128, 128))
        #expect(ColorQuantizer.xterm256Color(255) == RGB(238, 238, 238))
    }

    @Test func cubeAndRampColoursMapToThemselves() {
        for index in 16...255 {
            #expect(ColorQuantizer.xterm256Index(ColorQuantizer.xterm256Color(index)) == index, "index \(index)")
        }
    }

    @Test func nearest256() {
        #expect(ColorQuantizer.xterm256Index(RGB(255, 0, 0)) == 196)
        #expect(ColorQuantizer.xterm256Index(RGB(0, 255, 0)) == 46)
        #expect(ColorQuantizer.xterm256Index(RGB(250, 5, 3)) == 196)
        #expect(ColorQuantizer.xterm256Index(RGB(100, 130, 180)) == 67)
        // A mid grey is closer to the ramp (128) than to the cube (135).
        #expect(ColorQuantizer.xterm256Index(RGB(127, 128, 129)) == 244)
        #expect(ColorQuantizer.xterm256Index(RGB(0, 0, 0)) == 16)
        #expect(ColorQuantizer.xterm256Index(RGB(3, 3, 3)) == 16)
        #expect(ColorQuantizer.xterm256Index(RGB(10, 10, 10)) == 232)
        #expect(ColorQuantizer.xterm256Index(RGB(255, 255, 255)) == 231)
        #expect(ColorQuantizer.xterm256Index(RGB(244, 244, 244)) == 255)
        // Btop's default theme orange #FF8700 is exactly cube colour 208.
        #expect(ColorQuantizer.xterm256Index(RGB(0xFF, 0x87, 0x00)) == 208)
    }

    @Test func nearestANSI() {
        #expect(ColorQuantizer.nearestANSI(RGB(250, 0, 0), count: 16) == 9)
        #expect(ColorQuantizer.nearestANSI(RGB(250, 0, 0), count: 8) == 1)
        #expect(ColorQuantizer.nearestANSI(RGB(10, 10, 10), count: 16) == 0)
        #expect(ColorQuantizer.nearestANSI(RGB(210, 210, 210), count: 16) == 7)
        #expect(ColorQuantizer.nearestANSI(RGB(120, 120, 120), count: 16) == 8)
        #expect(ColorQuantizer.nearestANSI(RGB(90, 90, 250), count: 16) == 12)
        for (index, colour) in ColorQuantizer.ansiPalette.enumerated() {
            #expect(ColorQuantizer.nearestANSI(colour, count: 16) == index)
        }
    }

    @Test func directNumbersAvoidTheANSIRange() {
        #expect(ColorQuantizer.directNumber(RGB(0x12, 0x34, 0x56)) == 0x123456)
        #expect(ColorQuantizer.directNumber(RGB(0, 0, 8)) == 8)
        #expect(ColorQuantizer.directNumber(RGB(0, 0, 5)) == 0x010005)
        #expect(ColorQuantizer.directNumber(RGB(0, 0, 0)) == 0x010000)
    }

    @Test func colorNumbersPerDepth() {
        let orange = CellColor.rgb(RGB(0xFF, 0x87, 0x00))
        #expect(ColorQuantizer(depth: .direct).colorNumber(orange) == 0xFF8700)
        #expect(ColorQuantizer(depth: .indexed256).colorNumber(orange) == 208)
        #expect(ColorQuantizer(depth: .indexed16).colorNumber(orange) == 3)
        #expect(ColorQuantizer(depth: .indexed8).colorNumber(orange) == 3)
        #expect(ColorQuantizer(depth: .monochrome).colorNumber(orange) == -1)
        for depth in [ColorDepth.direct, .indexed256, .indexed16, .indexed8, .monochrome] {
            #expect(ColorQuantizer(depth: depth).colorNumber(.terminalDefault) == -1)
        }
    }
}
