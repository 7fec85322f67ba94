/// The ends of the iterations in flight at a site, earliest first (a binary min-heap). An entry whose
/// epoch no longer matches its slot's is stale (the slot was flushed) and is skipped when popped.
struct IterationHeap: Sendable {
    struct Entry: Sendable {
        var time: Double
        var slot: Int32
        var epoch: UInt32
        @inline(__always)
        func before(_ o: Entry) -> Bool { time < o.time || (time == o.time && slot < o.slot) }
    }

    private(set) var entries: [Entry] = []

    var top: Entry? { entries.first }
    var isEmpty: Bool { entries.isEmpty }

    mutating func push(_ e: Entry) {
        entries.append(e)
        var i = entries.count - 1
        while i > 0 {
            let p = (i - 1) >> 1
            guard entries[i].before(entries[p]) else { break }
            entries.swapAt(i, p)
            i = p
        }
    }

    mutating func pop() -> Entry? {
        guard let first = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            var i = 0
            let n = entries.count
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < n && entries[l].before(entries[m]) { m = l }
                if r < n && entries[r].before(entries[m]) { m = r }
                if m == i { break }
                entries.swapAt(i, m)
                i = m
            }
        }
        return first
    }
}
