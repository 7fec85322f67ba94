import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Issue 16 with a real Prometheus: it scrapes a running `fleettop --metrics-listen` every second;
/// its HTTP API finds the DCGM and vLLM series of the demo fleet, and a cooling fault typed into the
/// palette shows up as a rising DCGM_FI_DEV_GPU_TEMP.
@Suite(.serialized, .enabled(if: TmuxSession.available && PrometheusBinary.path != nil,
                             "tmux or prometheus is not installed (.ci/run installs both)"))
struct PrometheusLiveTests {

    /// A port nobody listens on now.
    static func freePort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var sa = sockaddr_in()
        sa.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr)
        _ = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var out = sockaddr_in(), len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &out) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return UInt16(bigEndian: out.sin_port)
    }

    /// One instant query against Prometheus's HTTP API: the first result's value, or nil.
    static func query(_ port: UInt16, _ promql: String) -> Double? {
        var c = URLComponents(string: "http://127.0.0.1:\(port)/api/v1/query")!
        c.queryItems = [URLQueryItem(name: "query", value: promql)]
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var body: Data?
        URLSession.shared.dataTask(with: c.url!) { data, _, _ in body = data; done.signal() }.resume()
        guard done.wait(timeout: .now() + 5) == .success, let body,
              let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let data = json["data"] as? [String: Any], let result = data["result"] as? [[String: Any]],
              let value = result.first?["value"] as? [Any], let text = value.last as? String else { return nil }
        return Double(text)
    }

    static func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(500_000)
        }
        return condition()
    }

    @Test func prometheusScrapesTheDemoFleetAndSeesACoolingFault() throws {
        let metricsPort = Self.freePort(), promPort = Self.freePort()
        let t = try TmuxSession(arguments: ["--fleet", "demo", "--speed", "60", "--metrics-listen", "127.0.0.1:\(metricsPort)"])
        let first = t.waitFor { $0.contains("metrics :\(metricsPort)") && $0.contains("fleet map") }
        #expect(first.contains("metrics :\(metricsPort)"), "the header does not show the endpoint:\n\(first)")

        let dir = NSTemporaryDirectory() + "fleettop-prom-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: fleettop
            static_configs:
              - targets: ['127.0.0.1:\(metricsPort)']
        """.write(toFile: dir + "/prometheus.yml", atomically: true, encoding: .utf8)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: PrometheusBinary.path!)
        server.arguments = ["--config.file=\(dir)/prometheus.yml", "--storage.tsdb.path=\(dir)/data",
                            "--web.listen-address=127.0.0.1:\(promPort)"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }

        #expect(Self.waitFor(60) { Self.query(promPort, "count(DCGM_FI_DEV_GPU_TEMP)") == 4096 },
                "Prometheus did not find the demo fleet's 4,096 GPUs")
        #expect(Self.query(promPort, "count(vllm:num_requests_running)") == 512)
        #expect(Self.waitFor(20) { (Self.query(promPort, "sum(vllm:time_to_first_token_seconds_count)") ?? 0) > 0 })
        #expect(Self.query(promPort, "count(fleettop_hall_cooling_capacity_ratio)") == 6)
        let hall = "DCGM_FI_DEV_GPU_TEMP{site=\"metro-edge\",hall=\"h1\"}"
        let before = try #require(Self.query(promPort, "max(\(hall))"))

        t.send(":")
        t.type("fault cooling site=metro-edge hall=1 magnitude=100%")
        t.send("Enter")
        t.waitFor { $0.contains("[ y Yes ]") }
        t.send("y")
        #expect(Self.waitFor(20) { Self.query(promPort, "min(fleettop_hall_cooling_capacity_ratio{site=\"metro-edge\",hall=\"h1\"})") == 0 },
                "Prometheus did not see the hall lose its cooling")
        #expect(Self.waitFor(120) { (Self.query(promPort, "max(\(hall))") ?? 0) >= before + 5 },
                "DCGM_FI_DEV_GPU_TEMP of metro-edge/h1 did not rise 5 °C above \(before)")
        t.send("q")
        #expect(t.waitForExit() == 0)
    }
}

/// The Prometheus server binary (Debian's `prometheus` package), if installed.
enum PrometheusBinary {
    static let path: String? = ["/usr/bin/prometheus", "/usr/local/bin/prometheus"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    /// promtool, from the same package.
    static let promtool: String? = ["/usr/bin/promtool", "/usr/local/bin/promtool"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
