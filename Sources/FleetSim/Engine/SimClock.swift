/// The fixed steps of MODEL §2, in serving ticks of 100 ms.
public enum SimClock {
    /// Serving step, seconds.
    public static let servingDt = 0.1
    /// Serving ticks per physics, routing and fault step (1 s).
    public static let ticksPerPhysics: UInt64 = 10
    /// Serving ticks per facility, grid and cost step (5 s).
    public static let ticksPerFacility: UInt64 = 50
    /// Samples kept in history series (one per physics second: 10 minutes).
    public static let historyCapacity = 600
}
