/// SplitMix64: a small deterministic generator so every test sees the same data.
struct TestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `n` floats uniform in `range`.
    mutating func floats(_ n: Int, in range: ClosedRange<Float>) -> [Float] {
        (0..<n).map { _ in Float.random(in: range, using: &self) }
    }

    /// `n` state bytes, each up with probability `p` (up bytes take varied non-zero values).
    mutating func mask(_ n: Int, up p: Double) -> [UInt8] {
        (0..<n).map { _ in Double.random(in: 0..<1, using: &self) < p ? UInt8.random(in: 1...255, using: &self) : 0 }
    }
}
