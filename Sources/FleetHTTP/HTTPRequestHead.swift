import Foundation

/// The request line and the headers a metrics endpoint looks at, read from at most
/// `HTTPLimits.maxHeaderBytes` bytes. Only what a scraper sends is understood: `METHOD TARGET
/// HTTP/1.x`, then `Name: value` lines up to the blank line.
public struct HTTPRequestHead: Sendable, Equatable {
    public var method: String
    /// The target's path, without the query.
    public var path: String
    public var version: String
    /// Header names lower-cased, in order.
    public var headers: [(name: String, value: String)]

    public static func == (a: HTTPRequestHead, b: HTTPRequestHead) -> Bool {
        a.method == b.method && a.path == b.path && a.version == b.version
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }

    /// The first value of a header (name matched case-insensitively).
    public func header(_ name: String) -> String? {
        let n = name.lowercased()
        return headers.first { $0.name == n }?.value
    }

    /// The index just past the blank line ending the head in `bytes`, or nil when it has not arrived.
    public static func endOfHead(_ bytes: [UInt8]) -> Int? {
        // A blank line: "\n\n" or "\n\r\n" (lines may end in CRLF or a bare LF).
        guard bytes.count >= 2 else { return nil }
        for i in 1..<bytes.count where bytes[i] == 10 {
            if bytes[i - 1] == 10 { return i + 1 }
            if i >= 2 && bytes[i - 1] == 13 && bytes[i - 2] == 10 { return i + 1 }
        }
        return nil
    }

    /// Parses a complete head; nil when the request line is malformed.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> HTTPRequestHead? {
        // Split on LF bytes (a Swift String holds "\r\n" as one character), dropping each line's CR.
        var lines: [Substring] = []
        for raw in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            let line = raw.last == 13 ? raw.dropLast() : raw
            guard let text = String(validating: line, as: UTF8.self) else { return nil }
            lines.append(Substring(text))
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let first = lines.first else { return nil }
        let parts = first.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[0].allSatisfy({ $0.isLetter && $0.isUppercase }) else { return nil }
        let target = parts[1]
        guard target.hasPrefix("/") || target.hasPrefix("http") else { return nil }
        var path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
        if path.hasPrefix("http"), let slash = path.dropFirst("http://".count).firstIndex(of: "/") {
            path = String(path[slash...])
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name, value))
        }
        return HTTPRequestHead(method: String(parts[0]), path: path, version: String(parts[2]), headers: headers)
    }
}
