import Testing
@testable import FleetMetrics

/// Segmented reductions against per-segment scalar loops, for fixed and variable slices.
@Suite struct SegmentedKernelsTests {
    struct Result: Equatable {
        var sums: [Double], maxima: [Float], above: [Int32]
    }

    /// Runs `body` on fresh output buffers for `s` segments, filled with values a kernel must overwrite.
    func outputs(_ s: Int, _ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Float>,
                                    UnsafeMutableBufferPointer<Int32>) -> Void) -> Result {
        var sums = [Double](repeating: .nan, count: s), maxima = [Float](repeating: .nan, count: s)
        var above = [Int32](repeating: -1, count: s)
        sums.withUnsafeMutableBufferPointer { a in
            maxima.withUnsafeMutableBufferPointer { b in above.withUnsafeMutableBufferPointer { c in body(a, b, c) } }
        }
        return Result(sums: sums, maxima: maxima, above: above)
    }

    func simd(_ x: [Float], _ up: [UInt8]?, offsets: [Int], threshold: Float) -> Result {
        outputs(offsets.count - 1) { sums, maxima, above in
            x.withUnsafeBufferPointer { xs in
                offsets.withUnsafeBufferPointer { o in
                    Self.withMask(up) { u in
                        SegmentedKernels.reduce(xs, up: u, offsets: o, threshold: threshold, sums: sums,
                                                maxima: maxima, countsAbove: above)
                    }
                }
            }
        }
    }

    /// Plain loops over each slice, written here independently of the library.
    func reference(_ x: [Float], _ up: [UInt8]?, offsets: [Int], threshold: Float) -> Result {
        var r = Result(sums: [], maxima: [], above: [])
        for s in 0..<(offsets.count - 1) {
            let idx = (offsets[s]..<offsets[s + 1]).filter { up == nil || up![$0] != 0 }
            r.sums.append(idx.reduce(0.0) { $0 + Double(x[$1]) })
            r.maxima.append(idx.map { x[$0] }.max() ?? -.infinity)
            r.above.append(Int32(idx.filter { x[$0] > threshold }.count))
        }
        return r
    }

    static func withMask<R>(_ up: [UInt8]?, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        guard let up else { return body(nil) }
        return up.withUnsafeBufferPointer { body($0) }
    }

    func expectMatch(_ a: Result, _ b: Result, _ note: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.maxima == b.maxima, "max \(note)", sourceLocation: sourceLocation)
        #expect(a.above == b.above, "count \(note)", sourceLocation: sourceLocation)
        #expect(a.sums.count == b.sums.count, sourceLocation: sourceLocation)
        for (p, q) in zip(a.sums, b.sums) {
            #expect(abs(p - q) <= 1e-5 * Swift.max(1, abs(q)), "sum \(note)", sourceLocation: sourceLocation)
        }
    }

    @Test func variableSlicesMatchReference() {
        var rng = TestRandom(seed: 10)
        let lengths = [0, 1, 5, 16, 17, 72, 0, 33, 64, 3, 200, 15, 1]
        let offsets = RollupLayout.offsets(lengths)
        let x = rng.floats(offsets.last!, in: 20...95)
        for up in [nil, rng.mask(x.count, up: 0.7), [UInt8](repeating: 0, count: x.count)] {
            let a = simd(x, up, offsets: offsets, threshold: 87)
            expectMatch(a, reference(x, up, offsets: offsets, threshold: 87), "masked=\(up != nil)")
            let scalar = outputs(lengths.count) { sums, maxima, above in
                x.withUnsafeBufferPointer { xs in
                    offsets.withUnsafeBufferPointer { o in
                        Self.withMask(up) { u in
                            ScalarSegmentedKernels.reduce(xs, up: u, offsets: o, threshold: 87,
                                                          sums: sums, maxima: maxima, countsAbove: above)
                        }
                    }
                }
            }
            expectMatch(scalar, reference(x, up, offsets: offsets, threshold: 87), "scalar masked=\(up != nil)")
        }
    }

    /// The last slice ends at the column's end, so its partial vector cannot read ahead.
    @Test func fixedSlicesMatchReferenceForManyLengths() {
        var rng = TestRandom(seed: 11)
        for length in [1, 3, 8, 15, 16, 17, 40, 72, 100] {
            for segments in [1, 2, 7] {
                let x = rng.floats(length * segments, in: -10...10)
                let up = rng.mask(x.count, up: 0.6)
                let s = segments
                let r = outputs(s) { sums, maxima, above in
                    x.withUnsafeBufferPointer { xs in
                        up.withUnsafeBufferPointer { us in
                            SegmentedKernels.reduce(xs, up: us, segmentLength: length, threshold: 2,
                                                    sums: sums, maxima: maxima, countsAbove: above)
                        }
                    }
                }
                let offsets = (0...s).map { $0 * length }
                expectMatch(r, reference(x, up, offsets: offsets, threshold: 2), "length=\(length) segments=\(s)")
            }
        }
    }

    @Test func upCountsPerSliceMatchReference() {
        var rng = TestRandom(seed: 12)
        let offsets = RollupLayout.offsets([0, 1, 16, 17, 31, 64, 9, 2])
        let up = rng.mask(offsets.last!, up: 0.5)
        var simdCounts = [Int32](repeating: -1, count: offsets.count - 1)
        up.withUnsafeBufferPointer { u in
            offsets.withUnsafeBufferPointer { o in
                simdCounts.withUnsafeMutableBufferPointer { SegmentedKernels.countUp(u, offsets: o, into: $0) }
            }
        }
        let expected = (0..<(offsets.count - 1)).map { s in
            Int32((offsets[s]..<offsets[s + 1]).filter { up[$0] != 0 }.count)
        }
        #expect(simdCounts == expected)
    }

    /// A slice longer than one Float block is still summed without drift.
    @Test func longSliceFlushesPerBlock() {
        var rng = TestRandom(seed: 13)
        let x = rng.floats(3 * ColumnKernels.blockElements + 5, in: 0.05...0.15)
        let r = simd(x, nil, offsets: [0, 7, x.count], threshold: 1)
        expectMatch(r, reference(x, nil, offsets: [0, 7, x.count], threshold: 1), "long slice")
    }
}
