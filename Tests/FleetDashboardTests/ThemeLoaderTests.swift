import Foundation
import Testing
@testable import FleetDashboard

@Suite("Theme loader")
struct ThemeLoaderTests {
    /// btop's own nord.theme (themes/nord.theme in aristocratos/btop), verbatim: btop key names only.
    static let btopNord = """
    #Bashtop theme with nord palette (https://www.nordtheme.com)
    #by Justin Zobel <justin.zobel@gmail.com>

    # Colors should be in 6 or 2 character hexadecimal or single spaced rgb decimal: "#RRGGBB", "#BW" or "0-255 0-255 0-255"
    # example for white: "#ffffff", "#ff" or "255 255 255".

    # All graphs and meters can be gradients
    # For single color graphs leave "mid" and "end" variable empty.
    # Use "start" and "end" variables for two color gradient
    # Use "start", "mid" and "end" for three color gradient

    # Main background, empty for terminal default, need to be empty if you want transparent background
    theme[main_bg]="#2E3440"

    # Main text color
    theme[main_fg]="#D8DEE9"

    # Title color for boxes
    theme[title]="#8FBCBB"

    # Higlight color for keyboard shortcuts
    theme[hi_fg]="#5E81AC"

    # Background color of selected item in processes box
    theme[selected_bg]="#4C566A"

    # Foreground color of selected item in processes box
    theme[selected_fg]="#ECEFF4"

    # Color of inactive/disabled text
    theme[inactive_fg]="#4C566A"

    # Misc colors for processes box including mini cpu graphs, details memory graph and details status text
    theme[proc_misc]="#5E81AC"

    # Cpu box outline color
    theme[cpu_box]="#4C566A"

    # Memory/disks box outline color
    theme[mem_box]="#4C566A"

    # Net up/down box outline color
    theme[net_box]="#4C566A"

    # Processes box outline color
    theme[proc_box]="#4C566A"

    # Box divider line and small boxes line color
    theme[div_line]="#4C566A"

    # Temperature graph colors
    theme[temp_start]="#81A1C1"
    theme[temp_mid]="#88C0D0"
    theme[temp_end]="#ECEFF4"

    # CPU graph colors
    theme[cpu_start]="#81A1C1"
    theme[cpu_mid]="#88C0D0"
    theme[cpu_end]="#ECEFF4"

    # Mem/Disk free meter
    theme[free_start]="#81A1C1"
    theme[free_mid]="#88C0D0"
    theme[free_end]="#ECEFF4"

    # Mem/Disk cached meter
    theme[cached_start]="#81A1C1"
    theme[cached_mid]="#88C0D0"
    theme[cached_end]="#ECEFF4"

    # Mem/Disk available meter
    theme[available_start]="#81A1C1"
    theme[available_mid]="#88C0D0"
    theme[available_end]="#ECEFF4"

    # Mem/Disk used meter
    theme[used_start]="#81A1C1"
    theme[used_mid]="#88C0D0"
    theme[used_end]="#ECEFF4"

    # Download graph colors
    theme[download_start]="#81A1C1"
    theme[download_mid]="#88C0D0"
    theme[download_end]="#ECEFF4"

    # Upload graph colors
    theme[upload_start]="#81A1C1"
    theme[upload_mid]="#88C0D0"
    theme[upload_end]="#ECEFF4"
    """

    /// Lines in the style of btop's default sample, gruvbox and catppuccin themes: greys as `#GG`,
    /// empty mids, trailing comments, btop's process gradient.
    static let btopMixed = """
    theme[main_bg]="#00"
    theme[main_fg]="#cc"
    theme[cpu_box]="#cba6f7" #Mauve
    theme[used_start]="#cc241d"
    theme[used_mid]=""
    theme[used_end]="#fb4934"
    theme[process_start]="#80d0a3"
    theme[process_mid]="#dcd179"
    theme[process_end]="#d45454"
    theme[meter_bg]="64 64 64"
    """

