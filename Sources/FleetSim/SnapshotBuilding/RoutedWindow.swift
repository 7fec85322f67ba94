/// Requests routed to each site over the last minute, from per-second differences of the cumulative
/// routed counters. Routing weights swing from one second to the next when a burst fills a site; this
/// is the share a person means by "metro-edge serves 20% of the traffic".
struct RoutedWindow: Sendable {
    let sites: Int
    /// Seconds covered (one sample per physics second).
    let seconds: Int
    /// `seconds × sites` per-second routed requests, a ring.
    private var ring: [Double]
    /// Cumulative routed requests per site at the last sample.
    private var last: [Double]
    private var slot = 0

    init(sites: Int, seconds: Int = 60) {
        self.sites = sites
        self.seconds = seconds
        ring = [Double](repeating: 0, count: seconds * sites)
        last = [Double](repeating: 0, count: sites)
    }

    /// Takes this second's sample from the cumulative routed requests per site.
    mutating func record(cumulative: [Double]) {
        for s in 0..<sites {
            ring[slot * sites + s] = max(0, cumulative[s] - last[s])
            last[s] = cumulative[s]
        }
        slot = (slot + 1) % seconds
    }

    /// Share of the window's routed requests that went to each site (all 0 before any arrived).
    func shares() -> [Double] {
        var perSite = [Double](repeating: 0, count: sites)
        for i in 0..<ring.count { perSite[i % sites] += ring[i] }
        let total = perSite.reduce(0, +)
        return perSite.map { total > 0 ? $0 / total : 0 }
    }
}
