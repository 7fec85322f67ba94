/// What a GPU is doing, as one byte per GPU.
public enum GPUState: UInt8, Sendable {
    case up = 0
    /// Failed (GPU, HBM, host, rack, switch): waiting for repair.
    case failed = 1
    /// Shut down after crossing the shutdown temperature; restarts when its rack has cooled.
    case shutDown = 2
}
