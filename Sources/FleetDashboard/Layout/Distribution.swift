/// Splits a length among children: each gets its minimum, the rest is shared by preferred share,
/// rounded so the parts add up exactly (leftover cells go to the largest remainders, earlier first).
enum Distribution {
    /// nil when the minimums do not fit in `total`.
    static func split(total: Int, minimums: [Int], shares: [Int]) -> [Int]? {
        let n = minimums.count
        guard n > 0, total >= minimums.reduce(0, +) else { return n == 0 ? [] : nil }
        let weights = shares.map { max(1, $0) }
        var pinned = [Bool](repeating: false, count: n)
        var changed = true
        while changed {
            changed = false
            let free = total - zip(minimums, pinned).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
            let weightSum = (0..<n).reduce(0) { $0 + (pinned[$1] ? 0 : weights[$1]) }
            guard weightSum > 0 else { break }
            for i in 0..<n where !pinned[i] && free * weights[i] < minimums[i] * weightSum {
                pinned[i] = true
                changed = true
            }
        }
        let free = total - zip(minimums, pinned).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
        let weightSum = (0..<n).reduce(0) { $0 + (pinned[$1] ? 0 : weights[$1]) }
        var sizes = [Int](repeating: 0, count: n)
        var remainders: [(index: Int, rest: Int)] = []
        var used = 0
        for i in 0..<n {
            if pinned[i] || weightSum == 0 {
                sizes[i] = minimums[i]
            } else {
                sizes[i] = free * weights[i] / weightSum
                remainders.append((i, free * weights[i] % weightSum))
            }
            used += sizes[i]
        }
        var leftover = total - used
        let order = remainders.sorted { $0.rest != $1.rest ? $0.rest > $1.rest : $0.index < $1.index }
        var k = 0
        while leftover > 0, !order.isEmpty {
            sizes[order[k % order.count].index] += 1
            leftover -= 1
            k += 1
        }
        if leftover > 0, n > 0 { sizes[n - 1] += leftover }
        return sizes
    }

    /// When minimums do not fit: give each its minimum in order until the length runs out.
    static func squeeze(total: Int, minimums: [Int]) -> [Int] {
        var left = max(0, total)
        return minimums.map { m in
            let h = min(m, left)
            left -= h
            return h
        }
    }
}
