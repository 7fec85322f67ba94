/// A named figure of a snapshot, as drills, stories and `fleettop drill --metrics` write it:
/// `goodput`, `gpus_down_ratio`, `chat.ttft.p99`, `agentic.task_e2e.p99`, `fleet.facility_power_kw`,
/// `sites.metro-edge.facility_power_kw`, `sites.metro-edge.h1.die_c_max`, `failures.gpu`.
/// Parsing checks the shape; site names and hall numbers are checked against a snapshot.
public struct MetricPath: Sendable, Hashable, CustomStringConvertible {
    /// The path as written.
    public let text: String
    public let unit: MetricUnit
    /// What the figure means, one line.
    public let summary: String
    private let scope: Scope

    private enum Scope: Sendable {
        case shorthand(Int), fleet(Int), requestClass(RequestClass, Int), agentic(Int)
        case site(String, Int), hall(String, Int, Int), failures(Int)
    }

    /// The top-level words a path may start with, for error messages.
    public static var roots: [String] {
        MetricCatalog.shorthand.map(\.name) + ["fleet", "sites", "failures"] + RequestClass.allCases.map(\.name)
    }

    /// Parses a path; throws with the valid choices at the first word that does not fit.
    public init(_ text: String) throws(MetricPathError) {
        let words = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func field<T>(_ table: [MetricField<T>], _ rest: ArraySlice<String>, _ prefix: String) throws(MetricPathError) -> Int {
            let name = rest.joined(separator: ".")
            guard let i = table.firstIndex(where: { $0.name == name }) else {
                throw MetricPathError(path: text, message: name.isEmpty ? "'\(text)' needs a field after '\(prefix).'"
                                                                       : "unknown field '\(name)' in '\(text)'",
                                      expected: table.map { "\(prefix).\($0.name)" })
            }
            return i
        }
        let root = words[0]
        let scope: Scope
        if words.count == 1, let i = MetricCatalog.shorthand.firstIndex(where: { $0.name == root }) {
            scope = .shorthand(i)
        } else if root == "fleet" {
            scope = .fleet(try field(MetricCatalog.fleet, words.dropFirst(), "fleet"))
        } else if root == "failures" {
            scope = .failures(try field(MetricCatalog.failures, words.dropFirst(), "failures"))
        } else if let c = RequestClass(name: root) {
            let rest = words.dropFirst()
            if c == .agentic, let i = MetricCatalog.agentic.firstIndex(where: { $0.name == rest.joined(separator: ".") }) {
                scope = .agentic(i)
            } else {
                do {
                    scope = .requestClass(c, try field(MetricCatalog.requestClass, rest, root))
                } catch {
                    var e = error
                    if c == .agentic { e.expected += MetricCatalog.agentic.map { "agentic.\($0.name)" } }
                    throw e
                }
            }
        } else if root == "sites" {
            guard words.count >= 3, !words[1].isEmpty else {
                throw MetricPathError(path: text, message: "'\(text)' needs a site name and a field",
                                      expected: ["sites.NAME.FIELD", "sites.NAME.hN.FIELD"])
            }
            let site = words[1]
            if words.count >= 4, words[2].hasPrefix("h"), let n = Int(words[2].dropFirst()), n >= 1 {
                scope = .hall(site, n, try field(MetricCatalog.hall, words.dropFirst(3), "sites.\(site).\(words[2])"))
            } else {
                scope = .site(site, try field(MetricCatalog.site, words.dropFirst(2), "sites.\(site)"))
            }
        } else {
            throw MetricPathError(path: text, message: "unknown metric '\(text)'", expected: Self.roots)
        }
        self.text = text
        self.scope = scope
        (unit, summary) = Self.describe(scope)
    }

    private static func describe(_ scope: Scope) -> (MetricUnit, String) {
        switch scope {
        case .shorthand(let i): (MetricCatalog.shorthand[i].unit, MetricCatalog.shorthand[i].summary)
        case .fleet(let i): (MetricCatalog.fleet[i].unit, MetricCatalog.fleet[i].summary)
        case .requestClass(_, let i): (MetricCatalog.requestClass[i].unit, MetricCatalog.requestClass[i].summary)
        case .agentic(let i): (MetricCatalog.agentic[i].unit, MetricCatalog.agentic[i].summary)
        case .site(_, let i): (MetricCatalog.site[i].unit, MetricCatalog.site[i].summary)
        case .hall(_, _, let i): (MetricCatalog.hall[i].unit, MetricCatalog.hall[i].summary)
        case .failures(let i): (MetricCatalog.failures[i].unit, MetricCatalog.failures[i].summary)
        }
    }

    /// The site a path refers to, if any (to check it against the fleet).
    public var siteName: String? {
        switch scope {
        case .site(let s, _), .hall(let s, _, _): s
        default: nil
        }
    }