    func rgb(_ hex: UInt32) -> CellColor { .rgb(RGB(UInt8(hex >> 16), UInt8((hex >> 8) & 255), UInt8(hex & 255))) }

    @Test("btop's own nord.theme loads cleanly into a complete theme through the aliases")
    func btopNordLoads() {
        let result = ThemeLoader.parse(Self.btopNord, name: "nord", file: "nord.theme", fallback: nil)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let t = result.theme
        #expect(t.isComplete, "a btop theme alone, without fallback, sets every fleettop colour and gradient")
        #expect(t.color(.mainBackground) == rgb(0x2E3440))
        #expect(t.color(.mapBox) == rgb(0x4C566A))
        #expect(t.color(.ok) == rgb(0x5E81AC), "proc_misc")
        #expect(t.color(.headerForeground) == rgb(0x8FBCBB), "title")
        #expect(t.gradient(.thermal, at: 0) == rgb(0x81A1C1))
        #expect(t.gradient(.thermal, at: 0.5) == rgb(0x88C0D0))
        #expect(t.gradient(.thermal, at: 1) == rgb(0xECEFF4))
    }

    @Test("every key of btop's default theme is accepted")
    func btopKeyList() {
        let keys = ["main_bg", "main_fg", "title", "hi_fg", "selected_bg", "selected_fg", "inactive_fg", "graph_text",
                    "meter_bg", "proc_misc", "cpu_box", "mem_box", "net_box", "proc_box", "div_line"]
            + ["temp", "cpu", "free", "cached", "available", "used", "download", "upload", "process"]
                .flatMap { ["\($0)_start", "\($0)_mid", "\($0)_end"] }
        #expect(keys.count == 42)
        for key in keys { #expect(ThemeKeys.isKnown(key), "\(key)") }
        #expect(!ThemeKeys.isKnown("sparkle") && !ThemeKeys.isKnown("temp_middle") && !ThemeKeys.isKnown("_start"))
    }

    @Test("grey #GG, decimal R G B, empty mids, trailing comments, process → fault")
    func btopForms() {
        let result = ThemeLoader.parse(Self.btopMixed, name: "mixed", file: "mixed.theme")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let t = result.theme
        #expect(t.isComplete)
        #expect(t.color(.mainBackground) == rgb(0x000000))
        #expect(t.color(.mainForeground) == rgb(0xCCCCCC))
        #expect(t.color(.meterBackground) == rgb(0x404040))
        #expect(t.color(.mapBox) == rgb(0xCBA6F7))
        #expect(t.gradient(.power, at: 0) == rgb(0xCC241D))
        #expect(t.gradient(.power, at: 1) == rgb(0xFB4934))
        #expect(t.gradient(.power, at: 0.5) == .rgb(RGB(0xE4, 0x37, 0x29)), "two stops run linearly")
        #expect(t.gradient(.fault, at: 1) == rgb(0xD45454))
        #expect(t.color(.critical) == rgb(0xFB4934), "used_end")
        #expect(t.color(.title) == Theme.default.color(.title), "unset keys fall back to the default theme")
        #expect(t.gradients[.latency] == Theme.default.gradients[.latency])
    }

    @Test("bad lines and values are reported with file and line; the theme stays complete")
    func badFile() {
        let text = """
        # a comment
        theme[main_bg]="#12345"
        theme[main_fg]="300 0 0"
        theme[sparkle]="#ffffff"
        theme[title]"#ffffff"
        theme[hi_fg]="#ffffff
        main_fg = white
        theme[thermal_mid]="#ffffff"
        theme[title]="#ff"
        theme[title]="#ee" trailing
        """
        let result = ThemeLoader.parse(text, name: "bad", file: "/t/bad.theme")
        let d = result.diagnostics.map(\.description)
        #expect(d.contains("/t/bad.theme:2: error: bad colour \"#12345\" for main_bg: want #RRGGBB, #GG, \"R G B\" (0-255) or empty"))
        #expect(d.contains { $0.hasPrefix("/t/bad.theme:3: error: bad colour \"300 0 0\" for main_fg") })
        #expect(d.contains("/t/bad.theme:4: warning: unknown key sparkle (ignored)"))
        #expect(d.contains { $0.hasPrefix("/t/bad.theme:5: error: expected theme[key]=\"value\" (missing =)") })
        #expect(d.contains { $0.hasPrefix("/t/bad.theme:6: error: unterminated quote") })
        #expect(d.contains { $0.hasPrefix("/t/bad.theme:7: error: expected theme[key]=\"value\"") })
        #expect(d.contains("/t/bad.theme:8: error: thermal_mid or thermal_end given without thermal_start"))
        #expect(d.contains { $0.hasPrefix("/t/bad.theme:10: warning: text after the value of title ignored") })
        #expect(d.contains { $0.hasPrefix("/t/bad.theme:10: warning: title already set on line 9") })
        #expect(result.hasErrors)
        #expect(result.theme.isComplete)
        #expect(result.theme.color(.mainBackground) == Theme.default.color(.mainBackground))
        #expect(result.theme.color(.title) == rgb(0xEEEEEE))
    }

    @Test("Windows line ends, a byte-order mark and unquoted values are read as btop reads them")
    func lineEnds() {
        let result = ThemeLoader.parse("\u{FEFF}theme[main_bg]=\"#101010\"\r\ntheme[main_fg]=#20 # grey\r\n", name: "crlf", file: "f")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.theme.color(.mainBackground) == rgb(0x101010) && result.theme.color(.mainForeground) == rgb(0x202020))
    }

