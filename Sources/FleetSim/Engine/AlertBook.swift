/// The events the engine holds open, by what they are about (per site, hall or class), so each
/// condition opens one event and closes it when it clears.
struct AlertBook: Sendable {
    /// Per site: the governor shedding racks, and the power cap biting (with when it last stopped).
    var shedding: [Int?]
    var cap: [Int?]
    var capClearSince: [Double?]
    /// Per site: the lowest limit in force during the open cap episode, the one its event names (a
    /// limit lifted while the governor is still letting go must not read as the cause).
    var capLimitKW: [Int?]
    /// Per hall: thermal throttling, thermal shutdown, a die temperature reading at the slowdown limit.
    var hallThrottle: [Int?]
    var hallShutdown: [Int?]
    var hallTemperature: [Int?]
    /// Per class: an SLO breach.
    var slo: [Int?] = [nil, nil, nil, nil]

    init(sites: Int, halls: Int) {
        shedding = [Int?](repeating: nil, count: sites)
        cap = shedding
        capClearSince = [Double?](repeating: nil, count: sites)
        capLimitKW = [Int?](repeating: nil, count: sites)
        hallThrottle = [Int?](repeating: nil, count: halls)
        hallShutdown = hallThrottle
        hallTemperature = hallThrottle
    }
}
