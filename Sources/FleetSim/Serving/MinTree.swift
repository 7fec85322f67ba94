/// A tournament tree over a fixed number of slots: the slot with the smallest value in O(1), an update
/// in O(log n). Ties go to the lower slot, as a linear `min` scan would (splitwise-sim's `token_jsq`).
struct MinTree: Sendable {
    private(set) var values: [Double]
    /// Winner slot per internal node (1-based heap layout over `size` leaves).
    private var winner: [Int32]
    private var size: Int

    init(count: Int) {
        size = 1
        while size < max(1, count) { size <<= 1 }
        values = [Double](repeating: .infinity, count: size)
        winner = [Int32](repeating: 0, count: 2 * size)
        for i in 0..<size { winner[size + i] = Int32(i) }
        for n in stride(from: size - 1, through: 1, by: -1) { winner[n] = pick(winner[2 * n], winner[2 * n + 1]) }
    }

    @inline(__always)
    private func pick(_ a: Int32, _ b: Int32) -> Int32 {
        let va = values[Int(a)], vb = values[Int(b)]
        return vb < va || (vb == va && b < a) ? b : a
    }

    /// The slot with the smallest value, or nil when every value is infinite.
    var best: Int? {
        let w = Int(winner[1])
        return values[w] < .infinity ? w : nil
    }

    /// Sets slot `i` to `value` (infinity takes it out of the running).
    mutating func update(_ i: Int, _ value: Double) {
        values[i] = value
        var n = (size + i) >> 1
        while n >= 1 {
            winner[n] = pick(winner[2 * n], winner[2 * n + 1])
            n >>= 1
        }
    }

    /// Grows to hold at least `count` slots, keeping the values.
    mutating func grow(to count: Int) {
        guard count > size else { return }
        let old = values
        self = MinTree(count: count)
        for (i, v) in old.enumerated() where v < .infinity { update(i, v) }
    }
}
