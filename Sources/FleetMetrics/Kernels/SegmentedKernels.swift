/// Segmented reductions: one pass over a column cut into contiguous slices (GPUs of a rack, racks
/// of a hall, halls of a site), writing one sum / max / count-above per slice. Slices are either a
/// fixed length or given by `offsets` (slice `s` is `offsets[s] ..< offsets[s + 1]`). Values are
/// read 8 lanes at a time into 8-lane accumulators (sum, max and count together fit the 16 SSE
/// registers; 16-lane ones spill). The last, partial vector of a slice reads on into the next
/// slice and masks those lanes off, so a slice of any length costs ⌈length / 8⌉ loads; only the
/// column's very end falls back to scalar. For several columns over the same slices,
/// `MultiColumnKernels` turns the mask into lanes once instead of once per column.
public enum SegmentedKernels {
    /// Reduces the slices of `x` given by `offsets` (segments + 1 entries, non-decreasing, ending
    /// within `x`). With `up`, only entries whose state byte is non-zero count; a slice with none
    /// gets sum 0, max `-infinity`, count 0. Counts are of entries strictly above `threshold`.
    @inlinable
    public static func reduce(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>?,
                              offsets: UnsafeBufferPointer<Int>, threshold: Float,
                              sums: UnsafeMutableBufferPointer<Double>,
                              maxima: UnsafeMutableBufferPointer<Float>,
                              countsAbove: UnsafeMutableBufferPointer<Int32>) {
        let segments = offsets.count - 1
        guard segments > 0 else { return }
        precondition(sums.count >= segments && maxima.count >= segments && countsAbove.count >= segments,
                     "output buffers shorter than the segment count")
        precondition(offsets[segments] <= x.count, "offsets run past the column")
        guard let p = x.baseAddress else {
            for s in 0..<segments { sums[s] = 0; maxima[s] = -.infinity; countsAbove[s] = 0 }
            return
        }
        let n = x.count
        if let up {
            precondition(up.count == n, "mask and column differ in length")
            let u = up.baseAddress!
            for s in 0..<segments {
                let r = maskedSegment(p, u, n: n, start: offsets[s], end: offsets[s + 1], threshold: threshold)
                sums[s] = r.sum; maxima[s] = r.max; countsAbove[s] = r.above
            }
        } else {
            for s in 0..<segments {
                let r = plainSegment(p, n: n, start: offsets[s], end: offsets[s + 1], threshold: threshold)
                sums[s] = r.sum; maxima[s] = r.max; countsAbove[s] = r.above
            }
        }
    }

    /// Reduces consecutive slices of `length` entries each (`x.count` a multiple of it), as
    /// `reduce(_:up:offsets:...)` does for variable slices.
    @inlinable
    public static func reduce(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>?,
                              segmentLength length: Int, threshold: Float,
                              sums: UnsafeMutableBufferPointer<Double>,
                              maxima: UnsafeMutableBufferPointer<Float>,
                              countsAbove: UnsafeMutableBufferPointer<Int32>) {
        precondition(length > 0 && x.count % length == 0, "column length is not a multiple of the segment length")
        let segments = x.count / length
        guard segments > 0, let p = x.baseAddress else { return }
        precondition(sums.count >= segments && maxima.count >= segments && countsAbove.count >= segments,
                     "output buffers shorter than the segment count")
        let n = x.count
        if let up {
            precondition(up.count == n, "mask and column differ in length")
            let u = up.baseAddress!
            for s in 0..<segments {
                let r = maskedSegment(p, u, n: n, start: s * length, end: s * length + length, threshold: threshold)
                sums[s] = r.sum; maxima[s] = r.max; countsAbove[s] = r.above
            }
        } else {
            for s in 0..<segments {
                let r = plainSegment(p, n: n, start: s * length, end: s * length + length, threshold: threshold)
                sums[s] = r.sum; maxima[s] = r.max; countsAbove[s] = r.above
            }
        }
    }

    /// Counts the up state bytes of each slice given by `offsets`.
    @inlinable
    public static func countUp(_ up: UnsafeBufferPointer<UInt8>, offsets: UnsafeBufferPointer<Int>,
                               into counts: UnsafeMutableBufferPointer<Int32>) {
        let segments = offsets.count - 1
        guard segments > 0 else { return }
        precondition(counts.count >= segments, "output buffer shorter than the segment count")
        precondition(offsets[segments] <= up.count, "offsets run past the mask")
        guard let u = up.baseAddress else {
            for s in 0..<segments { counts[s] = 0 }
            return
        }
        let n = up.count
        for s in 0..<segments {
            var i = offsets[s]
            let end = offsets[s + 1]
            var c = SIMD16<Int32>()
            while i + 16 <= end { c &+= SIMDLane.ones(SIMDLane.loadUp(u, i)); i += 16 }
            var total = c.wrappedSum()
            if i < end {
                if i + 16 <= n {
                    total &+= SIMDLane.ones(SIMDLane.loadUp(u, i) .& SIMDLane.firstLanes(end - i)).wrappedSum()
                } else {
                    while i < end { if u[i] != 0 { total &+= 1 }; i += 1 }
                }
            }
            counts[s] = total
        }
    }

