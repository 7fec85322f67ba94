import ArgumentParser
import FleetDashboard
import FleetSim
import Foundation

/// Options shared by every command that draws the dashboard.
struct DisplayOptions: ParsableArguments {
    @Option(help: "Theme name (see `fleettop themes`) or path of a .theme file.")
    var theme: String?

    @Option(help: "Another folder of .theme files, searched before the standard ones.")
    var themesDir: String?

    @Option(help: ArgumentHelp("Milliseconds between frames (50–10000; default 500, or the config file's).", valueName: "ms"))
    var refresh: Int?

    @Flag(help: "No colours: bold, dim and reverse only (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "ASCII glyphs only (automatic when the locale is not UTF-8).")
    var ascii = false

    @Option(help: ArgumentHelp("Config file (default $XDG_CONFIG_HOME/fleettop/config.yaml).", valueName: "path"))
    var config: String?

    /// The config file: `--config`, else the XDG location; a missing default file is not an error.
    func loadConfig(environment: [String: String]) throws -> FleetConfig {
        let explicit = config
        let path = explicit ?? Self.defaultConfigPath(environment: environment)
        guard let path, FileManager.default.fileExists(atPath: path) else {
            if let explicit { throw UserFailure(message: "fleettop: \(explicit): no such config file") }
            return FleetConfig()
        }
        let text: String
        do { text = try TextFile.read(path, limit: TextFile.settingsLimit) } catch {
            throw UserFailure(message: "fleettop: \(path): cannot read the config file: it \(error)")
        }
        let loaded = FleetConfig.parse(text, file: path)
        for d in loaded.diagnostics where d.severity == .warning { Stderr.print(d.description) }
        if loaded.hasErrors {
            throw UserFailure(message: loaded.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))
        }
        return loaded.config
    }

    /// A `--themes-dir` that is not a folder is an error, not a folder silently skipped.
    static func checkThemesDirectory(_ path: String?) throws {
        guard let path else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UserFailure(message: "fleettop: --themes-dir \(TextSanitizer.clean(path)): no such folder")
        }
    }

    static func defaultConfigPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/fleettop/config.yaml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/fleettop/config.yaml" }
        return nil
    }

    /// The themes with `--theme`, else the config's theme; a theme the config names that cannot be
    /// used is reported against the config's line, followed by the theme file's own error.
    func loadThemes(config: FleetConfig, environment: [String: String]) throws -> (themes: [Theme], index: Int, catalog: ThemeCatalog) {
        if let theme { return try loadThemes(selected: theme, environment: environment) }
        return try ConfigOrigin.attributing("theme", named: config.theme, in: config) {
            try loadThemes(selected: config.theme, environment: environment)
        }
    }

    /// Every theme found, the selected one first in cycle order; a bad selected theme is an error,
    /// other bad theme files are skipped with a warning.
    func loadThemes(selected: String, environment: [String: String]) throws -> (themes: [Theme], index: Int, catalog: ThemeCatalog) {
        try Self.checkThemesDirectory(themesDir)
        let isPath = selected.contains("/") || selected.hasSuffix(".theme")
        let paths = ThemeSearchPaths.standard(themeFile: isPath ? selected : nil, themesDirectory: themesDir,
                                              environment: environment,
                                              executablePath: Self.executablePath,
                                              sourceFilePath: #filePath)
        let catalog = ThemeCatalog.discover(paths)
        let wanted = isPath ? ThemeLoader.themeName(forFile: selected) : selected
        guard catalog.entry(named: wanted) != nil else {
            if isPath { throw UserFailure(message: "fleettop: \(selected): no such theme file") }
            throw UserFailure(message: "fleettop: unknown theme '\(TextSanitizer.clean(selected))' — expected one of "
                + catalog.entries.map(\.name).joined(separator: ", "))
        }
        var themes: [Theme] = []
        var index = 0
        for entry in catalog.entries {
            let result = catalog.load(entry)
            if entry.name == wanted {
                if result.hasErrors {
                    throw UserFailure(message: result.diagnostics.map(\.description).joined(separator: "\n"))
                }
                index = themes.count
            } else if result.hasErrors {
                continue
            }
            themes.append(result.theme)
        }
        return (themes, index, catalog)
    }

    /// The running binary, from /proc (argv[0] may be a bare name found on PATH).
    static var executablePath: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
    }
}
