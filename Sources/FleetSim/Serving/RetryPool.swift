/// Requests of failed replicas (or lost to the network) waiting out the retry timeout before they are
/// routed again: a ring of per-class slots, one per serving tick of the timeout.
public struct RetryPool: Sendable {
    private var slots: [Double]
    private var head = 0
    private let depth: Int
    /// Requests pending per class.
    public private(set) var pending = [Double](repeating: 0, count: 4)

    public init(timeoutTicks: Int) {
        depth = max(1, timeoutTicks)
        slots = [Double](repeating: 0, count: depth * 4)
    }

    /// Adds requests of class `c` that will retry after the timeout.
    public mutating func add(_ amount: Double, class c: Int) {
        guard amount > 0 else { return }
        let slot = (head + depth - 1) % depth
        slots[slot * 4 + c] += amount
        pending[c] += amount
    }

    /// Takes the requests whose timeout ends this tick, per class.
    public mutating func release() -> (Double, Double, Double, Double) {
        let b = head * 4
        let out = (slots[b], slots[b + 1], slots[b + 2], slots[b + 3])
        for c in 0..<4 { pending[c] = max(0, pending[c] - slots[b + c]); slots[b + c] = 0 }
        head = (head + 1) % depth
        return out
    }
}
