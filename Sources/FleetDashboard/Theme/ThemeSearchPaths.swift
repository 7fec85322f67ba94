/// Where themes are looked for, in DESIGN §5's order. FleetDashboard reads no environment or
/// arguments itself: the executable builds this with `standard(...)` from what it was given.
public struct ThemeSearchPaths: Sendable, Equatable {
    /// `--theme PATH`: one file, listed first.
    public var themeFile: String?
    /// `--themes-dir`.
    public var themesDirectory: String?
    /// `$XDG_CONFIG_HOME/fleettop/themes` or `~/.config/fleettop/themes`.
    public var userDirectory: String?
    /// `share/fleettop/themes` beside the binary.
    public var installedDirectories: [String]
    /// The `Themes/` folder of the source tree the binary was built from.
    public var sourceDirectory: String?

    public init(themeFile: String? = nil, themesDirectory: String? = nil, userDirectory: String? = nil,
                installedDirectories: [String] = [], sourceDirectory: String? = nil) {
        self.themeFile = themeFile; self.themesDirectory = themesDirectory; self.userDirectory = userDirectory
        self.installedDirectories = installedDirectories; self.sourceDirectory = sourceDirectory
    }

    /// The standard search paths. `environment` supplies XDG_CONFIG_HOME and HOME; `executablePath`
    /// is the binary (its `../share/fleettop/themes` and `share/fleettop/themes` are searched);
    /// `sourceFilePath` is any `#filePath` inside the source tree's `Sources/` folder.
    public static func standard(themeFile: String?, themesDirectory: String?, environment: [String: String],
                                executablePath: String?, sourceFilePath: String?) -> ThemeSearchPaths {
        var user: String?
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            user = xdg + "/fleettop/themes"
        } else if let home = environment["HOME"], !home.isEmpty {
            user = home + "/.config/fleettop/themes"
        }
        var installed: [String] = []
        if let exe = executablePath, let slash = exe.lastIndex(of: "/") {
            let bin = String(exe[..<slash])
            installed = [bin + "/../share/fleettop/themes", bin + "/share/fleettop/themes"]
        }
        return ThemeSearchPaths(themeFile: themeFile, themesDirectory: themesDirectory, userDirectory: user,
                                installedDirectories: installed,
                                sourceDirectory: sourceFilePath.flatMap(sourceThemesDirectory(fromFilePath:)))
    }

    /// `/repo/Sources/fleettop/main.swift` → `/repo/Themes` (nil when the path has no `Sources` folder).
    public static func sourceThemesDirectory(fromFilePath path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let i = parts.lastIndex(of: "Sources"), i > 0 else { return nil }
        return parts[..<i].joined(separator: "/") + "/Themes"
    }
}
