/// The horizontal step of `MultiColumnKernels.reduce`, done for four pieces at once: each column's
/// 4-lane partials of four pieces are transposed and added (or maxed) into one vector holding the
/// four pieces' results, so one shuffle sequence serves four racks instead of one.
extension MultiColumnKernels {
    /// One column over one piece, before the horizontal step: lane sums, lane maxima, and lane counts
    /// negated (a true compare is -1, subtracted with no extra instruction).
    struct PiecePartial {
        var sum: SIMD4<Float>
        var max: SIMD4<Float>
        var negatedCount: SIMD4<Int32>

        static let empty = PiecePartial(sum: .zero, max: SIMD4(repeating: -.infinity), negatedCount: .zero)
    }

    /// Where `reduce` writes: column-major, `column * segments + segment`.
    struct Outputs {
        var segments: Int
        var sums: UnsafeMutablePointer<Double>
        var maxima: UnsafeMutablePointer<Float>
        var countsAbove: UnsafeMutablePointer<Int32>
    }

    /// Up to four pieces' partials for every column (`partials[column * size + unit]`), with the
    /// segment each piece belongs to and whether it is that segment's first piece (kept in scalar
    /// slots: inserting lanes into a vector field goes through the stack and stalls).
    struct PieceBatch {
        static let size = 4
        let partials: UnsafeMutablePointer<PiecePartial>
        /// `units[j]`: segment of piece `j`; `units[size + j]`: 1 when it is the segment's first piece.
        let units: UnsafeMutablePointer<Int>
        private(set) var count = 0
        /// Pieces held that are their segment's first piece.
        private var firsts = 0

        /// `partials` holds `columns * size` entries, `units` `2 * size`; both are initialized here.
        init(partials: UnsafeMutablePointer<PiecePartial>, units: UnsafeMutablePointer<Int>, columns: Int) {
            self.partials = partials
            self.units = units
            partials.initialize(repeating: .empty, count: columns * Self.size)
            units.initialize(repeating: 0, count: 2 * Self.size)
        }

        var isFull: Bool { count == Self.size }

        /// Records the piece whose partials were just written at unit `count`.
        mutating func add(segment s: Int, first isFirst: Bool) {
            units[count] = s
            units[Self.size &+ count] = isFirst ? 1 : 0
            firsts &+= isFirst ? 1 : 0
            count &+= 1
        }

        /// Finishes every column of the pieces held: a first piece sets its segment's figures, a
        /// later piece of the same segment adds to them. Four whole consecutive segments are stored
        /// as vectors.
        mutating func flush(columns k: Int, into out: Outputs) {
            guard count > 0 else { return }
            let vectorStore = count == Self.size && firsts == Self.size && units[3] == units[0] &+ 3
            for c in 0..<k {
                let p = partials + c &* Self.size
                let sum = Self.across(p[0].sum, p[1].sum, p[2].sum, p[3].sum)
                let max = Self.maxAcross(p[0].max, p[1].max, p[2].max, p[3].max)
                let above = SIMD4<Int32>() &- Self.across(p[0].negatedCount, p[1].negatedCount,
                                                          p[2].negatedCount, p[3].negatedCount)
                let o = c &* out.segments
                if vectorStore {
                    let e = o &+ units[0]
                    UnsafeMutableRawPointer(out.sums + e).storeBytes(of: SIMD4<Double>(sum), as: SIMD4<Double>.self)
                    UnsafeMutableRawPointer(out.maxima + e).storeBytes(of: max, as: SIMD4<Float>.self)
                    UnsafeMutableRawPointer(out.countsAbove + e).storeBytes(of: above, as: SIMD4<Int32>.self)
                    continue
                }
                for j in 0..<count {
                    let e = o &+ units[j]
                    if units[Self.size &+ j] != 0 {
                        out.sums[e] = Double(sum[j]); out.maxima[e] = max[j]; out.countsAbove[e] = above[j]
                    } else {
                        out.sums[e] += Double(sum[j])
                        if max[j] > out.maxima[e] { out.maxima[e] = max[j] }
                        out.countsAbove[e] &+= above[j]
                    }
                }
            }
            count = 0
            firsts = 0
        }

        /// Lane `j` of the result is the sum of the lanes of the `j`-th argument.
        @inline(__always)
        static func across<T: SIMDScalar & FixedWidthInteger>(_ a: SIMD4<T>, _ b: SIMD4<T>, _ c: SIMD4<T>,
                                                               _ d: SIMD4<T>) -> SIMD4<T> {
            let ab = SIMD4(lowHalf: a.lowHalf, highHalf: b.lowHalf) &+ SIMD4(lowHalf: a.highHalf, highHalf: b.highHalf)
            let cd = SIMD4(lowHalf: c.lowHalf, highHalf: d.lowHalf) &+ SIMD4(lowHalf: c.highHalf, highHalf: d.highHalf)
            let e = SIMD8(lowHalf: ab, highHalf: cd)
            return e.evenHalf &+ e.oddHalf
        }

        /// As the integer `across`, for float sums.
        @inline(__always)
        static func across(_ a: SIMD4<Float>, _ b: SIMD4<Float>, _ c: SIMD4<Float>, _ d: SIMD4<Float>) -> SIMD4<Float> {
            let ab = SIMD4(lowHalf: a.lowHalf, highHalf: b.lowHalf) + SIMD4(lowHalf: a.highHalf, highHalf: b.highHalf)
            let cd = SIMD4(lowHalf: c.lowHalf, highHalf: d.lowHalf) + SIMD4(lowHalf: c.highHalf, highHalf: d.highHalf)
            let e = SIMD8(lowHalf: ab, highHalf: cd)
            return e.evenHalf + e.oddHalf
        }

        /// Lane `j` of the result is the largest lane of the `j`-th argument (no NaN lanes).
        @inline(__always)
        static func maxAcross(_ a: SIMD4<Float>, _ b: SIMD4<Float>, _ c: SIMD4<Float>, _ d: SIMD4<Float>) -> SIMD4<Float> {
            func mx(_ x: SIMD4<Float>, _ y: SIMD4<Float>) -> SIMD4<Float> { x.replacing(with: y, where: y .> x) }
            let ab = mx(SIMD4(lowHalf: a.lowHalf, highHalf: b.lowHalf), SIMD4(lowHalf: a.highHalf, highHalf: b.highHalf))
            let cd = mx(SIMD4(lowHalf: c.lowHalf, highHalf: d.lowHalf), SIMD4(lowHalf: c.highHalf, highHalf: d.highHalf))
            let e = SIMD8(lowHalf: ab, highHalf: cd)
            return mx(e.evenHalf, e.oddHalf)
        }
    }
}
