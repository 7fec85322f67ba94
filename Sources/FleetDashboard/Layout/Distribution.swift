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

    /// Moves rows a child cannot use (beyond its want, never below its minimum) to the children that
    /// can, by share, until none is left or no child wants more; what no child wants goes back to the
    /// children that gave it, in proportion to what each gave.
    static func cap(_ sizes: [Int], minimums: [Int], wants: [Int?], shares: [Int]) -> [Int] {
        var out = sizes
        let limits = zip(minimums, wants).map { m, w in w.map { max(m, $0) } }
        var spare = 0
        var gave = [Int](repeating: 0, count: sizes.count)
        for i in out.indices { if let l = limits[i], out[i] > l { gave[i] = out[i] - l; spare += gave[i]; out[i] = l } }
        while spare > 0 {
            let takers = out.indices.filter { i in limits[i].map { out[i] < $0 } ?? true }
            guard !takers.isEmpty else {
                let givers = out.indices.filter { gave[$0] > 0 }
                let back = split(total: spare, minimums: givers.map { _ in 0 }, shares: givers.map { gave[$0] }) ?? []
                for (k, i) in givers.enumerated() where k < back.count { out[i] += back[k] }
                return out
            }
            let parts = split(total: spare, minimums: takers.map { _ in 0 }, shares: takers.map { shares[$0] }) ?? []
            var given = 0
            for (k, i) in takers.enumerated() {
                let room = limits[i].map { $0 - out[i] } ?? Int.max
                let g = min(room, parts[k])
                out[i] += g
                given += g
            }
            spare -= given
            if given == 0 { out[takers[0]] += spare; spare = 0 }
        }
        return out
    }
}
