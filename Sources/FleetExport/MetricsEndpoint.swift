import FleetHTTP
import FleetSim
import Foundation

/// `--metrics-listen`: serves `GET /metrics` from the latest snapshot of the runner it follows. The
/// runner copies the export columns on its own thread when it publishes; rendering happens on the
/// server's worker thread, one at a time, and a body is reused until a newer snapshot arrives and
/// `minimumRenderInterval` has passed, so a client scraping in a tight loop costs one render a second.
/// Nothing here calls into the engine or waits on the simulation or the screen.
public final class MetricsEndpoint: @unchecked Sendable {
    public let gpuLimit: Int
    /// Wall seconds a rendered body is served before a newer snapshot is rendered.
    public let minimumRenderInterval: Double
    private let lock = NSLock()
    private let renderLock = NSLock()
    private var hub: SnapshotHub?
    private var layout: (key: String, set: MetricSet)?
    private var cached: [ExpositionFormat: (hub: ObjectIdentifier, version: UInt64, at: Date, body: [UInt8])] = [:]
    private var server: MetricsServer?

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
        lock.lock(); server = s; lock.unlock()
    }

    /// Stops serving.
    public func stop() {
        lock.lock(); let s = server; server = nil; lock.unlock()
        s?.stop()
    }

    /// Serves `runner`'s snapshots from now on and asks it for export columns.
    public func follow(_ runner: SimRunner) {
        runner.exportMetrics(gpuLimit: gpuLimit)
        lock.lock(); hub = runner.hub; lock.unlock()
    }

    /// "metrics :9400" (loopback) or "metrics 0.0.0.0:9400", for the header.
    public var indicator: String? {
        lock.lock(); let s = server; lock.unlock()
        guard let s else { return nil }
        let host = s.address.host == "127.0.0.1" ? "" : (s.address.isIPv6 ? "[\(s.address.host)]" : s.address.host)
        return "metrics \(host):\(s.boundPort)"
    }

    /// The port bound (0 before `start`).
    public var port: UInt16 {
        lock.lock(); defer { lock.unlock() }
        return server?.boundPort ?? 0
    }

    /// Scrapes answered so far.
    public var scrapes: Int {
        lock.lock(); defer { lock.unlock() }
        return server?.scrapes ?? 0
    }

    func respond(_ head: ScrapeRequest) -> HTTPResponse {
        let format = ExpositionFormat.negotiate(accept: head.header("accept"))
        guard let body = body(format: format) else {
            return HTTPResponse.text(503, "Service Unavailable", "no snapshot yet")
        }
        return HTTPResponse(status: 200, reason: "OK", headers: [("Content-Type", format.contentType)], body: body)
    }

    /// The body of a scrape now, in `format` (nil before the first snapshot).
    public func body(format: ExpositionFormat) -> [UInt8]? {
        lock.lock(); let hub = self.hub; lock.unlock()
        guard let hub else { return nil }
        var version = hub.version
        guard var snapshot = hub.latest else { return nil }
        if snapshot.export == nil, let newer = hub.wait(after: version, timeout: 1) {
            // The first snapshots after `follow` may predate the export columns.
            snapshot = newer.snapshot; version = newer.version
        }
        renderLock.lock(); defer { renderLock.unlock() }
        let id = ObjectIdentifier(hub)
        if let c = cached[format], c.hub == id, c.version == version || -c.at.timeIntervalSinceNow < minimumRenderInterval {
            return c.body
        }
        let set = Self.metricSet(snapshot, reusing: &layout)
        let body = ExpositionText.render(set, format: format)
        cached[format] = (id, version, Date(), body)
        return body
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
