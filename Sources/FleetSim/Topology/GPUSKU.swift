/// A GPU model with the power, thermal and speed constants the simulation needs (MODEL.md §4, §6, §7).
public enum GPUSKU: String, Sendable, Codable, CaseIterable, Hashable {
    case h100 = "H100", h200 = "H200", b200 = "B200"

    /// The physical constants of one SKU.
    public var constants: GPUConstants {
        switch self {
        // splitwise-sim phase powers for H100 (idle 75 W, prefill 700 W, decode 380 W); floor 200 W (MODEL §6).
        case .h100:
            GPUConstants(idleW: 75, prefillW: 700, decodeW: 380, tdpW: 700, floorW: 200, hbmGB: 80,
                         prefillSpeed: 1.0, decodeSpeed: 1.0)
        // H200: 700 W TDP (MODEL §6); same compute as H100, 4.8 vs 3.35 TB/s HBM (NVIDIA data sheets) → decode ×1.43.
        case .h200:
            GPUConstants(idleW: 75, prefillW: 700, decodeW: 420, tdpW: 700, floorW: 200, hbmGB: 141,
                         prefillSpeed: 1.0, decodeSpeed: 1.43)
        // B200: 1,000 W TDP (MODEL §6); dense FP16 2.25 vs 0.99 PFLOPS → prefill ×2.27, 8 vs 3.35 TB/s → decode ×2.39.
        case .b200:
            GPUConstants(idleW: 140, prefillW: 1000, decodeW: 560, tdpW: 1000, floorW: 300, hbmGB: 192,
                         prefillSpeed: 2.27, decodeSpeed: 2.39)
        }
    }
}

/// Per-SKU constants. Powers in watts, memory in GB, speeds relative to an H100.
public struct GPUConstants: Sendable, Equatable {
    public var idleW: Double
    public var prefillW: Double
    public var decodeW: Double
    public var tdpW: Double
    /// Lowest power cap the governor applies before shedding racks.
    public var floorW: Double
    public var hbmGB: Double
    public var prefillSpeed: Double
    public var decodeSpeed: Double
}
