/// A request leaving a site: completed with its exact latencies, or dropped.
public struct Departure: Sendable, Equatable {
    public var classIndex: UInt8
    public var completed: Bool
    /// Requests it stands for (see `RequestRecord.weight`).
    public var weight: Float
    public var site: Int32
    public var probe: Int32
    /// Arrival → first token, plus the round trip, s (MLPerf TTFT).
    public var ttft: Double
    /// (E2E − TTFT) / (output − 1), s; NaN for a one-token output or a drop.
    public var tpot: Double
    /// Arrival → last token, plus the round trip, s.
    public var e2e: Double
    /// Arrival → leaving the system (completion or drop), s, for Little's law.
    public var timeInSystem: Double
    /// The round trip it paid, s.
    public var rtt: Double
    public var prompt: Int32
    public var output: Int32
    /// When it left, simulated seconds.
    public var at: Double
}
