/// A weighted latency histogram with one fixed log-linear bucket layout shared fleet-wide (HDR
/// style: each power of two split into 64 linear sub-buckets), so merging is a vector add and a
/// quantile is a walk over cumulative counts. The bucket of a value comes straight from its
/// Double exponent and top mantissa bits — no `log` on the recording path.
public struct LatencyHistogram: Sendable, Equatable {
    /// Smallest value the layout promises to resolve, in seconds (100 µs).
    public static let minSeconds = 1e-4
    /// Largest value the layout promises to resolve, in seconds (1 hour).
    public static let maxSeconds = 3600.0
    /// Linear sub-buckets per power of two, as mantissa bits (64 sub-buckets).
    public static let subBucketBits = 6
    /// Exponent of the lowest octave: 2⁻¹⁴ s ≈ 61 µs ≤ `minSeconds`; anything smaller lands in bucket 0.
    public static let lowestExponent = -14
    /// Exponent of the highest octave: [2¹¹, 2¹²) s holds `maxSeconds`; anything larger lands in the last bucket.
    public static let highestExponent = 11
    /// 26 octaves × 64 sub-buckets = 1,664 buckets.
    public static let bucketCount = (highestExponent - lowestExponent + 1) << subBucketBits
    /// Largest relative distance from a recorded value to its bucket's representative (the
    /// midpoint): half a sub-bucket at the bottom of an octave, 1/128 ≈ 0.78%.
    public static let maxRelativeError = 1.0 / Double(2 << subBucketBits)
    /// Lower edge of bucket 0 and upper edge of the last bucket, in seconds.
    public static let lowestBoundSeconds = Double(sign: .plus, exponent: lowestExponent, significand: 1)
    public static let highestBoundSeconds = Double(sign: .plus, exponent: highestExponent + 1, significand: 1)

    /// `(biased exponent << subBucketBits) | top mantissa bits` of the lowest bucket.
    @usableFromInline
    static let firstKey = Int64(1023 + lowestExponent) << Int64(subBucketBits)

    /// Representative value (midpoint) of every bucket, computed once.
    static let midpoints: [Double] = (0..<bucketCount).map { (lowerBound(ofBucket: $0) + upperBound(ofBucket: $0)) / 2 }

    @usableFromInline var storage: [Double]
    @usableFromInline var total: Double = 0

    /// Weight per bucket, in layout order.
    public var counts: [Double] { storage }
    /// Sum of all recorded weights.
    public var totalWeight: Double { total }

    public init() { storage = [Double](repeating: 0, count: Self.bucketCount) }

    /// The bucket a value falls in: from the Double's bits, clamped to the layout (zero, negative
    /// and tiny values go to bucket 0; huge ones to the last).
    @inlinable
    public static func bucket(for seconds: Double) -> Int {
        let key = (Int64(bitPattern: seconds.bitPattern) >> Int64(52 - subBucketBits)) &- firstKey
        if key < 0 { return 0 }
        return key >= Int64(bucketCount) ? bucketCount - 1 : Int(key)
    }

    /// Lower edge of bucket `i`, in seconds.
    public static func lowerBound(ofBucket i: Int) -> Double {
        let octave = Double(sign: .plus, exponent: lowestExponent + (i >> subBucketBits), significand: 1)
        let sub = Double(i & ((1 << subBucketBits) - 1))
        return octave * (1 + sub / Double(1 << subBucketBits))
    }

    /// Upper edge of bucket `i` (the next bucket's lower edge), in seconds.
    public static func upperBound(ofBucket i: Int) -> Double {
        i + 1 < bucketCount ? lowerBound(ofBucket: i + 1) : highestBoundSeconds
    }

    /// The representative value of a bucket: the middle of its bounds.
    public static func value(ofBucket i: Int) -> Double { midpoints[i] }

    /// Records `seconds` standing for `weight` requests; non-finite values and weights ≤ 0 are ignored.
    @inlinable
    public mutating func record(_ seconds: Double, weight: Double = 1) {
        guard weight > 0, seconds.isFinite else { return }
        storage[Self.bucket(for: seconds)] += weight
        total += weight
    }

