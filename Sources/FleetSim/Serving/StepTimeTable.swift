/// Step time of one replica as a lookup on tokens in the batch (splitwise-sim's method, MODEL §4),
/// calibrated to Llama-2-70B FP16 on 8×H100, tabulated densely so a lookup is one load.
public struct StepTimeTable: Sendable, Equatable {
    /// Decode step seconds by batch size 0...maxBatch.
    public let decode: [Double]
    /// Decode steps per second by batch size (1 / `decode`), so the serving kernel multiplies.
    public let decodeRate: [Double]
    /// Prefill step seconds by chunk tokens in steps of `prefillQuantum`, 0...chunk budget.
    public let prefill: [Double]
    public let prefillQuantum: Double

    /// Decode calibration (batch, ms): 30.5 @1, 34 @16, 39 @32, 50 @64 (MODEL §4); 128 and 256 continue
    /// the 32→64 slope of 0.34 ms per sequence (*knob*: extrapolated).
    public static let decodePoints: [(Double, Double)] = [(0, 30.5), (1, 30.5), (16, 34), (32, 39), (64, 50),
                                                          (128, 72), (256, 116)]
    /// Prefill calibration (tokens, ms): 56 @512, 137 @2,048, 379 @4,096, 848 @8,192 (MODEL §4).
    public static let prefillPoints: [(Double, Double)] = [(0, 0), (512, 56), (2048, 137), (4096, 379), (8192, 848)]

    public init(maxBatch: Int, chunkTokens: Double, quantum: Double = 16) {
        func interpolate(_ pts: [(Double, Double)], _ x: Double) -> Double {
            for i in 1..<pts.count where x <= pts[i].0 {
                let (x0, y0) = pts[i - 1], (x1, y1) = pts[i]
                return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
            }
            let (x0, y0) = pts[pts.count - 2], (x1, y1) = pts[pts.count - 1]
            return y1 + (y1 - y0) * (x - x1) / (x1 - x0)
        }
        decode = (0...max(1, maxBatch)).map { interpolate(Self.decodePoints, Double($0)) / 1000 }
        decodeRate = decode.map { 1 / $0 }
        prefillQuantum = quantum
        let n = Int((chunkTokens / quantum).rounded(.up))
        prefill = (0...max(1, n)).map { interpolate(Self.prefillPoints, Double($0) * quantum) / 1000 }
    }
}
