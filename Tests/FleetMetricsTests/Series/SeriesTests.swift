import Testing
@testable import FleetMetrics

/// The ring buffer against a plain array of everything appended.
@Suite struct SeriesTests {
    @Test func seriesKeepsNewestSamples() {
        var s = Series(capacity: 3)
        for v in 1...5 { s.append(Float(v)) }
        #expect(s.values == [3, 4, 5])
        #expect(s.latest == 5)
        #expect(s.appended == 5 && s.count == 3)
    }

    @Test func emptySeriesHasNothing() {
        let s = Series(capacity: 4)
        #expect(s.values.isEmpty && s.last(2).isEmpty)
        #expect(s.latest == nil && s.value(age: 0) == nil)
        #expect(s.extrema(last: 4) == nil)
    }

    @Test func newestSamplesMatchAPlainHistoryAtEveryFill() {
        let capacity = 7
        var s = Series(capacity: capacity)
        var all: [Float] = []
        var buffer: [Float] = []
        for v in 0..<30 {
            s.append(Float(v * 3 % 11))
            all.append(Float(v * 3 % 11))
            let held = Array(all.suffix(capacity))
            #expect(s.values == held)
            for k in [0, 1, 3, capacity, capacity + 5] {
                #expect(s.last(k) == Array(held.suffix(k)), "k=\(k) after \(all.count)")
                s.copyLast(k, into: &buffer)
                #expect(buffer == Array(held.suffix(k)))
                let window = held.suffix(k)
                if let e = s.extrema(last: k) {
                    #expect(e.min == window.min() && e.max == window.max())
                } else {
                    #expect(window.isEmpty)
                }
            }
            for age in 0..<(capacity + 1) {
                #expect(s.value(age: age) == (age < held.count ? held[held.count - 1 - age] : nil))
            }
        }
    }

    @Test func withLastSplitsOnlyWhenWrapping() {
        var s = Series(capacity: 4)
        for v in 1...6 { s.append(Float(v)) }
        s.withLast(4) { a, b in
            #expect(Array(a) == [3, 4])
            #expect(Array(b) == [5, 6])
        }
        s.withLast(2) { a, b in
            #expect(Array(a) == [5, 6])
            #expect(b.isEmpty)
        }
    }
}
