import Foundation
import Histogram
import Testing
@testable import FleetMetrics

/// The log-linear layout, quantiles against exact sorted percentiles and against HdrHistogram,
/// weighting, and merge algebra.
@Suite struct LatencyHistogramTests {
    typealias H = LatencyHistogram

    /// Log-uniform samples over the promised range, 100 µs … 1 h.
    static func samples(_ n: Int, seed: UInt64) -> [Double] {
        var rng = TestRandom(seed: seed)
        return (0..<n).map { _ in exp(Double.random(in: log(H.minSeconds)...log(H.maxSeconds), using: &rng)) }
    }

    /// Nearest-rank percentile of sorted samples.
    static func exact(_ sorted: [Double], _ q: Double) -> Double {
        sorted[Swift.max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1)]
    }

    static let qs = [0.0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0]

    @Test func layoutCoversTheRangeInOrder() {
        #expect(H.bucketCount == 1664)
        #expect(H.lowestBoundSeconds <= H.minSeconds && H.highestBoundSeconds > H.maxSeconds)
        for i in 0..<H.bucketCount {
            let lo = H.lowerBound(ofBucket: i), hi = H.upperBound(ofBucket: i)
            #expect(lo < hi)
            #expect(H.bucket(for: lo) == i, "lower edge of \(i)")
            #expect(H.bucket(for: hi.nextDown) == i, "just below the upper edge of \(i)")
            #expect(lo <= H.value(ofBucket: i) && H.value(ofBucket: i) < hi)
        }
    }

    @Test func everyValueIsWithinTheStatedRelativeError() {
        for v in Self.samples(20_000, seed: 30) + [H.minSeconds, H.maxSeconds, 0.5, 1, 2] {
            let rep = H.value(ofBucket: H.bucket(for: v))
            #expect(abs(rep - v) / v <= H.maxRelativeError, "\(v) → \(rep)")
        }
        #expect(H.maxRelativeError <= 0.01)
    }

    @Test func outOfRangeValuesClampAndBadInputsAreIgnored() {
        #expect(H.bucket(for: 0) == 0)
        #expect(H.bucket(for: -3) == 0)
        #expect(H.bucket(for: 1e-9) == 0)
        #expect(H.bucket(for: 1e9) == H.bucketCount - 1)
        var h = H()
        h.record(.nan); h.record(.infinity); h.record(1, weight: 0); h.record(1, weight: -2)
        #expect(h.totalWeight == 0 && h.quantile(0.5) == 0)
        #expect(h.counts.allSatisfy { $0 == 0 })
    }

    @Test func quantilesMatchExactSortedPercentiles() {
        for (n, seed) in [(1, UInt64(31)), (7, 32), (1000, 33), (50_000, 34)] {
            let xs = Self.samples(n, seed: seed)
            var h = H()
            for x in xs { h.record(x) }
            #expect(h.totalWeight == Double(n))
            let sorted = xs.sorted()
            for q in Self.qs {
                let e = Self.exact(sorted, q), got = h.quantile(q)
                #expect(abs(got - e) / e <= H.maxRelativeError, "n=\(n) q=\(q): \(got) vs \(e)")
            }
            #expect(h.quantiles(Self.qs) == Self.qs.map { h.quantile($0) })
        }
    }

    /// HdrHistogram (microseconds, 3 significant digits) as an independent reference: both must
    /// land within their own error of the same sample, so within 1% of each other.
    @Test func quantilesAgreeWithHdrHistogram() {
        let xs = Self.samples(30_000, seed: 35)
        var ours = H()
        var hdr = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 4_000_000_000,
                                    numberOfSignificantValueDigits: .three)
        for x in xs {
            let us = (x * 1e6).rounded()
            ours.record(us / 1e6)
            _ = hdr.record(UInt64(us))
        }
        for q in [0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999] {
            let reference = Double(hdr.valueAtPercentile(q * 100)) / 1e6
            let got = ours.quantile(q)
            #expect(abs(got - reference) / reference <= 0.01, "q=\(q): \(got) vs HdrHistogram \(reference)")
        }
    }

    @Test func weightsCountAsRepeatedSamples() {
        var weighted = H(), repeated = H()
        var rng = TestRandom(seed: 36)
        for x in Self.samples(300, seed: 37) {
            let w = Int.random(in: 1...9, using: &rng)
            weighted.record(x, weight: Double(w))
            for _ in 0..<w { repeated.record(x) }
        }
        #expect(weighted == repeated)
        for q in Self.qs { #expect(weighted.quantile(q) == repeated.quantile(q)) }
    }

    @Test func mergeEqualsRecordingEverythingAndIsAssociativeAndCommutative() {
        let parts = [Self.samples(500, seed: 38), Self.samples(80, seed: 39), Self.samples(1200, seed: 40)]
        var hs = parts.map { p -> H in var h = H(); for x in p { h.record(x) }; return h }
        var all = H()
        for x in parts.joined() { all.record(x) }
        var ab = hs[0]; ab.merge(hs[1])
        var ba = hs[1]; ba.merge(hs[0])
        #expect(ab == ba)
        var abc = ab; abc.merge(hs[2])
        var bc = hs[1]; bc.merge(hs[2])
        var aBC = hs[0]; aBC.merge(bc)
        #expect(abc == aBC)
        #expect(abc == all)
        hs[0].merge(H())
        #expect(hs[0].totalWeight == 500)
    }

    @Test func fractionalWeightsMergeCommutatively() {
        var rng = TestRandom(seed: 41)
        var a = H(), b = H()
        for x in Self.samples(400, seed: 42) { a.record(x, weight: Double.random(in: 0.01...3, using: &rng)) }
        for x in Self.samples(400, seed: 43) { b.record(x, weight: Double.random(in: 0.01...3, using: &rng)) }
        var ab = a; ab.merge(b)
        var ba = b; ba.merge(a)
        #expect(ab == ba)
    }

    @Test func fractionAtOrBelowCountsWholeBuckets() {
        var h = H()
        h.record(0.1, weight: 3); h.record(1.0, weight: 1)
        #expect(h.fraction(atOrBelow: 0.5) == 0.75)
        #expect(h.fraction(atOrBelow: 2) == 1)
        #expect(h.fraction(atOrBelow: 0.01) == 0)
    }

    @Test func resetEmpties() {
        var h = H()
        for x in Self.samples(100, seed: 44) { h.record(x) }
        h.reset()
        #expect(h == H())
    }
}
