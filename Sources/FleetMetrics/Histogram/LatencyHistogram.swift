import Foundation

/// A weighted latency histogram with one fixed log-linear bucket layout shared fleet-wide,
/// so merging is a vector add and a quantile is a walk over cumulative counts.
public struct LatencyHistogram: Sendable, Equatable {
    /// Smallest value resolved, in seconds (100 µs); smaller values land in the first bucket.
    public static let minSeconds = 1e-4
    /// Largest value resolved, in seconds (1 hour); larger values land in the last bucket.
    public static let maxSeconds = 3600.0
    /// Relative width of a bucket; the representative value is within half of it (≤ 1%).
    public static let growth = 1.02
    public static let bucketCount = Int((log(maxSeconds / minSeconds) / log(growth)).rounded(.up)) + 1

    public private(set) var counts: [Double]
    public private(set) var totalWeight: Double = 0

    public init() { counts = [Double](repeating: 0, count: Self.bucketCount) }

    /// The bucket a value falls in.
    @inlinable
    public static func bucket(for seconds: Double) -> Int {
        guard seconds > minSeconds else { return 0 }
        let i = Int(log(seconds / minSeconds) / log(growth)) + 1
        return Swift.min(i, bucketCount - 1)
    }

    /// The representative value of a bucket (geometric middle of its bounds).
    public static func value(ofBucket i: Int) -> Double {
        if i == 0 { return minSeconds }
        return minSeconds * pow(growth, Double(i) - 0.5)
    }

    /// Records `seconds` standing for `weight` requests.
    public mutating func record(_ seconds: Double, weight: Double = 1) {
        guard weight > 0, seconds.isFinite else { return }
        counts[Self.bucket(for: seconds)] += weight
        totalWeight += weight
    }

    /// Adds another histogram's counts to this one.
    public mutating func merge(_ other: LatencyHistogram) {
        for i in 0..<counts.count { counts[i] += other.counts[i] }
        totalWeight += other.totalWeight
    }

    /// The value below which a share `q` (0...1) of the weight lies; 0 when empty.
    public func quantile(_ q: Double) -> Double {
        guard totalWeight > 0 else { return 0 }
        let target = Swift.max(0, Swift.min(1, q)) * totalWeight
        var cumulative = 0.0
        for (i, c) in counts.enumerated() {
            cumulative += c
            if cumulative >= target && c > 0 { return Self.value(ofBucket: i) }
        }
        return Self.value(ofBucket: counts.count - 1)
    }

    /// Empties the histogram.
    public mutating func reset() {
        for i in 0..<counts.count { counts[i] = 0 }
        totalWeight = 0
    }
}
