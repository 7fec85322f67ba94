import FleetSim
import Foundation

/// Reads theme files in btop's line format (DESIGN §5): `theme[key]="value"`, `#` comments.
/// Problems come back as diagnostics with file and line; the theme is always complete (unset or
/// bad settings take the fallback theme's value).
public enum ThemeLoader {
    /// A loaded theme and what was wrong with its file.
    public struct Result: Sendable {
        public var theme: Theme
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Longest theme name shown (names come from file names and are sanitised).
    public static let nameLimit = 48

    /// A displayable theme name from a file name: extension dropped, control characters replaced.
    public static func themeName(forFile path: String) -> String {
        var base = Substring(path.split(separator: "/").last ?? Substring(path))
        if base.hasSuffix(".theme") { base = base.dropLast(6) }
        return TextSanitizer.clean(String(base), limit: nameLimit)
    }

    /// Parses theme text. `file` names it in diagnostics; `fallback` fills what it leaves unset.
    public static func parse(_ text: String, name: String, file: String, fallback: Theme? = .default) -> Result {
        var values: [String: (value: CellColor, line: Int)] = [:]
        var problems: [Diagnostic] = []
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text  // a byte-order mark some editors write
        for (index, rawLine) in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = index + 1
            let trimmed = ThemeColorValue.trim(String(rawLine))
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            switch parseLine(trimmed) {
            case .failure(let message):
                problems.append(Diagnostic(.error, file: file, line: line, message))
            case .success(let entry):
                let key = TextSanitizer.clean(entry.key, limit: 40)
                guard ThemeKeys.isKnown(entry.key) else {
                    problems.append(Diagnostic(.warning, file: file, line: line, "unknown key \(key) (ignored)"))
                    continue
                }
                if !entry.trailing.isEmpty {
                    problems.append(Diagnostic(.warning, file: file, line: line,
                                               "text after the value of \(key) ignored: \(TextSanitizer.clean(entry.trailing, limit: 40))"))
                }
                guard let color = ThemeColorValue.parse(entry.value) else {
                    problems.append(Diagnostic(.error, file: file, line: line,
                        "bad colour \"\(TextSanitizer.clean(entry.value, limit: 40))\" for \(key): want #RRGGBB, #GG, \"R G B\" (0-255) or empty"))
                    continue
                }
                if let earlier = values[entry.key] {
                    problems.append(Diagnostic(.warning, file: file, line: line,
                                               "\(key) already set on line \(earlier.line); this line wins"))
                }
                values[entry.key] = (color, line)
            }
        }
        var colors: [ThemeColor: CellColor] = [:]
        for role in ThemeColor.allCases {
            let source = ThemeKeys.colorSources[role] ?? [role.rawValue]
            if let key = source.first(where: { values[$0] != nil }) {
                colors[role] = values[key]!.value
            } else if let fallback {
                colors[role] = fallback.color(role)
            }
        }
        var gradients: [ThemeGradient: [CellColor]] = [:]
        for g in ThemeGradient.allCases {
            let bases = ThemeKeys.gradientSources[g] ?? [g.rawValue]
            let base = bases.first { b in ThemeKeys.gradientParts.contains { values["\(b)_\($0)"] != nil } }
            if let base {
                let parts = ThemeKeys.gradientParts.map { values["\(base)_\($0)"] }
                if parts[0] == nil {
                    problems.append(Diagnostic(.error, file: file, line: (parts[1] ?? parts[2])?.line ?? 0,
                                               "\(base)_mid or \(base)_end given without \(base)_start"))
                } else {
                    gradients[g] = ThemeGradientBuilder.expand(start: parts[0]!.value, mid: parts[1]?.value ?? .terminalDefault,
                                                               end: parts[2]?.value ?? .terminalDefault)
                    continue
                }
            }
            if let steps = fallback?.gradients[g] { gradients[g] = steps }
        }
        return Result(theme: Theme(name: TextSanitizer.clean(name, limit: nameLimit), colors: colors, gradients: gradients),
                      diagnostics: problems)
    }

    /// Reads and parses a theme file; an unreadable file is one error and the fallback theme.
    public static func load(path: String, fallback: Theme? = .default) -> Result {
        let name = themeName(forFile: path)
        do {
            return parse(try TextFile.read(path, limit: TextFile.settingsLimit), name: name, file: path, fallback: fallback)
        } catch {
            let message = error.reason == "is not UTF-8 text" ? "not UTF-8 text" : "cannot read the theme file: it \(error)"
            return Result(theme: fallback.map { renamed($0, name) } ?? Theme(name: name, colors: [:], gradients: [:]),
                          diagnostics: [Diagnostic(.error, file: path, line: 0, message)])
        }
    }

    private static func renamed(_ theme: Theme, _ name: String) -> Theme {
        var t = theme
        t.name = name
        return t
    }

    struct Entry { var key: String; var value: String; var trailing: String }

    enum LineResult { case success(Entry), failure(String) }

    /// `theme[key]="value"` or `theme[key]=value` (unquoted: up to the first blank), then
    /// optionally a `#` comment.
    static func parseLine(_ line: String) -> LineResult {
        let expected = "expected theme[key]=\"value\""
        guard line.hasPrefix("theme[") else { return .failure(expected) }
        let afterOpen = line.dropFirst(6)
        guard let close = afterOpen.firstIndex(of: "]") else { return .failure(expected + " (missing ])") }
        let key = ThemeColorValue.trim(String(afterOpen[..<close]))
        guard !key.isEmpty else { return .failure(expected + " (empty key)") }
        var rest = Substring(ThemeColorValue.trim(String(afterOpen[afterOpen.index(after: close)...])))
        guard rest.first == "=" else { return .failure(expected + " (missing =)") }
        rest = Substring(ThemeColorValue.trim(String(rest.dropFirst())))
        let value: String
        if rest.first == "\"" {
            let body = rest.dropFirst()
            guard let end = body.firstIndex(of: "\"") else { return .failure("unterminated quote in the value of \(TextSanitizer.clean(key, limit: 40))") }
            value = String(body[..<end])
            rest = body[body.index(after: end)...]
        } else {
            let end = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? rest.endIndex
            value = String(rest[..<end])
            rest = rest[end...]
        }
        var trailing = ThemeColorValue.trim(String(rest))
        if trailing.hasPrefix("#") { trailing = "" }
        return .success(Entry(key: key, value: value, trailing: trailing))
    }
}
