import Testing
@testable import FleetMetrics

/// Every SIMD column kernel against its scalar reference, on random data and edge cases.
@Suite struct ColumnKernelsTests {
    static let lengths = [0, 1, 2, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 1000, 4095, 4096, 4097, 9001]

    /// Sums agree within Float rounding of the per-lane partials, relative to Σ|x|.
    func close(_ a: Double, _ b: Double, scale: Double) -> Bool {
        abs(a - b) <= 1e-6 * scale + 1e-12
    }

    func check(_ x: [Float], _ up: [UInt8], threshold: Float, sourceLocation: SourceLocation = #_sourceLocation) {
        x.withUnsafeBufferPointer { xs in
            up.withUnsafeBufferPointer { us in
                let scale = x.reduce(0.0) { $0 + Double(abs($1)) }
                #expect(close(ColumnKernels.sum(xs), ScalarKernels.sum(xs), scale: scale), "sum n=\(x.count)",
                        sourceLocation: sourceLocation)
                #expect(close(ColumnKernels.sum(xs, up: us), ScalarKernels.sum(xs, up: us), scale: scale),
                        "masked sum n=\(x.count)", sourceLocation: sourceLocation)
                #expect(close(ColumnKernels.mean(xs) * Double(x.count), ScalarKernels.mean(xs) * Double(x.count),
                              scale: scale), "mean n=\(x.count)", sourceLocation: sourceLocation)
                let upCount = ScalarKernels.count(up: us)
                #expect(close(ColumnKernels.mean(xs, up: us) * Double(upCount),
                              ScalarKernels.mean(xs, up: us) * Double(upCount), scale: scale), "masked mean n=\(x.count)",
                        sourceLocation: sourceLocation)
                #expect(ColumnKernels.count(up: us) == upCount, "up count n=\(x.count)", sourceLocation: sourceLocation)
                #expect(ColumnKernels.max(xs) == ScalarKernels.max(xs), "max n=\(x.count)",
                        sourceLocation: sourceLocation)
                #expect(ColumnKernels.min(xs) == ScalarKernels.min(xs), "min n=\(x.count)",
                        sourceLocation: sourceLocation)
                #expect(ColumnKernels.max(xs, up: us) == ScalarKernels.max(xs, up: us), "masked max n=\(x.count)",
                        sourceLocation: sourceLocation)
                #expect(ColumnKernels.min(xs, up: us) == ScalarKernels.min(xs, up: us), "masked min n=\(x.count)",
                        sourceLocation: sourceLocation)
                #expect(ColumnKernels.count(xs, above: threshold) == ScalarKernels.count(xs, above: threshold),
                        "count above n=\(x.count)", sourceLocation: sourceLocation)
                #expect(ColumnKernels.count(xs, above: threshold, up: us)
                        == ScalarKernels.count(xs, above: threshold, up: us), "masked count above n=\(x.count)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test func randomDataMatchesScalarAtEveryLength() {
        var rng = TestRandom(seed: 1)
        for n in Self.lengths {
            check(rng.floats(n, in: -50...120), rng.mask(n, up: 0.8), threshold: 87)
        }
    }

    @Test func allMaskedOutGivesEmptyResults() {
        var rng = TestRandom(seed: 2)
        for n in Self.lengths {
            let x = rng.floats(n, in: 0...1)
            let up = [UInt8](repeating: 0, count: n)
            check(x, up, threshold: 0.5)
            x.withUnsafeBufferPointer { xs in
                up.withUnsafeBufferPointer { us in
                    #expect(ColumnKernels.sum(xs, up: us) == 0)
                    #expect(ColumnKernels.mean(xs, up: us) == 0)
                    #expect(ColumnKernels.max(xs, up: us) == -.infinity)
                    #expect(ColumnKernels.min(xs, up: us) == .infinity)
                    #expect(ColumnKernels.count(xs, above: -1, up: us) == 0)
                }
            }
        }
    }

    @Test func emptyColumnHasNeutralResults() {
        let x: [Float] = []
        x.withUnsafeBufferPointer { xs in
            #expect(ColumnKernels.sum(xs) == 0)
            #expect(ColumnKernels.mean(xs) == 0)
            #expect(ColumnKernels.max(xs) == -.infinity)
            #expect(ColumnKernels.min(xs) == .infinity)
            #expect(ColumnKernels.count(xs, above: 0) == 0)
        }
    }

    @Test func extremeValueSitsInAnyLane() {
        for n in [1, 17, 64, 65, 130] {
            for k in [0, n / 2, n - 1] {
                var x = [Float](repeating: 1, count: n)
                x[k] = 1e30
                x.withUnsafeBufferPointer { xs in
                    #expect(ColumnKernels.max(xs) == 1e30)
                    #expect(ColumnKernels.count(xs, above: 1) == 1)
                }
                x[k] = -1e30
                x.withUnsafeBufferPointer { xs in #expect(ColumnKernels.min(xs) == -1e30) }
            }
        }
    }

    @Test func largeMagnitudesMatchScalar() {
        var rng = TestRandom(seed: 3)
        for n in [5, 70, 5000] {
            check(rng.floats(n, in: -3e35...3e35), rng.mask(n, up: 0.5), threshold: 1e35)
        }
    }

    /// 200,000 values of about 0.1: a running Float sum drifts by far more than the kernel may.
    @Test func longColumnDoesNotDrift() {
        var rng = TestRandom(seed: 4)
        let x = rng.floats(200_000, in: 0.05...0.15)
        var naive: Float = 0
        for v in x { naive += v }
        x.withUnsafeBufferPointer { xs in
            let exact = ScalarKernels.sum(xs)
            let simd = ColumnKernels.sum(xs)
            #expect(abs(Double(naive) - exact) / exact > 2e-6, "the naive Float sum should drift here")
            #expect(abs(simd - exact) / exact < 2e-7)
        }
    }
}
