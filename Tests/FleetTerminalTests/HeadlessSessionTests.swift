import CNCursesW
import FleetDashboard
import Testing
@testable import FleetTerminal
#if canImport(Glibc)
import Glibc
#endif

/// ncurses keeps one current screen per process, so every test that opens one runs in this
/// serialized suite (its nested suites included).
@Suite(.serialized) struct HeadlessSessionTests {
    /// One cell read back from ncurses' standard screen.
    struct ScreenCell: Equatable {
        var glyph: Unicode.Scalar
        var attributes: attr_t
        var foreground: Int32
        var background: Int32
    }

    static func readCell(x: Int, y: Int) -> ScreenCell {
        var cell = cchar_t()
        _ = mvwin_wch(cnc_stdscr(), Int32(y), Int32(x), &cell)
        var ch: wchar_t = 0
        var attrs: attr_t = 0
        var pair: Int32 = 0
        _ = cnc_getcchar(&cell, &ch, &attrs, &pair)
        var fg: Int32 = -1, bg: Int32 = -1
        if pair > 0 { _ = extended_pair_content(pair, &fg, &bg) }
        return ScreenCell(glyph: Unicode.Scalar(UInt32(bitPattern: ch)) ?? "?",
                          attributes: attrs & cnc_a_attributes(), foreground: fg, background: bg)
    }

    @Test func refusesUnknownMissingAndDumbTerminals() throws {
        #expect(throws: TerminalError.unknownTerminal("fleettop-no-such-terminal")) {
            try HeadlessTerminal(term: "fleettop-no-such-terminal")
        }
        #expect(throws: TerminalError.noTerminalType) { try HeadlessTerminal(term: "") }
        if Terminfo.has("dumb") {
            #expect(throws: TerminalError.unsupportedTerminal("dumb")) { try HeadlessTerminal(term: "dumb") }
        }
        // A refused terminal leaves nothing open behind it.
        #expect(!TerminalGuard.isArmed)
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func onlyOneSessionAtATime() throws {
        let first = try HeadlessTerminal(term: "xterm-256color")
        defer { first.close() }
        #expect(throws: TerminalError.alreadyOpen) { try HeadlessTerminal(term: "xterm-256color") }
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func xterm256() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        #expect(t.session.colorDepth == .indexed256)
        #expect(t.session.glyphMode == .unicode)
        #expect(t.session.size.columns > 0 && t.session.size.rows > 0)
    }

    @Test(.enabled(if: Terminfo.has("xterm-direct"), "no xterm-direct terminfo entry (Debian: apt-get install ncurses-term)"))
    func xtermDirect() throws {
        let t = try HeadlessTerminal(term: "xterm-direct")
        defer { t.close() }
        #expect(t.session.colorDepth == .direct)
        var canvas = Canvas(width: t.session.size.columns, height: t.session.size.rows)
        let orange = CellStyle(foreground: .rgb(RGB(0xFF, 0x87, 0x00)), background: .rgb(RGB(0, 0, 1)))
        canvas.text("direct", x: 0, y: 0, style: orange)
        t.session.draw(canvas)
        let cell = Self.readCell(x: 0, y: 0)
        #expect(cell.glyph == "d")
        #expect(cell.foreground == 0xFF8700)
        #expect(cell.background == 0x010001)
    }

    @Test(.enabled(if: Terminfo.has("xterm-16color"), "no xterm-16color terminfo entry (Debian: apt-get install ncurses-term)"))
    func xterm16() throws {
        let t = try HeadlessTerminal(term: "xterm-16color")
        defer { t.close() }
        #expect(t.session.colorDepth == .indexed16)
    }

    @Test(.enabled(if: Terminfo.has("xterm-color"), "no xterm-color terminfo entry"))
    func xterm8() throws {
        let t = try HeadlessTerminal(term: "xterm-color")
        defer { t.close() }
        #expect(t.session.colorDepth == .indexed8)
    }

