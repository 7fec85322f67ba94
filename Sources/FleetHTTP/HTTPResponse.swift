/// A complete HTTP/1.1 response; the connection always closes after it.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var reason: String
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, reason: String, headers: [(String, String)] = [], body: [UInt8]) {
        self.status = status; self.reason = reason; self.headers = headers; self.body = body
    }

    /// A short plain-text response.
    public static func text(_ status: Int, _ reason: String, _ message: String, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, reason: reason, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers,
                     body: Array((message + "\n").utf8))
    }

    /// Status line, headers (with Content-Length and Connection: close) and the blank line.
    public func head(includeBody: Bool = true) -> [UInt8] {
        var s = "HTTP/1.1 \(status) \(reason)\r\n"
        for (k, v) in headers { s += "\(k): \(v)\r\n" }
        s += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Array(s.utf8)
    }
}

/// How much a metrics endpoint accepts from one client.
public struct HTTPLimits: Sendable, Equatable {
    /// Largest request head (request line and headers) read; a larger one gets 431.
    public var maxHeaderBytes: Int
    /// Wall seconds a client has to send its whole request head; a slower one gets 408.
    public var readTimeout: Double
    /// Wall seconds a client has to take the response before the connection is dropped.
    public var writeTimeout: Double
    /// Connections served at once; more get 503 at once.
    public var maxConnections: Int

    public init(maxHeaderBytes: Int = 8192, readTimeout: Double = 5, writeTimeout: Double = 10, maxConnections: Int = 8) {
        self.maxHeaderBytes = maxHeaderBytes; self.readTimeout = readTimeout
        self.writeTimeout = writeTimeout; self.maxConnections = maxConnections
    }
}
