import FleetHTTP
import Foundation
import Glibc
import Testing

/// The metrics server over a real 127.0.0.1 socket.
@Suite(.serialized) struct MetricsServerTests {
    static func start(limits: HTTPLimits = HTTPLimits(readTimeout: 1, maxConnections: 4)) throws -> MetricsServer {
        let server = MetricsServer(address: ListenAddress(host: "127.0.0.1", port: 0), limits: limits) { request in
            HTTPResponse(status: 200, reason: "OK", headers: [("Content-Type", "text/plain")],
                         body: Array("up 1\naccept \(request.header("accept") ?? "-")\n".utf8))
        }
        try server.start()
        return server
    }

    /// A client socket connected to the server.
    static func connect(_ port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var sa = sockaddr_in()
        sa.sin_family = sa_family_t(AF_INET)
        sa.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr)
        let ok = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard ok == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        var tv = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func sendAll(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything the server sends until it closes.
    static func readAll(_ fd: Int32) -> String {
        var out: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func exchange(_ port: UInt16, _ request: String) throws -> String {
        let fd = try connect(port)
        defer { close(fd) }
        sendAll(fd, request)
        return readAll(fd)
    }

    @Test func getMetricsAnswersWithTheBody() throws {
        let server = try Self.start()
        defer { server.stop() }
        let r = try Self.exchange(server.boundPort, "GET /metrics HTTP/1.1\r\nHost: x\r\nAccept: application/openmetrics-text\r\n\r\n")
        #expect(r.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(r.contains("Content-Length: "))
        #expect(r.hasSuffix("\r\n\r\nup 1\naccept application/openmetrics-text\n"))
        let query = try Self.exchange(server.boundPort, "GET /metrics?x=1 HTTP/1.0\r\n\r\n")
        #expect(query.hasPrefix("HTTP/1.1 200 OK"))
        #expect(server.scrapes == 2)
        // NIO's decoder (llhttp, strict) wants CRLF line ends, which every scraper sends.
        #expect(try Self.exchange(server.boundPort, "GET /metrics HTTP/1.0\n\n").hasPrefix("HTTP/1.1 400 "))
        #expect(server.scrapes == 2)
    }

    @Test func otherMethodsPathsAndGarbageAreRefused() throws {
        let server = try Self.start()
        defer { server.stop() }
        let post = try Self.exchange(server.boundPort, "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
        #expect(post.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
        #expect(post.contains("Allow: GET, HEAD\r\n"))
        #expect(try Self.exchange(server.boundPort, "GET / HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 404 "))
        #expect(try Self.exchange(server.boundPort, "GET /metricsx HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 404 "))
        #expect(try Self.exchange(server.boundPort, "hello\r\n\r\n").hasPrefix("HTTP/1.1 400 "))
        let head = try Self.exchange(server.boundPort, "HEAD /metrics HTTP/1.1\r\n\r\n")
        #expect(head.hasPrefix("HTTP/1.1 200 ") && head.hasSuffix("\r\n\r\n"))
        #expect(server.scrapes == 1)
    }

    @Test func anOversizeRequestHeadGets431() throws {
        let server = try Self.start()
        defer { server.stop() }
        let big = "GET /metrics HTTP/1.1\r\nX-Filler: " + String(repeating: "a", count: 9000) + "\r\n\r\n"
        #expect(try Self.exchange(server.boundPort, big).hasPrefix("HTTP/1.1 431 "))
        let longTarget = "GET /metrics?" + String(repeating: "q", count: 9000) + " HTTP/1.1\r\n\r\n"
        #expect(try Self.exchange(server.boundPort, longTarget).hasPrefix("HTTP/1.1 431 "))
        let manyLines = "GET /metrics HTTP/1.1\r\n" + (0..<150).map { "X-\($0): 1\r\n" }.joined() + "\r\n"
        #expect(try Self.exchange(server.boundPort, manyLines).hasPrefix("HTTP/1.1 431 "))
        let fits = "GET /metrics HTTP/1.1\r\nX-Filler: " + String(repeating: "a", count: 7000) + "\r\n\r\n"
        #expect(try Self.exchange(server.boundPort, fits).hasPrefix("HTTP/1.1 200 "))
    }

    @Test func aSlowClientTimesOutAndDoesNotStallAnother() throws {
        let server = try Self.start()
        defer { server.stop() }
        let slow = try Self.connect(server.boundPort)
        defer { close(slow) }
        Self.sendAll(slow, "GET /metr")
        let clock = ContinuousClock(), start = clock.now
        let fast = try Self.exchange(server.boundPort, "GET /metrics HTTP/1.1\r\n\r\n")
        #expect(fast.hasPrefix("HTTP/1.1 200 "))
        #expect(clock.now - start < .milliseconds(900), "the second client is answered before the slow one times out")
        #expect(Self.readAll(slow).hasPrefix("HTTP/1.1 408 "))
    }

    @Test func connectionsOverTheLimitGet503() throws {
        let server = try Self.start(limits: HTTPLimits(readTimeout: 2, maxConnections: 2))
        defer { server.stop() }
        let held = try (0..<2).map { _ in try Self.connect(server.boundPort) }
        defer { held.forEach { close($0) } }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try Self.exchange(server.boundPort, "GET /metrics HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 503 "))
    }

    @Test func aTakenPortIsAReadableError() throws {
        let server = try Self.start()
        defer { server.stop() }
        let second = MetricsServer(address: ListenAddress(host: "127.0.0.1", port: server.boundPort)) { _ in
            HTTPResponse.text(200, "OK", "")
        }
        #expect(throws: MetricsServerError.self) { try second.start() }
        do { try second.start() } catch { #expect("\(error)".contains("cannot listen on 127.0.0.1:\(server.boundPort): Address already in use")) }
    }

    @Test func stopClosesOpenConnectionsAndFreesThePort() throws {
        let server = try Self.start(limits: HTTPLimits(readTimeout: 30, maxConnections: 4))
        let port = server.boundPort
        let slow = try Self.connect(port)
        defer { close(slow) }
        Self.sendAll(slow, "GET /metr")
        Thread.sleep(forTimeInterval: 0.1)
        let clock = ContinuousClock(), start = clock.now
        server.stop()
        server.stop()
        #expect(clock.now - start < .seconds(5), "stop does not wait for the slow client's 30 s")
        #expect(Self.readAll(slow).isEmpty, "the slow client's connection was closed without an answer")
        let again = MetricsServer(address: ListenAddress(host: "127.0.0.1", port: port)) { _ in HTTPResponse.text(200, "OK", "again") }
        try again.start()
        defer { again.stop() }
        #expect(try Self.exchange(port, "GET /metrics HTTP/1.1\r\n\r\n").hasSuffix("\r\n\r\nagain\n"))
    }

    @Test func requestTargetsMapToPaths() {
        #expect(ScrapeRequest.path(ofTarget: "/metrics") == "/metrics")
        #expect(ScrapeRequest.path(ofTarget: "/metrics?name[]=up") == "/metrics")
        #expect(ScrapeRequest.path(ofTarget: "http://127.0.0.1:9400/metrics?x") == "/metrics")
        #expect(ScrapeRequest.path(ofTarget: "http://127.0.0.1:9400") == "/")
        #expect(ScrapeRequest(method: "GET", path: "/metrics", headers: [.init(name: "accept", value: "text/plain")]).header("Accept") == "text/plain")
    }

    @Test func theBenchClientReadsStatusAndBodyLength() throws {
        let server = try Self.start()
        defer { server.stop() }
        let r = HTTPGet.get(port: server.boundPort, accept: "application/openmetrics-text")
        #expect(r?.status == 200)
        #expect(r?.bytes == "up 1\naccept application/openmetrics-text\n".utf8.count)
        #expect(HTTPGet.get(port: server.boundPort, path: "/nope")?.status == 404)
    }
}
