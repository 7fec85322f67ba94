import Testing
@testable import FleetMetrics

/// The fused several-columns pass against per-slice loops: slices longer than one mask piece,
/// partial groups at the very end of the columns, masked and unmasked columns side by side.
@Suite struct MultiColumnKernelsTests {
    struct Out: Equatable {
        var up: [Int32], sums: [Double], maxima: [Float], above: [Int32]
    }

    func run(_ columns: [[Float]], up: [UInt8], masked: [Bool], thresholds: [Float], offsets: [Int]) -> Out {
        let s = offsets.count - 1, k = columns.count, n = up.count
        var out = Out(up: .init(repeating: -1, count: s), sums: .init(repeating: .nan, count: s * k),
                      maxima: .init(repeating: .nan, count: s * k), above: .init(repeating: -1, count: s * k))
        let flat = columns.flatMap { $0 }
        flat.withUnsafeBufferPointer { f in
            let pointers = (0..<k).map { f.baseAddress! + $0 * n }
            pointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { cols in
                up.withUnsafeBufferPointer { u in
                    masked.withUnsafeBufferPointer { mk in
                        thresholds.withUnsafeBufferPointer { th in
                            offsets.withUnsafeBufferPointer { o in
                                out.up.withUnsafeMutableBufferPointer { uc in
                                    out.sums.withUnsafeMutableBufferPointer { su in
                                        out.maxima.withUnsafeMutableBufferPointer { mx in
                                            out.above.withUnsafeMutableBufferPointer { ab in
                                                MultiColumnKernels.reduce(
                                                    columns: cols, count: n, up: u.baseAddress!, masked: mk,
                                                    thresholds: th, offsets: o, upCounts: uc, sums: su,
                                                    maxima: mx, countsAbove: ab)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    func reference(_ columns: [[Float]], up: [UInt8], masked: [Bool], thresholds: [Float], offsets: [Int]) -> Out {
        let s = offsets.count - 1
        var out = Out(up: [], sums: [], maxima: [], above: [])
        for seg in 0..<s {
            out.up.append(Int32((offsets[seg]..<offsets[seg + 1]).filter { up[$0] != 0 }.count))
        }
        for (c, col) in columns.enumerated() {
            for seg in 0..<s {
                let idx = (offsets[seg]..<offsets[seg + 1]).filter { !masked[c] || up[$0] != 0 }
                out.sums.append(idx.reduce(0.0) { $0 + Double(col[$1]) })
                out.maxima.append(idx.map { col[$0] }.max() ?? -.infinity)
                out.above.append(Int32(idx.filter { col[$0] > thresholds[c] }.count))
            }
        }
        return out
    }

    func expectClose(_ a: Out, _ b: Out, _ note: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.up == b.up, "up \(note)", sourceLocation: sourceLocation)
        #expect(a.maxima == b.maxima, "max \(note)", sourceLocation: sourceLocation)
        #expect(a.above == b.above, "count \(note)", sourceLocation: sourceLocation)
        for (x, y) in zip(a.sums, b.sums) {
            #expect(abs(x - y) <= 1e-5 * Swift.max(1, abs(y)), "sum \(note): \(x) vs \(y)",
                    sourceLocation: sourceLocation)
        }
    }

    /// Where left-out entries read as 0 would be wrong: slices whose counted values are all at most 0,
    /// all exactly 0, or none at all, next to a negative threshold (always the `-infinity` path).
    @Test func nonPositiveMaximaAndNegativeThresholds() {
        var rng = TestRandom(seed: 64)
        let lengths = [64, 9, 600, 1, 64, 40]
        let offsets = RollupLayout.offsets(lengths)
        let n = offsets.last!
        let negative = rng.floats(n, in: -50...(-1))
        let zeros = [Float](repeating: 0, count: n)
        let mixed = rng.floats(n, in: -5...5)
        let masked = [true, true, true, false], thresholds: [Float] = [0, .infinity, -2, -0.5]
        for p in [0.0, 0.5, 0.97, 1.0] {
            let up = rng.mask(n, up: p)
            let columns = [negative, zeros, mixed, negative]
            expectClose(run(columns, up: up, masked: masked, thresholds: thresholds, offsets: offsets),
                        reference(columns, up: up, masked: masked, thresholds: thresholds, offsets: offsets), "p=\(p)")
        }
    }

    @Test func mixedSlicesMatchLoops() {
        var rng = TestRandom(seed: 60)
        // Slices of every awkward kind, the last ending 3 entries into a group at the columns' end.
        let lengths = [0, 1, 7, 8, 9, 64, 513, 1030, 0, 17, 3]
        let offsets = RollupLayout.offsets(lengths)
        let n = offsets.last!
        let columns = [rng.floats(n, in: -40...90), rng.floats(n, in: 0...1), rng.floats(n, in: 100...700)]
        for p in [0.0, 0.6, 1.0] {
            let up = rng.mask(n, up: p)
            let masked = [true, false, true], thresholds: [Float] = [20, 0.5, .infinity]
            expectClose(run(columns, up: up, masked: masked, thresholds: thresholds, offsets: offsets),
                        reference(columns, up: up, masked: masked, thresholds: thresholds, offsets: offsets), "p=\(p)")
        }
    }

    /// Many slices: whole batches of four consecutive slices (stored as vectors), a partial batch at
    /// the end, and batches mixing a long slice's later pieces with new slices; lengths that are not
    /// multiples of 8 or 16; a column without a threshold (compare compiled out), one of large
    /// magnitudes, one unmasked; masks from all down to all up.
    @Test func batchesOfSlicesMatchLoops() {
        var rng = TestRandom(seed: 62)
        let lengths = [64, 64, 64, 64, 64, 1, 1030, 64, 8, 16, 15, 2000, 3, 64, 64, 0, 0, 0, 0, 33, 64, 17]
        let offsets = RollupLayout.offsets(lengths)
        let n = offsets.last!
        let columns = [rng.floats(n, in: -40...90), rng.floats(n, in: 1e30...1e31), rng.floats(n, in: 0...1),
                       rng.floats(n, in: 0...700)]
        let masked = [true, true, false, true], thresholds: [Float] = [20, .infinity, 0.5, 5e30]
        for p in [0.0, 0.03, 0.97, 1.0] {
            let up = rng.mask(n, up: p)
            expectClose(run(columns, up: up, masked: masked, thresholds: thresholds, offsets: offsets),
                        reference(columns, up: up, masked: masked, thresholds: thresholds, offsets: offsets), "p=\(p)")
        }
    }

    /// One slice per length 0...40, each the last slice of its own column (the tail copy), and one
    /// single-entry column.
    @Test func everyShortLengthAtTheColumnEnd() {
        var rng = TestRandom(seed: 63)
        for length in 0...40 {
            let n = Swift.max(1, length)
            let columns = [rng.floats(n, in: -5...5), rng.floats(n, in: -5...5)]
            let up = rng.mask(n, up: 0.5)
            let offsets = [0, length]
            for masked in [[true, false], [false, true]] {
                expectClose(run(columns, up: up, masked: masked, thresholds: [0, .infinity], offsets: offsets),
                            reference(columns, up: up, masked: masked, thresholds: [0, .infinity], offsets: offsets),
                            "length \(length)")
            }
        }
    }

    /// Slices that do not cover the whole column (offsets end early) still read only their own range.
    @Test func slicesEndingBeforeTheColumnEnd() {
        var rng = TestRandom(seed: 61)
        let n = 100
        let columns = [rng.floats(n, in: 0...10)]
        let up = rng.mask(n, up: 0.5)
        let offsets = [5, 20, 60]
        expectClose(run(columns, up: up, masked: [true], thresholds: [5], offsets: offsets),
                    reference(columns, up: up, masked: [true], thresholds: [5], offsets: offsets), "partial cover")
    }

    /// Every 8-entry up pattern, with up bytes of several values, gives its own bits as the index.
    @Test func upIndexGathersOneBitPerByte() {
        for pattern in 0..<256 {
            for value: UInt8 in [1, 0x10, 0x80, 0xFF] {
                let bytes = (0..<9).map { j in j < 8 && pattern & (1 << j) != 0 ? value : 0 }
                let index = bytes.withUnsafeBufferPointer { MultiColumnKernels.upIndex8($0.baseAddress!, 0) }
                #expect(index == pattern, "pattern \(pattern) value \(value)")
                #expect(MultiColumnKernels.laneTable[index] == SIMD8<Int32>((0..<8).map { pattern & (1 << $0) != 0 ? -1 : 0 }))
            }
        }
    }
}
