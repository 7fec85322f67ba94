/// Plays a recording back: the commands at the ticks they applied at, so the history repeats bit
/// for bit. Headless (`replay(_:into:)`) or driven tick by tick by a runner (`due(atTick:)`).
public struct SessionReplay: Sendable {
    public let recording: SessionRecording
    private var next = 0

    public init(_ recording: SessionRecording) { self.recording = recording }

    /// The commands recorded at ticks up to and including `tick` not yet handed out, in order.
    /// A runner calls this at each tick boundary before stepping.
    public mutating func due(atTick tick: UInt64) -> [SimCommand] {
        var commands: [SimCommand] = []
        while next < recording.entries.count, recording.entries[next].tick <= tick {
            commands.append(recording.entries[next].command)
            next += 1
        }
        return commands
    }

    /// The tick of the next command to hand out, if any.
    public var nextTick: UInt64? { next < recording.entries.count ? recording.entries[next].tick : nil }

    /// True once every command has been handed out.
    public var isFinished: Bool { next >= recording.entries.count }

    /// Replays the whole recording into a fresh simulation (same fleet and seed as recorded) and
    /// runs on to the recorded end tick, or `untilTick` when given.
    public static func replay<E: DrillSimulation>(_ recording: SessionRecording, into engine: inout E, untilTick: UInt64? = nil) {
        let end = untilTick ?? recording.endTick ?? recording.entries.last?.tick ?? engine.tick
        for entry in recording.entries where entry.tick <= end {
            engine.advance(toTick: entry.tick)
            engine.perform(entry.command)
        }
        engine.advance(toTick: end)
    }
}