    @Test("control characters in keys, values and names never reach a message or a name")
    func sanitised() {
        let result = ThemeLoader.parse("theme[a\u{1b}[2J]=\"x\u{7}\"\n", name: "evil\u{1b}]0;pwned\u{7}", file: "f")
        #expect(result.diagnostics.count == 1)
        for d in result.diagnostics { #expect(!d.description.unicodeScalars.contains(where: DisplayWidth.isControl)) }
        #expect(!result.theme.name.unicodeScalars.contains(where: DisplayWidth.isControl))
        #expect(ThemeLoader.themeName(forFile: "/x/we\u{9b}ird.theme") == "we?ird")
    }

    @Test("colour values", arguments: [
        ("#ff8000", CellColor.rgb(RGB(255, 128, 0))), ("#FF8000", .rgb(RGB(255, 128, 0))), ("#80", .rgb(RGB(128, 128, 128))),
        ("255 128 0", .rgb(RGB(255, 128, 0))), ("  1  2 3 ", .rgb(RGB(1, 2, 3))), ("", .terminalDefault),
    ])
    func values(text: String, expected: CellColor) {
        #expect(ThemeColorValue.parse(text) == expected)
    }

    @Test("rejected colour values", arguments: ["#12345", "#ggg000", "#", "red", "1 2", "1 2 3 4", "256 0 0", "-1 0 0"])
    func badValues(text: String) {
        #expect(ThemeColorValue.parse(text) == nil)
    }

    @Test("gradients have 101 steps: flat, two stops, three stops through the mid at 50")
    func gradients() {
        let a = CellColor.rgb(RGB(0, 0, 0)), b = CellColor.rgb(RGB(100, 200, 50)), c = CellColor.rgb(RGB(200, 0, 250))
        let flat = ThemeGradientBuilder.expand(start: a, mid: .terminalDefault, end: .terminalDefault)
        #expect(flat.count == 101 && Set(flat) == [a])
        let two = ThemeGradientBuilder.expand(start: a, mid: .terminalDefault, end: b)
        #expect(two.count == 101 && two[0] == a && two[100] == b && two[50] == .rgb(RGB(50, 100, 25)))
        let three = ThemeGradientBuilder.expand(start: a, mid: b, end: c)
        #expect(three.count == 101 && three[0] == a && three[50] == b && three[100] == c && three[75] == .rgb(RGB(150, 100, 150)))
        #expect(Set(ThemeGradientBuilder.expand(start: .terminalDefault, mid: .terminalDefault, end: .terminalDefault)) == [.terminalDefault])
    }
}
