/// How far back the latency history view looks; `W` cycles 1 m → 5 m → 15 m.
public enum LatencyWindow: Int, CaseIterable, Sendable {
    case oneMinute = 60, fiveMinutes = 300, fifteenMinutes = 900

    /// Samples (one a simulated second).
    public var seconds: Int { rawValue }
    /// "1 m", "5 m", "15 m".
    public var label: String { "\(rawValue / 60) m" }
    /// The next window, wrapping around.
    public var next: LatencyWindow {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
