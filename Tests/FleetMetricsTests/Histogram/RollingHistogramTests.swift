import Testing
@testable import FleetMetrics

/// The sliding window against a histogram rebuilt from just the seconds inside it.
@Suite struct RollingHistogramTests {
    @Test func windowHoldsExactlyTheLastSeconds() {
        var rng = TestRandom(seed: 50)
        let window = 10
        var rolling = RollingHistogram(windowSeconds: window, startSecond: 100)
        var bySecond: [Int64: [(Double, Double)]] = [:]
        for second in Int64(100)..<140 {
            rolling.advance(to: second)
            for _ in 0..<Int.random(in: 0...20, using: &rng) {
                let x = Double.random(in: 0.001...5, using: &rng), w = Double(Int.random(in: 1...4, using: &rng))
                rolling.record(x, weight: w)
                bySecond[second, default: []].append((x, w))
            }
            var expected = LatencyHistogram()
            for s in (second - Int64(window) + 1)...second {
                for (x, w) in bySecond[s] ?? [] { expected.record(x, weight: w) }
            }
            #expect(rolling.window == expected, "second \(second)")
            #expect(rolling.quantile(0.99) == expected.quantile(0.99))
        }
    }

    /// Fractional weights: once every second holding them has left, the window is exactly empty.
    @Test func expiredFractionalWeightsLeaveNothingBehind() {
        var rolling = RollingHistogram(windowSeconds: 3)
        for s in Int64(0)..<3 {
            rolling.advance(to: s)
            rolling.record(0.2, weight: 0.1)
            rolling.record(0.2, weight: 0.7)
            rolling.record(1.5, weight: 1.0 / 3.0)
        }
        rolling.advance(to: 3)
        rolling.record(9, weight: 1)
        rolling.advance(to: 5)
        #expect(rolling.window.quantile(0) == LatencyHistogram.value(ofBucket: LatencyHistogram.bucket(for: 9)))
        rolling.advance(to: 6)
        #expect(rolling.totalWeight == 0)
        #expect(rolling.window.counts.allSatisfy { $0 == 0 })
        #expect(rolling.quantile(0.5) == 0)
    }

    @Test func jumpingAWholeWindowEmptiesIt() {
        var rolling = RollingHistogram(windowSeconds: 60)
        rolling.record(0.5)
        rolling.advance(to: 59)
        #expect(rolling.totalWeight == 1)
        rolling.advance(to: 60)
        #expect(rolling.totalWeight == 0)
        rolling.record(0.5)
        rolling.advance(to: 500)
        #expect(rolling.totalWeight == 0 && rolling.currentSecond == 500)
    }
}
