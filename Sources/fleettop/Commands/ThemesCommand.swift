import FleetSim
import ArgumentParser
import FleetDashboard
import Foundation

/// `fleettop themes`: list the themes found, or check one file.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List themes and where each was found; --check PATH validates a theme file."
    )

    @Option(help: ArgumentHelp("Validate this theme file: exit 0 when valid, 1 with its errors.", valueName: "path"))
    var check: String?

    @Option(help: "Another folder of .theme files, searched before the standard ones.")
    var themesDir: String?

    func run() throws {
        if let check {
            guard FileManager.default.fileExists(atPath: check) else {
                Stderr.print("fleettop themes: \(check): no such file")
                throw ExitCode(2)
            }
            let result = ThemeLoader.load(path: check)
            for d in result.diagnostics { print(d.description) }
            if result.hasErrors { throw ExitCode(1) }
            print("\(TextSanitizer.clean(check)): valid theme '\(result.theme.name)'"
                + (result.diagnostics.isEmpty ? "" : " (\(result.diagnostics.count) warning(s))"))
            return
        }
        try CommandErrors.reporting("fleettop themes") { try DisplayOptions.checkThemesDirectory(themesDir) }
        let paths = ThemeSearchPaths.standard(themeFile: nil, themesDirectory: themesDir,
                                              environment: ProcessInfo.processInfo.environment,
                                              executablePath: DisplayOptions.executablePath, sourceFilePath: #filePath)
        let catalog = ThemeCatalog.discover(paths)
        for line in catalog.table { print(line) }
    }
}
