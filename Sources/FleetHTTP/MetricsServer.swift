import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small, bounded HTTP/1.1 server for a metrics endpoint, on POSIX sockets: one accept thread and
/// at most `limits.maxConnections` connection threads. Each connection gets one request (head only,
/// at most `maxHeaderBytes`, within `readTimeout`), one response, and is closed. GET (and HEAD) of
/// `path` calls `handler`; other methods get 405, other paths 404. Nothing here waits on the caller's
/// threads, so a slow or hostile client costs one connection thread at most until its timeout.
public final class MetricsServer: @unchecked Sendable {
    /// Builds the response to a GET of the metrics path (called on a connection thread).
    public typealias Handler = @Sendable (HTTPRequestHead) -> HTTPResponse

    public let address: ListenAddress
    public let path: String
    public let limits: HTTPLimits
    private let handler: Handler
    private let lock = NSLock()
    private var listenFD: Int32 = -1
    private var active = 0
    private var stopping = false
    private var acceptThread: Thread?
    private var acceptFinished = false
    private var served = 0

    /// The port actually bound (differs from `address.port` when that is 0).
    public private(set) var boundPort: UInt16 = 0

    public init(address: ListenAddress, path: String = "/metrics", limits: HTTPLimits = HTTPLimits(), handler: @escaping Handler) {
        self.address = address; self.path = path; self.limits = limits; self.handler = handler
    }

    /// Binds and listens, then starts the accept thread. Throws a readable error when the address
    /// cannot be bound (in use, not local, no permission).
    public func start() throws {
        let fd = try Self.bind(address)
        listenFD = fd
        boundPort = Self.localPort(fd)
        let t = Thread { [self] in acceptLoop() }
        t.name = "fleettop.metrics"
        acceptThread = t
        t.start()
    }

    /// Stops accepting and closes the listening socket; connections in flight finish on their own
    /// (each within its timeouts).
    public func stop() {
        lock.lock()
        guard !stopping else { lock.unlock(); return }
        stopping = true
        lock.unlock()
        while true {
            lock.lock()
            let done = acceptFinished || acceptThread == nil
            lock.unlock()
            if done { break }
            usleep(5_000)
        }
        if listenFD >= 0 { close(listenFD); listenFD = -1 }
    }

    /// Requests answered with a 200 so far.
    public var scrapes: Int {
        lock.lock(); defer { lock.unlock() }
        return served
    }

    private func acceptLoop() {
        defer { lock.lock(); acceptFinished = true; lock.unlock() }
        while true {
            lock.lock()
            let stop = stopping
            lock.unlock()
            if stop { return }
            var p = pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 100) > 0 else { continue }
            let client = accept(listenFD, nil, nil)
            guard client >= 0 else { continue }
            lock.lock()
            let admit = active < limits.maxConnections
            if admit { active += 1 }
            lock.unlock()
            guard admit else {
                // Refused without reading: a short answer that fits the socket buffer, never a wait.
                Self.setTimeout(client, SO_SNDTIMEO, 0.05)
                Self.send(client, HTTPResponse.text(503, "Service Unavailable", "too many connections"))
                close(client)
                continue
            }
            let t = Thread { [self] in
                serve(client)
                close(client)
                lock.lock(); active -= 1; lock.unlock()
            }
            t.name = "fleettop.metrics.conn"
            t.start()
        }
    }

    private func serve(_ fd: Int32) {
        Self.setTimeout(fd, SO_SNDTIMEO, limits.writeTimeout)
        let deadline = Date().addingTimeInterval(limits.readTimeout)
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 2048)
        var headEnd: Int?
        while headEnd == nil {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                Self.send(fd, HTTPResponse.text(408, "Request Timeout", "the request head did not arrive in time"))
                return
            }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, Int32(max(1, min(left, 0.25) * 1000))) > 0 else { continue }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return }
            buffer.append(contentsOf: chunk[0..<n])
            headEnd = HTTPRequestHead.endOfHead(buffer)
            if headEnd.map({ $0 > limits.maxHeaderBytes }) ?? (buffer.count > limits.maxHeaderBytes) {
                Self.send(fd, HTTPResponse.text(431, "Request Header Fields Too Large",
                                                "the request head is over \(limits.maxHeaderBytes) bytes"))
                return
            }
        }
        guard let end = headEnd, let head = HTTPRequestHead.parse(buffer[0..<end]) else {
            Self.send(fd, HTTPResponse.text(400, "Bad Request", "not an HTTP/1.x request"))
            return
        }
        guard head.method == "GET" || head.method == "HEAD" else {
            Self.send(fd, HTTPResponse.text(405, "Method Not Allowed", "only GET is served", headers: [("Allow", "GET, HEAD")]))
            return
        }
        guard head.path == path else {
            Self.send(fd, HTTPResponse.text(404, "Not Found", "metrics are at \(path)"))
            return
        }
        let response = handler(head)
        if response.status == 200 { lock.lock(); served += 1; lock.unlock() }
        Self.send(fd, response, includeBody: head.method == "GET")
    }

    // MARK: sockets

    private static func send(_ fd: Int32, _ r: HTTPResponse, includeBody: Bool = true) {
        var bytes = r.head()
        if includeBody { bytes += r.body }
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return }
            sent += n
        }
    }

    private static func setTimeout(_ fd: Int32, _ option: Int32, _ seconds: Double) {
        var tv = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1e6))
        setsockopt(fd, SOL_SOCKET, option, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func bind(_ a: ListenAddress) throws -> Int32 {
        let family = a.isIPv6 ? AF_INET6 : AF_INET
        let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw MetricsServerError(address: a, reason: String(cString: strerror(errno))) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var status: Int32
        if a.isIPv6 {
            var sa = sockaddr_in6()
            sa.sin6_family = sa_family_t(AF_INET6)
            sa.sin6_port = a.port.bigEndian
            guard inet_pton(AF_INET6, a.host, &sa.sin6_addr) == 1 else {
                close(fd); throw MetricsServerError(address: a, reason: "not an IPv6 address")
            }
            status = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var sa = sockaddr_in()
            sa.sin_family = sa_family_t(AF_INET)
            sa.sin_port = a.port.bigEndian
            guard inet_pton(AF_INET, a.host, &sa.sin_addr) == 1 else {
                close(fd); throw MetricsServerError(address: a, reason: "not an IPv4 address")
            }
            status = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        guard status == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw MetricsServerError(address: a, reason: reason)
        }
        return fd
    }

    private static func localPort(_ fd: Int32) -> UInt16 {
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let ok = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            getsockname(fd, $0, &len) } }
        guard ok == 0 else { return 0 }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { p in
            if family == AF_INET6 {
                return p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }
}

/// The endpoint could not listen.
public struct MetricsServerError: Error, Sendable, CustomStringConvertible {
    public var address: ListenAddress
    public var reason: String
    public var description: String { "cannot listen on \(address): \(reason)" }
}
