/// A fixed-capacity ring buffer of samples for sparklines: memory never grows with run time.
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
        head = (head + 1) % capacity
        appended += 1
    }

    /// The held samples, oldest first.
    public var values: [Float] {
        let n = count
        if n < capacity { return Array(storage[0..<n]) }
        return Array(storage[head..<capacity]) + Array(storage[0..<head])
    }

    /// The newest `n` samples (or fewer), oldest first.
    public func last(_ n: Int) -> [Float] {
        let all = values
        return Array(all.suffix(n))
    }

    /// The newest sample, if any.
    public var latest: Float? {
        count == 0 ? nil : storage[(head - 1 + capacity) % capacity]
    }
}