    /// The value in a snapshot; nil when the site or hall does not exist or the figure is absent
    /// (e.g. `governor_cap_w` while the governor is not capping).
    public func value(in s: Snapshot) -> Double? {
        switch scope {
        case .shorthand(let i): return MetricCatalog.shorthand[i].read(s)
        case .fleet(let i): return MetricCatalog.fleet[i].read(s.totals)
        case .requestClass(let c, let i): return s.classes.indices.contains(c.rawValue) ? MetricCatalog.requestClass[i].read(s[c]) : nil
        case .agentic(let i): return MetricCatalog.agentic[i].read(s.agentic)
        case .failures(let i): return MetricCatalog.failures[i].read(s.failures)
        case .site(let name, let i):
            return s.sites.first(where: { $0.name == name }).flatMap { MetricCatalog.site[i].read($0) }
        case .hall(let name, let n, let i):
            guard let site = s.sites.firstIndex(where: { $0.name == name }),
                  let hall = s.halls.first(where: { $0.site == site && $0.number == n }) else { return nil }
            return MetricCatalog.hall[i].read(hall)
        }
    }

    /// Checks that the path's site and hall exist in a snapshot's fleet.
    public func validate(against s: Snapshot) throws(MetricPathError) {
        try validate(fleet: s.fleetName, siteNames: s.sites.map(\.name),
                     hallsPerSite: s.sites.indices.map { i in s.halls.filter { $0.site == i }.count })
    }

    /// Checks that the path's site and hall exist in a fleet with these sites and halls per site
    /// (halls numbered from 1).
    public func validate(fleet: String, siteNames: [String], hallsPerSite: [Int]) throws(MetricPathError) {
        switch scope {
        case .site(let name, _), .hall(let name, _, _):
            guard let site = siteNames.firstIndex(of: name) else {
                throw MetricPathError(path: text, message: "no site '\(name)' in fleet \(fleet)", expected: siteNames)
            }
            let halls = site < hallsPerSite.count ? hallsPerSite[site] : 0
            if case .hall(_, let n, _) = scope, n > halls {
                throw MetricPathError(path: text, message: "no hall h\(n) at \(name)", expected: (0..<halls).map { "h\($0 + 1)" })
            }
        default: return
        }
    }

    /// Resolves a path string in a snapshot; nil when the path is malformed or points at nothing.
    public static func value(of path: String, in snapshot: Snapshot) -> Double? {
        (try? MetricPath(path))?.value(in: snapshot)
    }

    /// Every path for a fleet with these sites and halls per site, in listing order.
    public static func all(siteNames: [String], hallsPerSite: [Int]) -> [MetricPath] {
        var texts = MetricCatalog.shorthand.map(\.name)
        texts += MetricCatalog.fleet.map { "fleet.\($0.name)" }
        for c in RequestClass.allCases {
            texts += MetricCatalog.requestClass.map { "\(c.name).\($0.name)" }
            if c == .agentic { texts += MetricCatalog.agentic.map { "agentic.\($0.name)" } }
        }
        for (i, site) in siteNames.enumerated() {
            texts += MetricCatalog.site.map { "sites.\(site).\($0.name)" }
            let halls = i < hallsPerSite.count ? hallsPerSite[i] : 0
            for h in stride(from: 1, through: halls, by: 1) {
                texts += MetricCatalog.hall.map { "sites.\(site).h\(h).\($0.name)" }
            }
        }
        texts += MetricCatalog.failures.map { "failures.\($0.name)" }
        return texts.compactMap { try? MetricPath($0) }
    }

    /// Every path for a snapshot's fleet.
    public static func all(in s: Snapshot) -> [MetricPath] {
        all(siteNames: s.sites.map(\.name),
            hallsPerSite: s.sites.indices.map { i in s.halls.filter { $0.site == i }.count })
    }

    /// The `fleettop drill --metrics` text: every path for a snapshot's fleet with its unit and meaning.
    public static func listing(in s: Snapshot) -> String {
        let paths = all(in: s)
        let width = paths.map(\.text.count).max() ?? 0
        let unitWidth = paths.map(\.unit.symbol.count).max() ?? 0
        return paths.map {
            "\($0.text.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.unit.symbol.padding(toLength: unitWidth, withPad: " ", startingAt: 0))  \($0.summary)"
        }.joined(separator: "\n") + "\n"
    }

    /// A value of this path written with its unit.
    public func format(_ value: Double) -> String { unit.format(value) }

    public var description: String { text }
    public static func == (a: MetricPath, b: MetricPath) -> Bool { a.text == b.text }
    public func hash(into h: inout Hasher) { h.combine(text) }
}