    /// Adds weight straight into bucket `i` (used by windows that keep their own buckets).
    @inlinable
    mutating func add(bucket i: Int, weight: Double) {
        storage[i] += weight
        total += weight
    }

    /// Adds another histogram's counts to this one: a vector add over the shared layout.
    public mutating func merge(_ other: LatencyHistogram) {
        storage.withUnsafeMutableBufferPointer { dst in
            other.storage.withUnsafeBufferPointer { src in Self.add(src, into: dst) }
        }
        total += other.total
    }

    /// `dst[i] += src[i]` eight lanes at a time (the bucket count is a multiple of 8).
    static func add(_ src: UnsafeBufferPointer<Double>, into dst: UnsafeMutableBufferPointer<Double>) {
        let s = UnsafeRawPointer(src.baseAddress!), d = UnsafeMutableRawPointer(dst.baseAddress!)
        let stride = MemoryLayout<SIMD8<Double>>.stride
        for k in 0..<(bucketCount / 8) {
            let sum = d.loadUnaligned(fromByteOffset: k * stride, as: SIMD8<Double>.self)
                + s.loadUnaligned(fromByteOffset: k * stride, as: SIMD8<Double>.self)
            d.storeBytes(of: sum, toByteOffset: k * stride, as: SIMD8<Double>.self)
        }
    }

    /// The value below which a share `q` (0...1) of the weight lies (the bucket midpoint holding
    /// the nearest-rank sample, within `maxRelativeError` of it); 0 when empty.
    public func quantile(_ q: Double) -> Double {
        guard total > 0 else { return 0 }
        var cumulative = 0.0
        var i = 0
        return walk(to: Swift.max(0, Swift.min(1, q)) * total, from: &i, cumulative: &cumulative)
    }

    /// Several quantiles in one walk; `qs` must be in ascending order. Zeros when empty.
    public func quantiles(_ qs: [Double]) -> [Double] {
        guard total > 0 else { return qs.map { _ in 0 } }
        var cumulative = 0.0
        var i = 0
        var out: [Double] = []
        out.reserveCapacity(qs.count)
        var previous = -Double.infinity
        for q in qs {
            precondition(q >= previous, "quantiles must be asked in ascending order")
            previous = q
            out.append(walk(to: Swift.max(0, Swift.min(1, q)) * total, from: &i, cumulative: &cumulative))
        }
        return out
    }

    /// Walks from bucket `i` (with `cumulative` weight before it) to the first non-empty bucket whose
    /// cumulative weight reaches `target`; skips eight empty-or-short buckets at a time.
    private func walk(to target: Double, from i: inout Int, cumulative: inout Double) -> Double {
        storage.withUnsafeBufferPointer { c in
            let raw = UnsafeRawPointer(c.baseAddress!)
            while i + 8 <= Self.bucketCount {
                let block = raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self).sum()
                if cumulative + block >= target && block > 0 { break }
                cumulative += block
                i += 8
            }
            while i < Self.bucketCount {
                let w = c[i]
                if w > 0 && cumulative + w >= target { return Self.midpoints[i] }
                cumulative += w
                i += 1
            }
            // Rounding left the target a hair above the summed weight: answer the highest non-empty bucket.
            var last = Self.bucketCount - 1
            while last > 0 && c[last] == 0 { last -= 1 }
            i = last
            cumulative -= c[last]
            return Self.midpoints[last]
        }
    }

    /// Share of the weight in buckets lying wholly at or below `seconds` (e.g. requests meeting an SLO).
    public func fraction(atOrBelow seconds: Double) -> Double {
        guard total > 0 else { return 0 }
        let b = Self.bucket(for: seconds)
        let end = Self.upperBound(ofBucket: b) <= seconds ? b + 1 : b
        var w = 0.0
        for i in 0..<end { w += storage[i] }
        return Swift.min(1, w / total)
    }

    /// Weighted mean of the bucket midpoints; 0 when empty.
    public var mean: Double {
        guard total > 0 else { return 0 }
        var s = 0.0
        for i in 0..<Self.bucketCount where storage[i] > 0 { s += storage[i] * Self.midpoints[i] }
        return s / total
    }

    /// Empties the histogram.
    public mutating func reset() {
        storage.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        total = 0
    }
}
