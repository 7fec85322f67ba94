import NIOCore
import NIOHTTP1
import NIOPosix

/// A blocking HTTP/1.1 GET over loopback IPv4 with NIO's HTTP client handlers, for `fleettop bench`'s
/// scraper: returns the status code and the body length, or nil when the connection fails or the
/// answer does not come within `timeout` seconds.
public enum HTTPGet {
    public static func get(port: UInt16, path: String = "/metrics", accept: String? = nil,
                           timeout: Double = 10) -> (status: Int, bytes: Int)? {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let loop = group.next()
        let result = loop.makePromise(of: ResponseTally.Result.self)
        let wait = TimeAmount.milliseconds(Int64(timeout * 1000))
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(wait)
            .channelInitializer { channel in
                do {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ResponseTally(result: result))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        guard let channel = try? bootstrap.connect(host: "127.0.0.1", port: Int(port)).wait() else { return nil }
        var headers = HTTPHeaders([("Host", "127.0.0.1")])
        if let accept { headers.add(name: "Accept", value: accept) }
        channel.write(HTTPClientRequestPart.head(HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers)),
                      promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        let timer = loop.scheduleTask(in: wait) { channel.close(promise: nil) }
        defer { timer.cancel(); channel.close(promise: nil) }
        guard let r = try? result.futureResult.wait() else { return nil }
        return (r.status, r.bytes)
    }
}

/// Counts a response's body bytes and completes `result` at its end (or fails it when the
/// connection closes first).
private final class ResponseTally: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    struct Result: Sendable { var status: Int, bytes: Int }

    private let result: EventLoopPromise<Result>
    private var status = 0, bytes = 0, done = false

    init(result: EventLoopPromise<Result>) { self.result = result }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): status = Int(head.status.code)
        case .body(let buffer): bytes += buffer.readableBytes
        case .end: finish(.success(Result(status: status, bytes: bytes)))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(ChannelError.eof))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        finish(.failure(error))
        context.close(promise: nil)
    }

    private func finish(_ r: Swift.Result<Result, Error>) {
        guard !done else { return }
        done = true
        result.completeWith(r)
    }
}
