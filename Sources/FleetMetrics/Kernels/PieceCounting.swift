/// Whether `MultiColumnKernels.reducePiece` counts entries above the threshold: a type parameter,
/// so the column loop is compiled once with the compare and once without it (no branch inside).
protocol PieceCounting {
    /// Subtracts 1 from the lanes of `counts` where `v` is strictly above `t` (a true compare is -1).
    static func add(_ v: SIMD8<Float>, above t: SIMD8<Float>, to counts: inout SIMD8<Int32>)
}

/// Counts: one compare and one integer add per 8 entries.
enum AboveCount: PieceCounting {
    @inline(__always)
    static func add(_ v: SIMD8<Float>, above t: SIMD8<Float>, to counts: inout SIMD8<Int32>) {
        counts &+= SIMD8<Int32>().replacing(with: -1, where: v .> t)
    }
}

/// Does not count: for columns whose threshold is `+infinity`.
enum NoAboveCount: PieceCounting {
    @inline(__always)
    static func add(_ v: SIMD8<Float>, above t: SIMD8<Float>, to counts: inout SIMD8<Int32>) {}
}
