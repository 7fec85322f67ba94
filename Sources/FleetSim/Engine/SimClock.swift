/// The fixed steps of MODEL §2, in serving ticks of 100 ms.
public enum SimClock {
    /// Serving ticks per simulated second: the one place the tick rate is set.
    public static let ticksPerSecond = 10.0
    /// Serving step, seconds (0.1: ten ticks a second, the same double as the literal).
    public static let servingDt = 1 / ticksPerSecond
    /// Serving ticks per physics, routing and fault step (1 s).
    public static let ticksPerPhysics: UInt64 = 10
    /// Serving ticks per facility, grid and cost step (5 s).
    public static let ticksPerFacility: UInt64 = 50
    /// Samples kept in history series (one per physics second: 10 minutes).
    public static let historyCapacity = 600
}