    /// Sums Double entries per slice (e.g. rack sums into hall sums).
    @inlinable
    public static func sum(_ x: UnsafeBufferPointer<Double>, offsets: UnsafeBufferPointer<Int>,
                           into out: UnsafeMutableBufferPointer<Double>) {
        for s in 0..<Swift.max(0, offsets.count - 1) {
            var a = 0.0
            for i in offsets[s]..<offsets[s + 1] { a += x[i] }
            out[s] = a
        }
    }

    /// Sums Int32 entries per slice (e.g. rack counts into hall counts).
    @inlinable
    public static func sum(_ x: UnsafeBufferPointer<Int32>, offsets: UnsafeBufferPointer<Int>,
                           into out: UnsafeMutableBufferPointer<Int32>) {
        for s in 0..<Swift.max(0, offsets.count - 1) {
            var a: Int32 = 0
            for i in offsets[s]..<offsets[s + 1] { a &+= x[i] }
            out[s] = a
        }
    }

    /// Largest entry per slice; `-infinity` for an empty slice.
    @inlinable
    public static func max(_ x: UnsafeBufferPointer<Float>, offsets: UnsafeBufferPointer<Int>,
                           into out: UnsafeMutableBufferPointer<Float>) {
        for s in 0..<Swift.max(0, offsets.count - 1) {
            var m = -Float.infinity
            for i in offsets[s]..<offsets[s + 1] where x[i] > m { m = x[i] }
            out[s] = m
        }
    }

    /// One slice, every entry counted: 8-lane accumulators (sum, max, count) that fit the 16 SSE
    /// registers together, fed by 8-lane halves of the column.
    @inlinable @inline(__always)
    static func plainSegment(_ p: UnsafePointer<Float>, n: Int, start: Int, end: Int,
                             threshold: Float) -> (sum: Double, max: Float, above: Int32) {
        let t = SIMD8<Float>(repeating: threshold), off = SIMD8<Float>(repeating: -.infinity)
        var total = 0.0, i = start
        var m = off, c = SIMD8<Int32>()
        while i < end {
            let blockEnd = Swift.min(end, i + ColumnKernels.blockElements)
            var a = SIMD8<Float>()
            while i + 8 <= blockEnd {
                let v = SIMDLane.load8(p, i)
                a += v
                m = m.replacing(with: v, where: v .> m)
                c &+= SIMD8<Int32>().replacing(with: 1, where: v .> t)
                i += 8
            }
            if i < blockEnd && blockEnd == end {
                if i + 8 <= n {
                    let on = SIMDLane.firstLanes8(end - i)
                    let v = off.replacing(with: SIMDLane.load8(p, i), where: on)
                    a += SIMD8<Float>().replacing(with: v, where: on)
                    m = m.replacing(with: v, where: v .> m)
                    c &+= SIMD8<Int32>().replacing(with: 1, where: v .> t)
                    i = end
                } else {
                    var tail = -Float.infinity
                    while i < end {
                        let v = p[i]
                        total += Double(v); if v > tail { tail = v }; if v > threshold { c[0] &+= 1 }
                        i += 1
                    }
                    m[0] = Swift.max(m[0], tail)
                }
            }
            total += SIMDLane.flush8(a)
        }
        return (total, SIMDLane.maxLane8(m), c.wrappedSum())
    }

    /// One slice, only up entries counted. Down lanes become `-infinity` once, so max and count
    /// need no further masking; 8-lane accumulators stay in registers.
    @inlinable @inline(__always)
    static func maskedSegment(_ p: UnsafePointer<Float>, _ u: UnsafePointer<UInt8>, n: Int, start: Int, end: Int,
                              threshold: Float) -> (sum: Double, max: Float, above: Int32) {
        let t = SIMD8<Float>(repeating: threshold), off = SIMD8<Float>(repeating: -.infinity)
        var total = 0.0, i = start
        var m = off, c = SIMD8<Int32>()
        while i < end {
            let blockEnd = Swift.min(end, i + ColumnKernels.blockElements)
            var a = SIMD8<Float>()
            while i + 8 <= blockEnd {
                let on = SIMDLane.loadUp8(u, i)
                let v = off.replacing(with: SIMDLane.load8(p, i), where: on)
                a += SIMD8<Float>().replacing(with: v, where: on)
                m = m.replacing(with: v, where: v .> m)
                c &+= SIMD8<Int32>().replacing(with: 1, where: v .> t)
                i += 8
            }
            if i < blockEnd && blockEnd == end {
                if i + 8 <= n {
                    let on = SIMDLane.loadUp8(u, i) .& SIMDLane.firstLanes8(end - i)
                    let v = off.replacing(with: SIMDLane.load8(p, i), where: on)
                    a += SIMD8<Float>().replacing(with: v, where: on)
                    m = m.replacing(with: v, where: v .> m)
                    c &+= SIMD8<Int32>().replacing(with: 1, where: v .> t)
                    i = end
                } else {
                    var tail = -Float.infinity
                    while i < end {
                        if u[i] != 0 {
                            let v = p[i]
                            total += Double(v); if v > tail { tail = v }; if v > threshold { c[0] &+= 1 }
                        }
                        i += 1
                    }
                    m[0] = Swift.max(m[0], tail)
                }
            }
            total += SIMDLane.flush8(a)
        }
        return (total, SIMDLane.maxLane8(m), c.wrappedSum())
    }
}
