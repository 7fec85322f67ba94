import ArgumentParser
import FleetExport
import FleetHTTP
import FleetSim

/// `--metrics-listen` and `--metrics-gpu-limit`, shared by `watch`, `demo` and `replay`.
struct MetricsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Serve GET /metrics (Prometheus text, or OpenMetrics when asked) on this address: PORT or :PORT (loopback), ADDR:PORT, [IPv6]:PORT.", valueName: "addr:port"))
    var metricsListen: String?

    @Option(help: ArgumentHelp("Export GPUs one by one (DCGM names) up to this many GPUs; a larger fleet is exported per rack.", valueName: "n"))
    var metricsGpuLimit: Int = ExportColumns.defaultGPULimit

    /// The started endpoint, or nil without `--metrics-listen`; a usage error (exit 2) when the
    /// address is bad or cannot be bound.
    func endpoint(command: String) throws -> MetricsEndpoint? {
        guard let metricsListen else { return nil }
        guard metricsGpuLimit >= 0 else {
            throw UserFailure(message: "\(command): --metrics-gpu-limit \(metricsGpuLimit): expected 0 or more")
        }
        let address: ListenAddress
        switch ListenAddress.parse(metricsListen) {
        case .success(let a): address = a
        case .failure(let e): throw UserFailure(message: "\(command): --metrics-listen: \(e)")
        }
        let endpoint = MetricsEndpoint(gpuLimit: metricsGpuLimit)
        do {
            try endpoint.start(address: address)
        } catch {
            throw UserFailure(message: "\(command): --metrics-listen: \(error)")
        }
        return endpoint
    }
}
