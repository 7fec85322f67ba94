/// What the Prometheus exposition needs beyond the snapshot's roll-ups, copied from live state on the
/// simulation thread (`FleetEngine.exportColumns`) so a metrics server never touches the engine:
/// per-GPU and per-replica columns while the fleet has at most `gpuLimit` GPUs, and the whole-run
/// serving counters at vLLM's bucket bounds.
public struct ExportColumns: Sendable, Equatable {
    /// The most GPUs exported one by one; a larger fleet is exported rack by rack instead.
    public var gpuLimit: Int
    /// Per-GPU and per-replica columns; nil when the fleet has more than `gpuLimit` GPUs.
    public var devices: DeviceColumns?
    /// Whole-run serving counters per class.
    public var counters: ExportCounters

    public init(gpuLimit: Int, devices: DeviceColumns?, counters: ExportCounters) {
        self.gpuLimit = gpuLimit; self.devices = devices; self.counters = counters
    }

    /// The default `gpuLimit` (`--metrics-gpu-limit`).
    public static let defaultGPULimit = 10_000
}

/// Per-GPU and per-replica figures for a whole fleet, in topology order.
public struct DeviceColumns: Sendable, Equatable {
    /// The rack of each GPU, and of each replica.
    public var gpuRack: [Int32]
    public var replicaRack: [Int32]
    /// The GPU model of each hall.
    public var hallSKU: [GPUSKU]
    /// True for a GPU that is up (not failed, not shut down).
    public var gpuUp: [Bool]
    /// Die temperature as the sensors report it, °C.
    public var dieCReported: [Float]
    public var powerW: [Float]
    /// Clock as a share of the full clock.
    public var clock: [Float]
    /// Busy share of the GPU's replica over the last second, 0...1.
    public var utilization: [Float]
    /// Per replica: requests admitted (prefilling or decoding), waiting, KV cache in use 0...1, up.
    public var running: [Float]
    public var waiting: [Float]
    public var kvUse: [Float]
    public var replicaUp: [Bool]

    public init(gpuRack: [Int32], replicaRack: [Int32], hallSKU: [GPUSKU]) {
        self.gpuRack = gpuRack; self.replicaRack = replicaRack; self.hallSKU = hallSKU
        gpuUp = []; dieCReported = []; powerW = []; clock = []; utilization = []
        running = []; waiting = []; kvUse = []; replicaUp = []
    }
}
