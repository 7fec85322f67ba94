/// One site's books per class (SIMD lanes chat, code, agentic, batch), in requests (weighted when halls
/// are sampled): what came in, what left and how, what is inside, and ∫ requests in system dt, kept
/// exactly at every event so Little's law can be checked over any window.
public struct ClassBooks: Sendable, Equatable {
    /// Requests routed to the site (fresh and retried), cumulative.
    public var routed = SIMD4<Double>.zero
    public var completed = SIMD4<Double>.zero
    public var dropped = SIMD4<Double>.zero
    /// Requests that left the site to retry elsewhere (their replica failed, or none was up).
    public var retriedOut = SIMD4<Double>.zero
    /// Waiting at a replica, and admitted (prefilling or decoding), now.
    public var waiting = SIMD4<Double>.zero
    public var inFlight = SIMD4<Double>.zero
    /// ∫ (waiting + in flight) dt up to `areaTime`, request-seconds.
    public var area = SIMD4<Double>.zero
    public var areaTime = 0.0

    public init() {}

    /// Brings the area up to time `t` (events arrive in time order).
    @inline(__always)
    mutating func advance(to t: Double) {
        if t > areaTime {
            area += (waiting + inFlight) * (t - areaTime)
            areaTime = t
        }
    }

    @inline(__always)
    static func lane(_ c: UInt8, _ w: Double) -> SIMD4<Double> {
        var v = SIMD4<Double>.zero
        v[Int(c)] = w
        return v
    }
}
