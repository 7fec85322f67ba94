/// Where a metrics endpoint listens: `PORT` or `:PORT` (loopback), `HOST:PORT`, `[IPv6]:PORT`.
/// `localhost` means 127.0.0.1; only numeric addresses otherwise, so nothing is looked up.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: UInt16

    public init(host: String, port: UInt16) { self.host = host; self.port = port }

    /// Parses `text`; nil with a reason on failure.
    public static func parse(_ text: String) -> Result<ListenAddress, ListenAddressError> {
        var hostPart = "", portPart = Substring(text)
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return .failure(ListenAddressError(text: text, reason: "an IPv6 address needs a closing ]")) }
            hostPart = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return .failure(ListenAddressError(text: text, reason: "expected :PORT after the address")) }
            portPart = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            hostPart = String(text[..<colon])
            portPart = text[text.index(after: colon)...]
            if hostPart.contains(":") { return .failure(ListenAddressError(text: text, reason: "write an IPv6 address in brackets, e.g. [::1]:9400")) }
        }
        guard let port = UInt16(portPart) else {
            return .failure(ListenAddressError(text: text, reason: "'\(portPart)' is not a port (0–65535)"))
        }
        if hostPart.isEmpty || hostPart == "localhost" { hostPart = "127.0.0.1" }
        guard hostPart.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else {
            return .failure(ListenAddressError(text: text, reason: "'\(hostPart)' is not a numeric IP address (or localhost)"))
        }
        return .success(ListenAddress(host: hostPart, port: port))
    }

    /// True for an IPv6 address.
    public var isIPv6: Bool { host.contains(":") }

    /// `127.0.0.1:9400` or `[::1]:9400`.
    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// A listen address that does not parse.
public struct ListenAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "bad listen address '\(text)': \(reason) (expected PORT, ADDR:PORT or [IPv6]:PORT)" }
}
