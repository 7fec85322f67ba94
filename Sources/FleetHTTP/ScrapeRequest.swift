/// What a metrics handler sees of a request NIO decoded: the method, the path without the query,
/// and the headers (names lower-cased, in order).
public struct ScrapeRequest: Sendable, Equatable {
    public var method: String
    public var path: String
    public var headers: [Header]

    /// One header line.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) { self.name = name; self.value = value }
    }

    public init(method: String, path: String, headers: [Header] = []) {
        self.method = method; self.path = path; self.headers = headers
    }

    /// The first value of a header (name matched case-insensitively).
    public func header(_ name: String) -> String? {
        let n = name.lowercased()
        return headers.first { $0.name == n }?.value
    }

    /// The path of a request target: `/metrics?x=1` and `http://host:9400/metrics` both give `/metrics`.
    public static func path(ofTarget target: String) -> String {
        var rest = Substring(target)
        if !rest.hasPrefix("/"), let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        return String(rest.prefix { $0 != "?" && $0 != "#" })
    }
}
