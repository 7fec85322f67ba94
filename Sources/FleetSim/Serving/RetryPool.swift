/// Requests waiting out the retry timeout before they are routed again (their replica failed, their
/// site was cut off, or the network lost them), in release order. Each keeps its first arrival time,
/// so the latency it finally sees includes the failure.
public struct RetryPool: Sendable {
    private var queue: [RequestRecord] = []
    private var head = 0
    /// Weighted requests pending per class.
    public private(set) var pending = SIMD4<Double>.zero
    /// ∫ pending dt per class up to `areaTime` (for Little's law).
    private(set) var area = SIMD4<Double>.zero
    private var areaTime = 0.0

    public init() {}

    public var count: Int { queue.count - head }

    /// Every request pending, in release order.
    var pendingRequests: ArraySlice<RequestRecord> { queue[head...] }

    mutating func advance(to t: Double) {
        if t > areaTime {
            area += pending * (t - areaTime)
            areaTime = t
        }
    }

    /// Adds a request that left at time `t` to be routed again at `release` (kept in release order).
    mutating func add(_ r: RequestRecord, at t: Double, release: Double) {
        advance(to: t)
        var r = r
        r.enter = release
        var i = queue.count
        queue.append(r)
        while i > head && queue[i - 1].enter > r.enter {
            queue[i] = queue[i - 1]
            i -= 1
        }
        queue[i] = r
        pending[Int(r.classIndex)] += Double(r.weight)
    }

    /// Takes every request released before `end`.
    mutating func release(before end: Double, into out: inout [RequestRecord]) {
        while head < queue.count, queue[head].enter < end {
            let r = queue[head]
            advance(to: r.enter)
            pending[Int(r.classIndex)] -= Double(r.weight)
            out.append(r)
            head += 1
        }
        if head > 4096 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        if head == queue.count { pending = .zero }
    }
}
