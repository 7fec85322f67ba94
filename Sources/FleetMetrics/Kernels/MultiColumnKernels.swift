/// Segmented reduction of several columns over the same slices in one pass: the state mask is
/// read once per slice piece, 8 bytes at a time folded into an 8-bit index into a 256-entry lane
/// table, and turned into one lane vector per 8 entries — `keep` bits, all ones where the entry
/// counts — then every column reuses it with its own 8-lane accumulators held in registers:
/// `x & keep` is added to the sum and feeds the max and the compare; an and, an add, a max and a
/// compare per 8 entries (no compare for a column without a threshold). Where a left-out entry
/// reading as 0 could be wrong (a negative threshold, or a piece whose maximum is at most 0), the
/// column runs with `-infinity` or-ed in for left-out entries instead (`PieceSinking`), never NaN
/// from an infinite value left out. The horizontal step runs
/// once per four pieces for all their lanes together (`PieceBatch`). This is the roll-up's GPU →
/// rack pass; `SegmentedKernels.reduce` is the one-column form.
public enum MultiColumnKernels {
    /// 8-lane groups whose masks are built at a time (512 entries of a slice).
    public static let piece = 64

    /// Reduces every column over the slices of `offsets` (segments + 1 entries, non-decreasing,
    /// within `count`). Column `c` counts only up entries when `masked[c]`, every entry otherwise;
    /// a state byte is up when non-zero, or when zero if `zeroIsUp`.
    /// Outputs are column-major: `sums[c * segments + s]`; `upCounts[s]` gets the up entries.
    /// A slice where nothing counts gets sum 0, max `-infinity`, count 0.
    public static func reduce(columns: UnsafeBufferPointer<UnsafePointer<Float>>, count n: Int,
                              up: UnsafePointer<UInt8>, zeroIsUp: Bool = false, masked: UnsafeBufferPointer<Bool>,
                              thresholds: UnsafeBufferPointer<Float>, offsets: UnsafeBufferPointer<Int>,
                              upCounts: UnsafeMutableBufferPointer<Int32>,
                              sums: UnsafeMutableBufferPointer<Double>, maxima: UnsafeMutableBufferPointer<Float>,
                              countsAbove: UnsafeMutableBufferPointer<Int32>) {
        let segments = offsets.count - 1, k = columns.count
        guard segments > 0 else { return }
        precondition(masked.count == k && thresholds.count == k, "one mask flag and threshold per column")
        precondition(offsets[segments] <= n, "offsets run past the columns")
        precondition(upCounts.count >= segments && sums.count >= k * segments && maxima.count >= k * segments
                     && countsAbove.count >= k * segments, "output buffers too short")
        let out = Outputs(segments: segments, sums: sums.baseAddress!, maxima: maxima.baseAddress!,
                          countsAbove: countsAbove.baseAddress!)
        Self.laneTable.withUnsafeBufferPointer { tableBuffer in
            let table = tableBuffer.baseAddress!
            withUnsafeTemporaryAllocation(of: SIMD8<UInt32>.self, capacity: 2 * piece) { keep in
            withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: k) { tailBuffer in
            withUnsafeTemporaryAllocation(of: PiecePartial.self, capacity: k * PieceBatch.size) { partials in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * PieceBatch.size) { units in
                let lanes = MaskPiece(keep: keep.baseAddress!)
                let rangeOnlyNeeded = masked.contains(false)
                let tails = tailBuffer.baseAddress!
                var batch = PieceBatch(partials: partials.baseAddress!, units: units.baseAddress!, columns: k)
                for s in 0..<segments {
                    var upTotal: Int32 = 0
                    var i = offsets[s], first = true
                    let end = offsets[s + 1]
                    // One piece for a slice of up to 512 entries (every rack); an empty slice still
                    // runs one piece of no groups so its outputs are written.
                    while first || i < end {
                        let pieceEnd = Swift.min(end, i + 8 * piece)
                        let groups = (pieceEnd - i + 7) / 8
                        // The last group may be partial; at the very end of the columns its data is
                        // copied into `tails` so no load runs past the buffers.
                        let lastIsCopied = i + 8 * groups > n
                        upTotal &+= buildMasks(up, zeroIsUp: zeroIsUp, from: i, to: pieceEnd, groups: groups, n: n,
                                               table: table, into: lanes, rangeOnly: rangeOnlyNeeded)
                        if lastIsCopied {
                            let g = i + 8 * (groups - 1)
                            for c in 0..<k {
                                var v = SIMD8<Float>()
                                for j in 0..<(pieceEnd - g) { v[j] = columns[c][g + j] }
                                tails[c] = v
                            }
                        }
                        reduceColumns(columns, masked: masked, thresholds: thresholds, from: i, groups: groups,
                                      tails: lastIsCopied ? tails : nil, lanes: lanes,
                                      into: batch.partials + batch.count)
                        batch.add(segment: s, first: first)
                        if batch.isFull { batch.flush(columns: k, into: out) }
                        i = pieceEnd
                        first = false
                    }
                    upCounts[s] = upTotal
                }
                batch.flush(columns: k, into: out)
            }
            }
            }
            }
        }
    }

    /// Lane vectors for one piece: `keep[g]` for up-and-in-range entries, and `keep[piece + g]` for
    /// in-range entries (columns that ignore the state).
    struct MaskPiece {
        var keep: UnsafeMutablePointer<SIMD8<UInt32>>
        var rangeOnly: MaskPiece { MaskPiece(keep: keep + piece) }
    }

    /// Fills the lane vectors of `lanes` for the groups of `from ..< to` (the in-range-only half
    /// when `rangeOnly`); returns how many entries are up.
    @inline(__always)
    static func buildMasks(_ up: UnsafePointer<UInt8>, zeroIsUp: Bool, from start: Int, to end: Int, groups: Int, n: Int,
                           table: UnsafePointer<SIMD8<Int32>>, into lanes: MaskPiece, rangeOnly: Bool) -> Int32 {
        var count = SIMD8<Int32>()
        let full = (Swift.min(end, n) - start) / 8
        let flip = zeroIsUp ? 0xFF : 0
        for g in 0..<Swift.min(groups, full) {
            let keep = table[upIndex8(up, start + 8 * g) ^ flip]
            lanes.keep[g] = SIMD8<UInt32>(truncatingIfNeeded: keep)
            count &-= keep
            if rangeOnly { lanes.keep[piece + g] = SIMD8<UInt32>(repeating: .max) }
        }
        for g in Swift.min(groups, full)..<groups {
            // The partial group at the end of the range: byte by byte.
            let i = start + 8 * g
            var keep = SIMD8<Int32>(), inRange = SIMD8<Int32>()
            for j in 0..<(end - i) {
                inRange[j] = -1
                if (up[i + j] == 0) == zeroIsUp { keep[j] = -1 }
            }
            lanes.keep[g] = SIMD8<UInt32>(truncatingIfNeeded: keep)
            count &-= keep
            if rangeOnly { lanes.keep[piece + g] = SIMD8<UInt32>(truncatingIfNeeded: inRange) }
        }
        return count.wrappedSum()
    }

    /// 8 state bytes from `p + i` as an 8-bit index, bit j set when byte j is non-zero: each byte
    /// folded onto its low bit, then the eight low bits gathered into the top byte by one multiply
    /// (the partial products land on distinct bits, so nothing carries). Little-endian byte order,
    /// as on every platform Swift targets here.
    @inline(__always)
    static func upIndex8(_ p: UnsafePointer<UInt8>, _ i: Int) -> Int {
        var w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
        w |= w &>> 4
        w |= w &>> 2
        w |= w &>> 1
        return Int(truncatingIfNeeded: ((w & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) &>> 56)
    }

    /// Lane bits for every 8-bit index: lane j all ones when bit j is set.
    static let laneTable: [SIMD8<Int32>] = (0..<256).map { b in
        var v = SIMD8<Int32>()
        for j in 0..<8 where b & (1 << j) != 0 { v[j] = -1 }
        return v
    }

    /// Every column over one piece, partials to `out[c * PieceBatch.size]`; `tails[c]` stands for
    /// the last group of column `c` when given. A column with a threshold of at least 0 first runs
    /// without the `-infinity` sink (left-out entries read as 0, which neither count above the
    /// threshold nor add to the sum); only when that piece's maximum comes out at most 0, where a
    /// left-out 0 could stand in for a smaller maximum or for none, is it run again with the sink.
    static func reduceColumns(_ columns: UnsafeBufferPointer<UnsafePointer<Float>>, masked: UnsafeBufferPointer<Bool>,
                              thresholds: UnsafeBufferPointer<Float>, from start: Int, groups: Int,
                              tails: UnsafeMutablePointer<SIMD8<Float>>?, lanes: MaskPiece,
                              into out: UnsafeMutablePointer<PiecePartial>) {
        for c in 0..<columns.count {
            let pieceLanes = masked[c] ? lanes : lanes.rangeOnly
            let lastFrom = tails.map { $0[c] }
            let t = thresholds[c]
            func piece<Counting: PieceCounting, Sinking: PieceSinking>(_: Counting.Type, _: Sinking.Type) -> PiecePartial {
                reducePiece(columns[c], from: start, groups: groups, lastFrom: lastFrom, lanes: pieceLanes,
                            threshold: t, counting: Counting.self, sinking: Sinking.self)
            }
            var partial: PiecePartial
            if t == .infinity {
                partial = piece(NoAboveCount.self, ZeroSink.self)
                if !any(partial.max .> 0) { partial = piece(NoAboveCount.self, InfinitySink.self) }
            } else if t >= 0 {
                partial = piece(AboveCount.self, ZeroSink.self)
                if !any(partial.max .> 0) { partial = piece(AboveCount.self, InfinitySink.self) }
            } else {
                partial = piece(AboveCount.self, InfinitySink.self)
            }
            out[c &* PieceBatch.size] = partial
        }
    }

    /// One column over `groups` 8-lane groups from `start` with the piece's lane vectors, left as
    /// 4-lane partials (the horizontal step is done for four pieces at once by `PieceBatch`).
    /// `lastFrom` replaces the last group's load when it would run past the column; with
    /// `NoAboveCount` the threshold compare is compiled out and the count stays 0; with `ZeroSink`
    /// left-out entries read as 0 instead of `-infinity` (one op less). Two groups per iteration
    /// halve the loop overhead.
    @inline(__always)
    static func reducePiece<Counting: PieceCounting, Sinking: PieceSinking>(
        _ p: UnsafePointer<Float>, from start: Int, groups: Int, lastFrom: SIMD8<Float>?, lanes: MaskPiece,
        threshold: Float, counting: Counting.Type, sinking: Sinking.Type
    ) -> PiecePartial {
        let t = SIMD8<Float>(repeating: threshold)
        var a = SIMD8<Float>(), m = SIMD8<Float>(repeating: -.infinity), c = SIMD8<Int32>()
        let loaded = lastFrom == nil ? groups : groups - 1
        var g = 0
        while g &+ 2 <= loaded {
            let x0 = SIMDLane.load8(p, start &+ 8 &* g), x1 = SIMDLane.load8(p, start &+ 8 &* g &+ 8)
            let k0 = SIMDLane.bits(x0) & lanes.keep[g], k1 = SIMDLane.bits(x1) & lanes.keep[g &+ 1]
            a += SIMDLane.floats(k0)
            a += SIMDLane.floats(k1)
            let v0 = Sinking.value(k0, lanes, g), v1 = Sinking.value(k1, lanes, g &+ 1)
            m = m.replacing(with: v0, where: v0 .> m)
            m = m.replacing(with: v1, where: v1 .> m)
            Counting.add(v0, above: t, to: &c)
            Counting.add(v1, above: t, to: &c)
            g &+= 2
        }
        while g < groups {
            let x = g < loaded ? SIMDLane.load8(p, start &+ 8 &* g) : lastFrom!
            let kept = SIMDLane.bits(x) & lanes.keep[g]
            a += SIMDLane.floats(kept)
            let v = Sinking.value(kept, lanes, g)
            m = m.replacing(with: v, where: v .> m)
            Counting.add(v, above: t, to: &c)
            g &+= 1
        }
        // Lanes never hold NaN maxima (a NaN never compares above), so a plain fold is exact.
        let mh = m.highHalf, ml = m.lowHalf
        // Each lane holds at most 128 values of the piece, so a Float partial loses nothing that
        // matters; pieces are then added in Double.
        return PiecePartial(sum: a.lowHalf + a.highHalf, max: ml.replacing(with: mh, where: mh .> ml),
                            negatedCount: c.lowHalf &+ c.highHalf)
    }
}
