/// A complete HTTP/1.1 response; the server adds `Content-Length` and `Connection: close`, and the
/// connection always closes after it.
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
}
