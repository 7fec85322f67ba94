/// The documented ranges of the command language's numbers, checked where a command is parsed, so
/// every route (palette, drill, story, recording, `--exec`, config) refuses the same values.
public enum CommandLimits {
    /// `surge … factor=X`: above zero, at most this (a thousandfold surge already floods any fleet).
    public static let maxSurgeFactor = 1_000.0
    /// `fault straggler … magnitude=X`: a slowdown from 1 to this.
    public static let maxStragglerFactor = 1_000.0
    /// `fault network … latency=D`: round-trip time added, at most an hour.
    public static let maxAddedLatencySeconds = 3_600.0
    /// `speed X`: a multiple of real time up to this (`max` runs as fast as the CPU allows).
    public static let maxSpeed = 1_000.0
}
