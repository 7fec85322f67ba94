import FleetHTTP
import FleetSim
import Foundation
import Synchronization

/// `--metrics-listen`: serves `GET /metrics` from the latest snapshot of the runner it follows. The
/// runner copies the export columns on its own thread when it publishes; rendering happens on the
/// server's worker thread, one at a time, and a body is reused until a newer snapshot arrives and
/// `minimumRenderInterval` has passed, so a client scraping in a tight loop costs one render a second.
/// Nothing here calls into the engine or waits on the simulation or the screen.
public final class MetricsEndpoint: Sendable {
    public let gpuLimit: Int
    /// Wall seconds a rendered body is served before a newer snapshot is rendered.
    public let minimumRenderInterval: Double

    /// The hub followed and the server, both set once running.
    private struct Links {
        var hub: SnapshotHub?
        var server: MetricsServer?
    }

    /// What renders reuse: the last label layout and each format's last body. Held for a whole
    /// render, so renders come one at a time.
    private struct RenderCache {
        var layout: (key: String, set: MetricSet)?
        var cached: [ExpositionFormat: (hub: ObjectIdentifier, version: UInt64, at: Date, body: [UInt8])] = [:]
    }

    private let links = Mutex(Links())
    private let renderCache = Mutex(RenderCache())

    /// An endpoint on `address`, exporting GPUs one by one up to `gpuLimit`.
    public init(gpuLimit: Int = ExportColumns.defaultGPULimit, minimumRenderInterval: Double = 1) {
        self.gpuLimit = gpuLimit
        self.minimumRenderInterval = minimumRenderInterval
    }

    /// Binds and starts serving; throws `MetricsServerError` when the address cannot be bound.
    public func start(address: ListenAddress, limits: HTTPLimits = HTTPLimits()) throws {
        let s = MetricsServer(address: address, limits: limits) { [weak self] head in
            guard let self else { return HTTPResponse.text(503, "Service Unavailable", "shutting down") }
            return self.respond(head)
        }
        try s.start()
        links.withLock { $0.server = s }
    }

    /// Stops serving.
    public func stop() {
        let s = links.withLock { l in
            defer { l.server = nil }
            return l.server
        }
        s?.stop()
    }

    /// Serves `runner`'s snapshots from now on and asks it for export columns.
    public func follow(_ runner: SimRunner) {
        runner.exportMetrics(gpuLimit: gpuLimit)
        let hub = runner.hub
        links.withLock { $0.hub = hub }
    }

    /// "metrics :9400" (loopback) or "metrics 0.0.0.0:9400", for the header.
    public var indicator: String? {
        guard let s = links.withLock({ $0.server }) else { return nil }
        let host = s.address.host == "127.0.0.1" ? "" : (s.address.isIPv6 ? "[\(s.address.host)]" : s.address.host)
        return "metrics \(host):\(s.boundPort)"
    }

    /// The port bound (0 before `start`).
    public var port: UInt16 { links.withLock { $0.server?.boundPort ?? 0 } }

    /// Scrapes answered so far.
    public var scrapes: Int { links.withLock { $0.server?.scrapes ?? 0 } }

    func respond(_ head: ScrapeRequest) -> HTTPResponse {
        let format = ExpositionFormat.negotiate(accept: head.header("accept"))
        guard let body = body(format: format) else {
            return HTTPResponse.text(503, "Service Unavailable", "no snapshot yet")
        }
        return HTTPResponse(status: 200, reason: "OK", headers: [("Content-Type", format.contentType)], body: body)
    }

    /// The body of a scrape now, in `format` (nil before the first snapshot).
    public func body(format: ExpositionFormat) -> [UInt8]? {
        guard let hub = links.withLock({ $0.hub }) else { return nil }
        var version = hub.version
        guard var snapshot = hub.latest else { return nil }
        if snapshot.export == nil, let newer = hub.wait(after: version, timeout: 1) {
            // The first snapshots after `follow` may predate the export columns.
            snapshot = newer.snapshot; version = newer.version
        }
        let id = ObjectIdentifier(hub)
        return renderCache.withLock { r in
            if let c = r.cached[format], c.hub == id, c.version == version || -c.at.timeIntervalSinceNow < minimumRenderInterval {
                return c.body
            }
            let set = Self.metricSet(snapshot, reusing: &r.layout)
            let body = ExpositionText.render(set, format: format)
            r.cached[format] = (id, version, Date(), body)
            return body
        }
    }

    /// The metric set of `s`, reusing the label layout of an earlier snapshot of the same shape.
    public static func metricSet(_ s: Snapshot, reusing layout: inout (key: String, set: MetricSet)?) -> MetricSet {
        let key = shapeKey(s)
        if let l = layout, l.key == key {
            let values = FleetExposition.values(s, capacity: l.set.seriesCount)
            if values.count == l.set.seriesCount { return MetricSet(families: l.set.families, values: values) }
        }
        let set = FleetExposition.metricSet(s)
        layout = (key, set)
        return set
    }

    /// What decides the label layout: the fleet's structure and whether devices are exported.
    static func shapeKey(_ s: Snapshot) -> String {
        let d = s.export?.devices
        return "\(s.fleetName)|\(s.sites.map(\.name).joined(separator: ","))|\(s.halls.count)|\(s.racks.count)|\(d?.gpuRack.count ?? -1)|\(d?.replicaRack.count ?? -1)"
    }
}
