/// What a left-out entry (down, or past the slice) reads as in `MultiColumnKernels.reducePiece`:
/// a type parameter, so each variant is compiled without a branch inside the column loop.
protocol PieceSinking {
    /// The value fed to the maximum and the compare for group `g`, from its kept bits (the entry's
    /// bits where it counts, 0 where it does not).
    static func value(_ kept: SIMD8<UInt32>, _ lanes: MultiColumnKernels.MaskPiece, _ g: Int) -> SIMD8<Float>
}

/// Left-out entries read as `-infinity`: exact for any values and thresholds. The sink bits are
/// derived from `keep` here, since this path runs only for the rare pieces that need it.
enum InfinitySink: PieceSinking {
    @inline(__always)
    static func value(_ kept: SIMD8<UInt32>, _ lanes: MultiColumnKernels.MaskPiece, _ g: Int) -> SIMD8<Float> {
        let minusInfinity = SIMD8<UInt32>(repeating: (-Float.infinity).bitPattern)
        return SIMDLane.floats(kept | (~lanes.keep[g] & minusInfinity))
    }
}

/// Left-out entries read as 0: one op and one load less, exact for a threshold of at least 0 and a
/// maximum above 0 (the caller runs the piece again with `InfinitySink` otherwise).
enum ZeroSink: PieceSinking {
    @inline(__always)
    static func value(_ kept: SIMD8<UInt32>, _ lanes: MultiColumnKernels.MaskPiece, _ g: Int) -> SIMD8<Float> {
        SIMDLane.floats(kept)
    }
}
