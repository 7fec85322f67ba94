/// Plain per-slice loops matching `SegmentedKernels`: the reference for tests and the benchmark.
public enum ScalarSegmentedKernels {
    /// Per slice of `offsets`: Double sum, max (`-infinity` when nothing counts) and count strictly
    /// above `threshold`, over every entry or, with `up`, over up entries only (a state byte is up
    /// when non-zero, or when zero if `zeroIsUp`).
    @inline(never)
    public static func reduce(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>?, zeroIsUp: Bool = false,
                              offsets: UnsafeBufferPointer<Int>, threshold: Float,
                              sums: UnsafeMutableBufferPointer<Double>,
                              maxima: UnsafeMutableBufferPointer<Float>,
                              countsAbove: UnsafeMutableBufferPointer<Int32>) {
        for s in 0..<Swift.max(0, offsets.count - 1) {
            var sum = 0.0, m = -Float.infinity, c: Int32 = 0
            for i in offsets[s]..<offsets[s + 1] {
                let on = up.map { (($0[i] == 0) == zeroIsUp) } ?? true
                let v = on ? x[i] : -.infinity
                sum += on ? Double(x[i]) : 0
                m = v > m ? v : m
                c += v > threshold ? 1 : 0
            }
            sums[s] = sum; maxima[s] = m; countsAbove[s] = c
        }
    }

    /// As `reduce(_:up:offsets:...)` for consecutive slices of `length` entries.
    public static func reduce(_ x: UnsafeBufferPointer<Float>, up: UnsafeBufferPointer<UInt8>?,
                              segmentLength length: Int, threshold: Float,
                              sums: UnsafeMutableBufferPointer<Double>,
                              maxima: UnsafeMutableBufferPointer<Float>,
                              countsAbove: UnsafeMutableBufferPointer<Int32>) {
        let offsets = (0...(x.count / length)).map { $0 * length }
        offsets.withUnsafeBufferPointer {
            reduce(x, up: up, offsets: $0, threshold: threshold, sums: sums, maxima: maxima, countsAbove: countsAbove)
        }
    }

    /// Up state bytes per slice (non-zero, or zero if `zeroIsUp`).
    public static func countUp(_ up: UnsafeBufferPointer<UInt8>, zeroIsUp: Bool = false, offsets: UnsafeBufferPointer<Int>,
                               into counts: UnsafeMutableBufferPointer<Int32>) {
        for s in 0..<Swift.max(0, offsets.count - 1) {
            var c: Int32 = 0
            for i in offsets[s]..<offsets[s + 1] where (up[i] == 0) == zeroIsUp { c += 1 }
            counts[s] = c
        }
    }
}
