import FleetSim
import Foundation

/// A Prometheus rules file as far as fleettop needs it: the alerting rules' names and the metric
/// names their expressions mention (so only those series go to the rule engine).
public struct AlertRules: Sendable {
    public let path: String
    /// Alert names in file order, each once.
    public let alertNames: [String]
    /// Every `expr:` of the file (alerting and recording rules).
    public let expressions: [String]

    /// Reads `path`; a file that is not a rules file gives an error naming it (`promtool check rules`
    /// has the last word on validity).
    public static func load(path: String) throws(AlertRulesError) -> AlertRules {
        let text: String
        do {
            text = try TextFile.read(path, limit: TextFile.settingsLimit)
        } catch {
            throw AlertRulesError(message: "\(path): cannot read the rules file: it \(error)")
        }
        let root: ConfigNode?
        do {
            root = try ConfigNode.parseDocument(text)
        } catch {
            throw AlertRulesError(message: "\(path): not valid YAML: \(error.yamlDescription)")
        }
        guard let groups = root?["groups"]?.items else {
            throw AlertRulesError(message: "\(path): not a Prometheus rules file (expected a top-level 'groups:' list)")
        }
        var names: [String] = [], exprs: [String] = []
        for group in groups {
            for rule in group["rules"]?.items ?? [] {
                if let e = rule["expr"]?.scalar { exprs.append(e) }
                if let a = rule["alert"]?.scalar, !names.contains(a) { names.append(a) }
            }
        }
        return AlertRules(path: path, alertNames: names, expressions: exprs)
    }

    /// True when an expression may read family `f`: its name appears as a whole metric name (or
    /// with `_bucket`, `_sum`, `_count`, `_total`), or an expression selects by `__name__`.
    public func mentions(_ f: MetricFamily) -> Bool {
        expressions.contains { e in e.contains("__name__") || Self.mentions(e, name: f.name) }
    }

    static func mentions(_ expr: String, name: String) -> Bool {
        let e = Array(expr.utf8), n = Array(name.utf8)
        guard n.count <= e.count else { return false }
        func identifier(_ c: UInt8) -> Bool {
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c == 58
        }
        var i = 0
        while i + n.count <= e.count {
            if e[i..<(i + n.count)].elementsEqual(n), i == 0 || !identifier(e[i - 1]) {
                var end = i + n.count
                for suffix in ["_bucket", "_sum", "_count", "_total"] {
                    let s = Array(suffix.utf8)
                    if end + s.count <= e.count, e[end..<(end + s.count)].elementsEqual(s) { end += s.count; break }
                }
                if end == e.count || !identifier(e[end]) { return true }
            }
            i += 1
        }
        return false
    }
}

/// A rules file or promtool problem, for the user (exit 2).
public struct AlertRulesError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
