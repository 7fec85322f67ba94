/// Per-GPU figures for a few racks, for the dashboard's GPU table: published with a snapshot only
/// while the dashboard asks for them (`SimRunner.watchGPUs`), since a fleet-wide copy every frame
/// would cost a large fleet dearly.
public struct GPUDetail: Sendable, Equatable {
    /// The most GPUs one request covers; a larger scope is cut to its first racks (`truncated`).
    public static let limit = 4_096

    /// Why a GPU is not serving at full speed.
    public enum Reason: String, Sendable, Equatable {
        case ok, failed, shutDown = "shut down", throttled, capped, straggler, shed
    }

    /// The racks covered, in topology order, and whether the requested scope held more.
    public var racks: Range<Int>
    public var truncated: Bool
    /// Global index of the first GPU; the arrays below are indexed from it.
    public var firstGPU: Int
    public var state: [GPUState]
    /// Die temperature as the sensors report it (sensor faults included), °C.
    public var dieCReported: [Float]
    public var powerW: [Float]
    /// Clock as a share of the full clock (thermal throttling lowers it).
    public var clock: [Float]
    /// The GPU's replica: busy share of its batch slots and share of its KV cache in use.
    public var utilization: [Float]
    public var kvUse: [Float]
    /// Global replica index, and the replica's number within its rack (1-based).
    public var replica: [Int32]
    public var replicaInRack: [Int32]
    /// The rack each GPU stands in, and the fault that failed it (nil when none or background).
    public var rack: [Int32]
    public var failedByFault: [Int32?]
    public var reason: [Reason]

    public var count: Int { state.count }

    public init(racks: Range<Int>, truncated: Bool, firstGPU: Int) {
        self.racks = racks; self.truncated = truncated; self.firstGPU = firstGPU
        state = []; dieCReported = []; powerW = []; clock = []; utilization = []; kvUse = []
        replica = []; replicaInRack = []; rack = []; failedByFault = []; reason = []
    }
}