    @Test(.enabled(if: Terminfo.has("vt100"), "no vt100 terminfo entry"))
    func vt100IsMonochrome() throws {
        let t = try HeadlessTerminal(term: "vt100")
        defer { t.close() }
        #expect(t.session.colorDepth == .monochrome)
        var canvas = Canvas(width: 10, height: 1)
        canvas.text("mono", x: 0, y: 0, style: CellStyle(foreground: .rgb(RGB(255, 0, 0)), attributes: [.bold, .reverse]))
        t.session.draw(canvas)
        let cell = Self.readCell(x: 0, y: 0)
        #expect(cell.glyph == "m")
        #expect(cell.attributes == cnc_a_bold() | cnc_a_reverse())
        #expect(t.session.lastDrawStats.pairsDefined == 0)
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func noColorForcesMonochrome() throws {
        let byEnvironment = try HeadlessTerminal(term: "xterm-256color", environment: ["NO_COLOR": "1"])
        #expect(byEnvironment.session.colorDepth == .monochrome)
        byEnvironment.close()
        let byOption = try HeadlessTerminal(term: "xterm-256color", noColor: true)
        #expect(byOption.session.colorDepth == .monochrome)
        byOption.close()
        let emptyValue = try HeadlessTerminal(term: "xterm-256color", environment: ["NO_COLOR": ""])
        #expect(emptyValue.session.colorDepth == .indexed256)
        emptyValue.close()
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func glyphModeFollowsLocaleAndOption() throws {
        let c = try HeadlessTerminal(term: "xterm-256color", locale: "C")
        #expect(c.session.glyphMode == .ascii)
        // A non-ASCII glyph never reaches a non-UTF-8 terminal.
        var canvas = Canvas(width: 4, height: 1)
        canvas.text("é─", x: 0, y: 0, style: .plain)
        c.session.draw(canvas)
        #expect(Self.readCell(x: 0, y: 0).glyph == "?")
        c.close()
        let forced = try HeadlessTerminal(term: "xterm-256color", forceASCII: true)
        #expect(forced.session.glyphMode == .ascii)
        forced.close()
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func drawsGlyphsStylesAndWideCharacters() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        var canvas = Canvas(width: t.session.size.columns, height: t.session.size.rows)
        let red = CellStyle(foreground: .rgb(RGB(255, 0, 0)), attributes: .bold)
        let onGrey = CellStyle(foreground: .rgb(RGB(0, 0, 255)), background: .rgb(RGB(128, 128, 128)), attributes: .underline)
        canvas.text("héllo 世界", x: 0, y: 0, style: red)
        canvas.text("╭─ box", x: 2, y: 1, style: onGrey)
        canvas.put("\u{7}", x: 0, y: 2, style: .plain)
        t.session.draw(canvas)

        let h = Self.readCell(x: 0, y: 0)
        #expect(h == ScreenCell(glyph: "h", attributes: cnc_a_bold(), foreground: 196, background: -1))
        #expect(Self.readCell(x: 1, y: 0).glyph == "é")
        #expect(Self.readCell(x: 6, y: 0).glyph == "世")
        #expect(Self.readCell(x: 8, y: 0).glyph == "界")
        #expect(Self.readCell(x: 10, y: 0).glyph == " ")
        let corner = Self.readCell(x: 2, y: 1)
        #expect(corner == ScreenCell(glyph: "╭", attributes: cnc_a_underline(), foreground: 21, background: 244))
        // A control character in a cell is replaced, never sent.
        #expect(Self.readCell(x: 0, y: 2).glyph == "?")
        #expect(!t.transcript.contains("\u{7}"))
        #expect(t.session.lastDrawStats.cellsWritten == canvas.width * canvas.height)
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func identicalFrameWritesNothing() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        var canvas = Canvas(width: t.session.size.columns, height: t.session.size.rows)
        canvas.text("fleettop 世界", x: 3, y: 2, style: CellStyle(foreground: .rgb(RGB(0, 200, 0))))
        t.session.draw(canvas)
        let afterFirst = t.bytesWritten
        #expect(afterFirst > 0)

        t.session.draw(canvas)
        #expect(t.session.lastDrawStats == DrawStats())
        #expect(t.bytesWritten == afterFirst)

        canvas.put("F", x: 3, y: 2, style: CellStyle(foreground: .rgb(RGB(0, 200, 0))))
        t.session.draw(canvas)
        #expect(t.session.lastDrawStats.cellsWritten == 1)
        #expect(t.session.lastDrawStats.runs == 1)
        #expect(t.bytesWritten > afterFirst)
        #expect(Self.readCell(x: 3, y: 2).glyph == "F")

        // Changing one half of a wide glyph rewrites both halves.
        canvas.text("界", x: 12, y: 2, style: CellStyle(foreground: .rgb(RGB(0, 200, 0))))
        t.session.draw(canvas)
        #expect(t.session.lastDrawStats.cellsWritten == 2)
        #expect(Self.readCell(x: 12, y: 2).glyph == "界")

        t.session.invalidate()
        t.session.draw(canvas)
        #expect(t.session.lastDrawStats.cellsWritten == canvas.width * canvas.height)
    }

    @Test(.enabled(if: Terminfo.has("xterm-256color"), "no xterm-256color terminfo entry"))
    func resizeAndClipping() throws {
        let t = try HeadlessTerminal(term: "xterm-256color")
        defer { t.close() }
        _ = resizeterm(30, 100)
        #expect(t.session.readEvent(timeoutMilliseconds: 0) == .resize(columns: 100, rows: 30))
        #expect(t.session.size == TerminalSize(columns: 100, rows: 30))
        // A canvas larger than the screen is clipped; the bottom-right cell is written too.
        var canvas = Canvas(width: 120, height: 40)
        canvas.fill(canvas.bounds, glyph: "x", style: .plain)
        t.session.draw(canvas)
        #expect(Self.readCell(x: 99, y: 29).glyph == "x")
        #expect(t.session.lastDrawStats.cellsWritten == 100 * 30)
        // A smaller canvas after a resize leaves the rest of the screen blank.
        _ = resizeterm(20, 50)
        _ = t.session.readEvent(timeoutMilliseconds: 0)
        var small = Canvas(width: 10, height: 5)
        small.fill(small.bounds, glyph: "o", style: .plain)
        t.session.draw(small)
        #expect(Self.readCell(x: 9, y: 4).glyph == "o")
        #expect(Self.readCell(x: 10, y: 4).glyph == " ")
        #expect(Self.readCell(x: 49, y: 19).glyph == " ")
    }

    @Test(.enabled(if: Terminfo.has("xterm-color"), "no xterm-color terminfo entry"))
    func colourPairCacheResetsWhenFull() throws {
        let t = try HeadlessTerminal(term: "xterm-color")
        defer { t.close() }
        let palette = ColorQuantizer.ansiPalette.prefix(8).map(CellColor.rgb)
        // 8 × 7 = 56 pairs fit in xterm-color's 64; two frames of different pairs do not.
        var canvas = Canvas(width: 8, height: 8)
        for (y, fg) in palette.enumerated() {
            for (x, bg) in palette.enumerated() where x != y {
                canvas.put("#", x: x, y: y, style: CellStyle(foreground: fg, background: bg))
            }
        }
        t.session.draw(canvas)
        #expect(t.session.lastDrawStats.pairResets == 0)
        #expect(t.session.lastDrawStats.pairsDefined == 56)
        var second = Canvas(width: 8, height: 8)
        for (y, fg) in palette.enumerated() {
            for x in 0..<8 { second.put("+", x: x, y: y, style: CellStyle(foreground: fg, background: .rgb(RGB(0, 0, 0)))) }
            second.put("-", x: 0, y: y, style: CellStyle(foreground: fg))
        }
        t.session.draw(second)
        #expect(t.session.lastDrawStats.pairResets == 1)
        #expect(t.session.lastDrawStats.cellsWritten > 64, "the interrupted pass plus the full repaint")
        let cell = Self.readCell(x: 3, y: 1)
        #expect(cell.glyph == "+")
        #expect(cell.foreground == 1 && cell.background == 0)
    }
}
