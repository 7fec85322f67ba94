/// A demand surge in force, with its ramp.
public struct SurgeState: Sendable {
    public var id: Int
    public var spec: SurgeSpec
    public var start: Double
    public var end: Double?
    public var eventID: Int

    /// The multiplier at time `t` (ramping linearly from 1 to the factor).
    public func factor(at t: Double) -> Double {
        let f = spec.rampSeconds > 0 ? max(0, min(1, (t - start) / spec.rampSeconds)) : 1
        return 1 + (spec.factor - 1) * f
    }
}
