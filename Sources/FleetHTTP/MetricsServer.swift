import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A bounded HTTP/1.1 server for a metrics endpoint, built on SwiftNIO: one event-loop thread for
/// every connection and one worker thread that builds responses, so a render never holds up the
/// event loop. Each connection gets one request (decoded by NIO's `HTTPRequestDecoder`, its head at
/// most `limits.maxHeaderBytes`, within `limits.readTimeout`), one response, and is closed. GET and
/// HEAD of `path` call `handler`; other methods get 405, other paths 404, malformed requests 400.
/// Beyond `limits.maxConnections` open connections a new one gets 503 at once. Nothing here waits on
/// the caller's threads, so a slow or hostile client costs one connection until its timeout.
public final class MetricsServer: Sendable {
    /// Builds the response to a GET or HEAD of the metrics path (called on the worker thread).
    public typealias Handler = @Sendable (ScrapeRequest) -> HTTPResponse

    public let address: ListenAddress
    public let path: String
    public let limits: HTTPLimits
    let handler: Handler

    /// What changes while serving: the threads and channel once started, open connections, 200s sent.
    private struct State {
        var running: (group: MultiThreadedEventLoopGroup, pool: NIOThreadPool, channel: Channel)?
        var active = 0
        var served = 0
        var boundPort: UInt16 = 0
    }

    private let state = Mutex(State())

    /// The port actually bound (differs from `address.port` when that is 0).
    public var boundPort: UInt16 { state.withLock { $0.boundPort } }

    public init(address: ListenAddress, path: String = "/metrics", limits: HTTPLimits = HTTPLimits(), handler: @escaping Handler) {
        self.address = address; self.path = path; self.limits = limits; self.handler = handler
    }

    /// Binds and listens. Throws a readable `MetricsServerError` when the address cannot be bound (in
    /// use, not local, no permission); then no thread is left running.
    public func start() throws {
        let socketAddress: SocketAddress
        do {
            socketAddress = try SocketAddress(ipAddress: address.host, port: Int(address.port))
        } catch {
            throw MetricsServerError(address: address, reason: "not a numeric IP address")
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let decoderLimits = Self.decoderLimits(limits)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] channel in
                let admitted = admit()
                if admitted { channel.closeFuture.whenComplete { [self] _ in release() } }
                do {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(HTTPResponseEncoder())
                    if admitted {
                        try sync.addHandler(ByteToMessageHandler(HTTPRequestDecoder(
                            leftOverBytesStrategy: .dropBytes, informationalResponseStrategy: .drop,
                            limitConfiguration: decoderLimits)))
                    }
                    try sync.addHandler(ScrapeHandler(server: self, pool: pool, refuse: !admitted))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        do {
            let channel = try bootstrap.bind(to: socketAddress).wait()
            let port = UInt16(channel.localAddress?.port ?? 0)
            state.withLock { $0.boundPort = port; $0.running = (group, pool, channel) }
        } catch {
            try? pool.syncShutdownGracefully()
            try? group.syncShutdownGracefully()
            throw MetricsServerError(address: address, reason: Self.reason(error))
        }
    }

    /// Stops accepting, lets the worker finish the response it is building, closes every connection
    /// and ends both threads. Safe to call more than once; must not be called from the event loop.
    public func stop() {
        let r = state.withLock { s in
            defer { s.running = nil }
            return s.running
        }
        guard let r else { return }
        try? r.channel.close().wait()
        try? r.pool.syncShutdownGracefully()
        try? r.group.syncShutdownGracefully()
    }

    /// Requests answered with a 200 so far.
    public var scrapes: Int { state.withLock { $0.served } }

    func countScrape() { state.withLock { $0.served += 1 } }

    private func admit() -> Bool {
        state.withLock { s in
            guard s.active < limits.maxConnections else { return false }
            s.active += 1
            return true
        }
    }

    private func release() { state.withLock { $0.active -= 1 } }

    /// NIO's decoder limits: the request target and all header names and values together are
    /// bounded by `maxHeaderBytes`, and a head has at most 100 header lines (a scraper sends about
    /// five); beyond either the decoder fails with `headerOverflow`.
    static func decoderLimits(_ limits: HTTPLimits) -> NIOHTTPDecoderLimitConfiguration {
        var c = NIOHTTPDecoderLimitConfiguration()
        c.maxHeaderListSize = limits.maxHeaderBytes
        c.maxHeaderFieldSize = limits.maxHeaderBytes
        c.maxHeaderFieldCount = 100
        return c
    }

    /// The operating system's words for a bind failure ("Address already in use").
    static func reason(_ error: Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        return "\(error)"
    }
}

/// The endpoint could not listen.
public struct MetricsServerError: Error, Sendable, CustomStringConvertible {
    public var address: ListenAddress
    public var reason: String
    public var description: String { "cannot listen on \(address): \(reason)" }
}
