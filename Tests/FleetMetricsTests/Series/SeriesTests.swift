import Testing
@testable import FleetMetrics

@Test func seriesKeepsNewestSamples() {
    var s = Series(capacity: 3)
    for v in 1...5 { s.append(Float(v)) }
    #expect(s.values == [3, 4, 5])
    #expect(s.latest == 5)
}
