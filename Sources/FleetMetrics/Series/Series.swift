/// A fixed-capacity ring buffer of samples for sparklines: memory never grows with run time, and
/// the newest k samples can be read without copying the whole history.
public struct Series: Sendable, Equatable {
    /// The most samples kept; older ones are overwritten.
    public let capacity: Int
    private var storage: [Float]
    private var head = 0
    /// How many samples have ever been appended (not capped), so a viewer can tell what is new.
    public private(set) var appended: Int = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "Series capacity must be positive")
        self.capacity = capacity
        storage = [Float](repeating: 0, count: capacity)
    }

    /// Number of samples currently held.
    public var count: Int { Swift.min(appended, capacity) }

    /// Appends one sample, overwriting the oldest when full.
    public mutating func append(_ value: Float) {
        storage[head] = value
        head = head + 1 == capacity ? 0 : head + 1
        appended += 1
    }

    /// The held samples, oldest first.
    public var values: [Float] { last(capacity) }

    /// The newest `n` samples (or fewer), oldest first; copies only those.
    public func last(_ n: Int) -> [Float] {
        withLast(n) { a, b in
            var out = [Float]()
            out.reserveCapacity(a.count + b.count)
            out.append(contentsOf: a)
            out.append(contentsOf: b)
            return out
        }
    }

    /// Writes the newest `n` samples (or fewer), oldest first, into `buffer`, replacing its
    /// contents; a buffer kept between frames is reused without allocating.
    public func copyLast(_ n: Int, into buffer: inout [Float]) {
        withLast(n) { a, b in
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: a)
            buffer.append(contentsOf: b)
        }
    }

    /// Calls `body` with the newest `n` samples (or fewer) as two contiguous pieces, oldest first
    /// (`first` then `second`; `second` is empty unless the range wraps). No copy is made.
    public func withLast<R>(_ n: Int, _ body: (_ first: UnsafeBufferPointer<Float>,
                                                _ second: UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        let k = Swift.max(0, Swift.min(n, count))
        let start = head - k
        return try storage.withUnsafeBufferPointer { s in
            if start >= 0 {
                return try body(UnsafeBufferPointer(rebasing: s[start..<head]), UnsafeBufferPointer(rebasing: s[0..<0]))
            }
            return try body(UnsafeBufferPointer(rebasing: s[(capacity + start)..<capacity]),
                            UnsafeBufferPointer(rebasing: s[0..<head]))
        }
    }

    /// The sample `age` steps back from the newest (0 is the newest); nil beyond what is held.
    public func value(age: Int) -> Float? {
        guard age >= 0 && age < count else { return nil }
        let i = head - 1 - age
        return storage[i < 0 ? i + capacity : i]
    }

    /// The newest sample, if any.
    public var latest: Float? { value(age: 0) }

    /// Smallest and largest of the newest `n` samples (for a sparkline's scale); nil when empty.
    public func extrema(last n: Int) -> (min: Float, max: Float)? {
        withLast(n) { a, b in
            guard a.count + b.count > 0 else { return nil }
            let lo = Swift.min(ColumnKernels.min(a), ColumnKernels.min(b))
            let hi = Swift.max(ColumnKernels.max(a), ColumnKernels.max(b))
            return (lo, hi)
        }
    }
}
