import Foundation
import Testing
@testable import FleetDashboard

@Suite("Theme catalog and shipped themes")
struct ThemeCatalogTests {
    static let themesDirectory = ThemeSearchPaths.sourceThemesDirectory(fromFilePath: #filePath.replacingOccurrences(of: "/Tests/", with: "/Sources/"))!

    static func shippedFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: themesDirectory)) ?? []).filter { $0.hasSuffix(".theme") }.sorted()
    }

    @Test("at least six themes plus monochrome ship, each loading cleanly into a complete theme")
    func shipped() throws {
        let files = Self.shippedFiles()
        #expect(files.count >= 7, "\(files)")
        for name in ["default", "light", "high-contrast", "monochrome", "nord", "gruvbox-dark", "dracula"] {
            #expect(files.contains(name + ".theme"))
        }
        for file in files {
            let result = ThemeLoader.load(path: Self.themesDirectory + "/" + file, fallback: nil)
            #expect(result.diagnostics.isEmpty, "\(file): \(result.diagnostics)")
            #expect(result.theme.isComplete, "\(file) sets every key itself")
        }
    }

    @Test("well-known palettes credit their authors")
    func credits() throws {
        for name in ["nord", "gruvbox-dark", "dracula", "solarized-dark"] {
            let text = try String(contentsOfFile: Self.themesDirectory + "/\(name).theme", encoding: .utf8)
            #expect(text.contains("palette:") && text.contains("licence") && text.contains("https://"), "\(name)")
        }
    }

    @Test("the compiled-in default is Themes/default.theme, byte for byte")
    func embeddedDefault() throws {
        let file = try String(contentsOfFile: Self.themesDirectory + "/default.theme", encoding: .utf8)
        #expect(DefaultThemeText.text + "\n" == file)
        #expect(Theme.default.isComplete)
        #expect(Theme.default.name == "default")
    }

    @Test("monochrome is the terminal's own colours everywhere")
    func monochrome() {
        let result = ThemeLoader.load(path: Self.themesDirectory + "/monochrome.theme", fallback: .default)
        #expect(result.theme.colors.values.allSatisfy { $0 == .terminalDefault })
        #expect(result.theme.gradients.values.allSatisfy { $0.allSatisfy { $0 == .terminalDefault } })
    }

    @Test("search order, origins, shadowing, sanitised names, and t cycling")
    func discovery() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("fleettop-theme-catalog-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: root) }
        for dir in ["cli", "user", "src"] { try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true) }
        let body = "theme[main_bg]=\"#101010\"\n"
        try body.write(toFile: root + "/one.theme", atomically: true, encoding: .utf8)
        try body.write(toFile: root + "/cli/alpha.theme", atomically: true, encoding: .utf8)
        try body.write(toFile: root + "/user/alpha.theme", atomically: true, encoding: .utf8)
        try body.write(toFile: root + "/user/bad\u{1b}[31m.theme", atomically: true, encoding: .utf8)
        try body.write(toFile: root + "/user/notes.txt", atomically: true, encoding: .utf8)
        try body.write(toFile: root + "/src/default.theme", atomically: true, encoding: .utf8)

        let paths = ThemeSearchPaths(themeFile: root + "/one.theme", themesDirectory: root + "/cli", userDirectory: root + "/user",
                                     installedDirectories: [root + "/missing"], sourceDirectory: root + "/src")
        let catalog = ThemeCatalog.discover(paths)
        #expect(catalog.entries.map(\.name) == ["one", "alpha", "bad?[31m", "default", "monochrome"])
        #expect(catalog.entries.map(\.origin) == [.commandLine, .themesDirectory, .user, .sourceTree, .builtIn])
        #expect(catalog.entry(named: "alpha")?.path == root + "/cli/alpha.theme", "the first place searched wins")
        #expect(catalog.entries.allSatisfy { !$0.listing.unicodeScalars.contains(where: DisplayWidth.isControl) })
        #expect(catalog.next(after: "one")?.name == "alpha")
        #expect(catalog.next(after: "monochrome")?.name == "one")
        #expect(catalog.next(after: "unknown")?.name == "one")
        let loaded = try #require(catalog.load(named: "default"))
        #expect(loaded.theme.color(.mainBackground) == .rgb(RGB(16, 16, 16)), "a file named default shadows the built-in one")
        #expect(catalog.load(named: "monochrome")?.theme.colors.isEmpty == true)
        #expect(catalog.load(named: "nope") == nil)
    }

    @Test("standard paths follow XDG, then HOME; binary and source tree")
    func standardPaths() {
        let xdg = ThemeSearchPaths.standard(themeFile: nil, themesDirectory: "/d", environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"],
                                            executablePath: "/usr/local/bin/fleettop", sourceFilePath: "/repo/Sources/fleettop/main.swift")
        #expect(xdg.userDirectory == "/x/fleettop/themes")
        #expect(xdg.installedDirectories == ["/usr/local/bin/../share/fleettop/themes", "/usr/local/bin/share/fleettop/themes"])
        #expect(xdg.sourceDirectory == "/repo/Themes")
        #expect(xdg.themesDirectory == "/d")
        let home = ThemeSearchPaths.standard(themeFile: nil, themesDirectory: nil, environment: ["HOME": "/h", "XDG_CONFIG_HOME": "relative"],
                                             executablePath: nil, sourceFilePath: nil)
        #expect(home.userDirectory == "/h/.config/fleettop/themes")
        #expect(home.installedDirectories.isEmpty && home.sourceDirectory == nil)
    }
}

/// `fleettop themes` lines up its columns.
@Suite("Theme list")
struct ThemeListTests {
    @Test("names and origins are padded to their widest entry, so the files line up")
    func aligned() {
        let catalog = ThemeCatalog(entries: [
            .init(name: "default", path: "/a/default.theme", origin: .sourceTree),
            .init(name: "gruvbox-dark", path: "/a/gruvbox-dark.theme", origin: .user),
            .init(name: "x", path: nil, origin: .builtIn),
        ])
        let lines = catalog.table
        #expect(lines == [
            "default       (source tree)  /a/default.theme",
            "gruvbox-dark  (user themes)  /a/gruvbox-dark.theme",
            "x             (built in)     compiled in",
        ])
    }
}
