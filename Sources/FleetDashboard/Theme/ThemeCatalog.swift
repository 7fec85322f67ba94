import FleetSim
import Foundation

/// Every theme fleettop can find, with where each was found, in search order (first name wins).
/// `t` walks it with `next(after:)`; `fleettop themes` prints `entries`.
public struct ThemeCatalog: Sendable {
    /// Where a theme came from.
    public enum Origin: String, Sendable, Hashable {
        case commandLine = "--theme"
        case themesDirectory = "--themes-dir"
        case user = "user themes"
        case installed = "installed"
        case sourceTree = "source tree"
        case builtIn = "built in"
    }

    /// One theme: its name (sanitised file name), file (nil when built in) and origin.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var path: String?
        public var origin: Origin
        public init(name: String, path: String?, origin: Origin) { self.name = name; self.path = path; self.origin = origin }

        /// "nord  /home/u/.config/fleettop/themes/nord.theme (user themes)", safe to print.
        public var listing: String { TextSanitizer.clean("\(name)  \(path ?? "compiled in") (\(origin.rawValue))") }
    }

    /// Every theme found, in search order; `t` cycles in this order.
    public private(set) var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// `fleettop themes`: one line per theme in aligned columns (name, where it was found, its
    /// file), safe to print.
    public var table: [String] {
        let names = entries.map { TextSanitizer.clean($0.name) }
        let origins = entries.map { "(" + $0.origin.rawValue + ")" }
        let nameW = names.map { DisplayWidth.of($0) }.max() ?? 0
        let originW = origins.map { DisplayWidth.of($0) }.max() ?? 0
        return entries.indices.map { i in
            let line = NumberFormat.padRight(names[i], nameW) + "  " + NumberFormat.padRight(origins[i], originW) + "  "
                + TextSanitizer.clean(entries[i].path ?? "compiled in")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
    }

    /// Lists the `*.theme` files in each place of `paths`, then the built-in default and monochrome
    /// themes when no file took their names. Missing folders are skipped.
    public static func discover(_ paths: ThemeSearchPaths) -> ThemeCatalog {
        var entries: [Entry] = []
        var seen: Set<String> = []
        func add(_ entry: Entry) {
            guard !seen.contains(entry.name) else { return }
            seen.insert(entry.name)
            entries.append(entry)
        }
        if let file = paths.themeFile { add(Entry(name: ThemeLoader.themeName(forFile: file), path: file, origin: .commandLine)) }
        let folders: [(String?, Origin)] = [(paths.themesDirectory, .themesDirectory), (paths.userDirectory, .user)]
            + paths.installedDirectories.map { ($0, .installed) } + [(paths.sourceDirectory, .sourceTree)]
        for (folder, origin) in folders {
            guard let folder else { continue }
            for file in themeFiles(in: folder) {
                add(Entry(name: ThemeLoader.themeName(forFile: file), path: folder + "/" + file, origin: origin))
            }
        }
        add(Entry(name: Theme.default.name, path: nil, origin: .builtIn))
        add(Entry(name: Theme.monochrome.name, path: nil, origin: .builtIn))
        return ThemeCatalog(entries: entries)
    }

    private static func themeFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".theme") && !$0.hasPrefix(".") }.sorted()
    }

    /// The entry called `name`, if any.
    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// The entry after the one called `name`, wrapping around (the first when `name` is unknown).
    public func next(after name: String) -> Entry? {
        guard !entries.isEmpty else { return nil }
        guard let i = entries.firstIndex(where: { $0.name == name }) else { return entries[0] }
        return entries[(i + 1) % entries.count]
    }

    /// Loads an entry; built-in entries never fail.
    public func load(_ entry: Entry) -> ThemeLoader.Result {
        guard let path = entry.path else {
            return ThemeLoader.Result(theme: entry.name == Theme.monochrome.name ? .monochrome : .default, diagnostics: [])
        }
        var result = ThemeLoader.load(path: path)
        result.theme.name = entry.name
        return result
    }

    /// Loads the theme called `name`, or nil when the catalog has none by that name.
    public func load(named name: String) -> ThemeLoader.Result? { entry(named: name).map(load) }
}
