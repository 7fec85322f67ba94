import NIOCore
import NIOHTTP1
import NIOPosix

/// One connection of a `MetricsServer`, after NIO's request decoder: waits at most `readTimeout` for
/// a request head, answers it once (building the response on the server's worker thread), and
/// closes. With `refuse` it answers 503 at once without reading.
final class ScrapeHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: MetricsServer
    private let pool: NIOThreadPool
    private let refuse: Bool
    private var begun = false
    private var answered = false
    private var deadline: Scheduled<Void>?

    init(server: MetricsServer, pool: NIOThreadPool, refuse: Bool) {
        self.server = server; self.pool = pool; self.refuse = refuse
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { begin(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        begin(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        context.fireChannelInactive()
    }

    private func begin(_ context: ChannelHandlerContext) {
        guard !begun else { return }
        begun = true
        if refuse {
            answer(context, .text(503, "Service Unavailable", "too many connections"), includeBody: true)
            return
        }
        let wait = TimeAmount.milliseconds(Int64(server.limits.readTimeout * 1000))
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: wait) { [self] in
            answer(context, .text(408, "Request Timeout", "the request head did not arrive in time"), includeBody: true)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // A refused connection has no decoder: its bytes are never read as a request.
        guard !refuse, !answered, case .head(let head) = unwrapInboundIn(data) else { return }
        guard head.method == .GET || head.method == .HEAD else {
            answer(context, .text(405, "Method Not Allowed", "only GET is served", headers: [("Allow", "GET, HEAD")]), includeBody: true)
            return
        }
        let path = ScrapeRequest.path(ofTarget: head.uri)
        guard path == server.path else {
            answer(context, .text(404, "Not Found", "metrics are at \(server.path)"), includeBody: true)
            return
        }
        answered = true
        deadline?.cancel()
        let request = ScrapeRequest(method: head.method.rawValue, path: path,
                                    headers: head.headers.map { ScrapeRequest.Header(name: $0.name.lowercased(), value: $0.value) })
        let handler = server.handler, includeBody = head.method == .GET
        pool.runIfActive(eventLoop: context.eventLoop) { handler(request) }
            .assumeIsolated().whenComplete { [self] result in
                switch result {
                case .success(let response):
                    if response.status == 200 { server.countScrape() }
                    send(context, response, includeBody: includeBody)
                case .failure:
                    send(context, .text(503, "Service Unavailable", "shutting down"), includeBody: includeBody)
                }
            }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if let e = error as? HTTPParserError, e == .headerOverflow {
            answer(context, .text(431, "Request Header Fields Too Large",
                                  "the request head is over \(server.limits.maxHeaderBytes) bytes"), includeBody: true)
        } else if error is HTTPParserError {
            answer(context, .text(400, "Bad Request", "not an HTTP/1.x request"), includeBody: true)
        } else {
            context.close(promise: nil)
        }
    }

    /// The one answer this connection gets, unless it has had one.
    private func answer(_ context: ChannelHandlerContext, _ response: HTTPResponse, includeBody: Bool) {
        guard !answered else { return }
        answered = true
        deadline?.cancel()
        send(context, response, includeBody: includeBody)
    }

    /// Writes `response` and closes once it is sent, or after `writeTimeout` if the client does not take it.
    private func send(_ context: ChannelHandlerContext, _ response: HTTPResponse, includeBody: Bool) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders(response.headers)
        headers.add(name: "Content-Length", value: "\(response.body.count)")
        headers.add(name: "Connection", value: "close")
        let status = HTTPResponseStatus(statusCode: response.status, reasonPhrase: response.reason)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if includeBody, !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
        }
        let wait = TimeAmount.milliseconds(Int64(server.limits.writeTimeout * 1000))
        let timeout = context.eventLoop.assumeIsolated().scheduleTask(in: wait) { context.close(promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            timeout.cancel()
            context.close(promise: nil)
        }
    }
}
