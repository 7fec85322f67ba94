import Foundation

/// A recorded session as JSON Lines (`fleettop.recording/1`): a header line naming the fleet and
/// seed, then one line per applied command with the serving tick (100 ms) it applied at, and an
/// optional last line with the tick the session ended at:
///
///     {"schema":"fleettop.recording/1","fleet":"demo","seed":7,"tick_seconds":0.1}
///     {"tick":3000,"command":"fault cooling site=metro-edge hall=1 magnitude=60% for=10m"}
///     {"end_tick":18000}
///
/// Replaying the commands at their ticks into a fresh engine with the same fleet and seed gives
/// the same history, bit for bit.
public struct SessionRecording: Sendable, Equatable {
    /// The format name and version written in the header.
    public static let schemaName = "fleettop.recording/1"
    /// Simulated seconds per serving tick (MODEL.md §2), as the header's `tick_seconds` states it.
    public static let tickSeconds = SimClock.servingDt

    /// The simulated time of a tick, computed as a division so whole tenths stay exact.
    public static func seconds(ofTick tick: UInt64) -> Double { Double(tick) / SimClock.ticksPerSecond }

    /// The tick at which a simulated time falls (rounded to the nearest tick).
    public static func tick(atSeconds seconds: Double) -> UInt64 { UInt64(max(0, (seconds * SimClock.ticksPerSecond).rounded())) }

    /// A preset name or fleet file path.
    public var fleet: String
    public var seed: UInt64
    /// Commands in the order they applied.
    public var entries: [Entry]
    /// The tick the session ended at, when known.
    public var endTick: UInt64?
    /// What reading the file skipped (a last line cut short), for the reader to show.
    public var warnings: [String] = []

    /// One applied command.
    public struct Entry: Sendable, Equatable {
        public var tick: UInt64
        public var command: SimCommand
        public init(tick: UInt64, command: SimCommand) { self.tick = tick; self.command = command }
    }

    public init(fleet: String, seed: UInt64, entries: [Entry] = [], endTick: UInt64? = nil) {
        self.fleet = fleet; self.seed = seed; self.entries = entries; self.endTick = endTick
    }

    struct HeaderLine: Codable {
        var schema: String
        var fleet: String
        var seed: UInt64
        var tickSeconds: Double
    }

    struct Line: Codable {
        var tick: UInt64?
        var command: String?
        var endTick: UInt64?
    }

    /// The header line (no newline).
    public static func headerLine(fleet: String, seed: UInt64) -> String {
        encode(HeaderLine(schema: schemaName, fleet: fleet, seed: seed, tickSeconds: tickSeconds))
    }

    /// One command line (no newline).
    public static func commandLine(tick: UInt64, command: SimCommand) -> String {
        encode(Line(tick: tick, command: CommandFormatter.format(command)))
    }

    /// The closing line (no newline).
    public static func endLine(tick: UInt64) -> String { encode(Line(endTick: tick)) }

    private static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The whole recording as JSON Lines text.
    public var jsonLines: String {
        var lines = [Self.headerLine(fleet: fleet, seed: seed)]
        lines += entries.map { Self.commandLine(tick: $0.tick, command: $0.command) }
        if let endTick { lines.append(Self.endLine(tick: endTick)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a recording from disk.
    public static func load(path: String) throws(Diagnostic) -> SessionRecording {
        let text: String
        do {
            text = try TextFile.read(path, limit: TextFile.recordingLimit)
        } catch {
            throw Diagnostic(file: path, line: nil, field: "", message: "cannot read the recording: it \(error)")
        }
        return try parse(jsonLines: text, file: path)
    }

    /// Parses JSON Lines text in one pass; errors name the file and line. CRLF line ends are
    /// accepted. A last line cut short (no newline, not whole JSON — a full disk or a crash while
    /// recording) is skipped with a warning in `warnings`; the commands before it are kept.
    public static func parse(jsonLines text: String, file: String) throws(Diagnostic) -> SessionRecording {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var recording = SessionRecording(fleet: "", seed: 0)
        var haveHeader = false
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        let cutShort = !(text.last?.isNewline ?? true)
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            let number = i + 1
            guard haveHeader else {
                guard let header = try? decoder.decode(HeaderLine.self, from: Data(line.utf8)) else {
                    throw Diagnostic(file: file, line: number, field: "header",
                                     message: "the first line must be the recording header",
                                     expected: [headerLine(fleet: "demo", seed: 7)])
                }
                guard header.schema == schemaName else {
                    throw Diagnostic(file: file, line: number, field: "schema",
                                     message: "unsupported recording format '\(header.schema)'", expected: [schemaName])
                }
                guard header.tickSeconds == tickSeconds else {
                    throw Diagnostic(file: file, line: number, field: "tick_seconds",
                                     message: "recorded with \(header.tickSeconds) s ticks; this fleettop uses \(tickSeconds) s")
                }
                recording = SessionRecording(fleet: header.fleet, seed: header.seed)
                haveHeader = true
                continue
            }
            guard recording.endTick == nil else {
                throw Diagnostic(file: file, line: number, field: "", message: "nothing may follow the end_tick line")
            }
            guard let entry = try? decoder.decode(Line.self, from: Data(line.utf8)) else {
                if cutShort && i == lines.count - 1 {
                    recording.warnings.append("\(file):\(number): the last line is cut short (the recording was interrupted); "
                        + "skipped, the \(recording.entries.count) commands before it are kept")
                    continue
                }
                throw Diagnostic(file: file, line: number, field: "", message: "not a JSON object",
                                 expected: [commandLine(tick: 0, command: .fleet(.repair(nil)))])
            }
            if let end = entry.endTick {
                recording.endTick = end
            } else if let tick = entry.tick, let commandText = entry.command {
                if let last = recording.entries.last, tick < last.tick {
                    throw Diagnostic(file: file, line: number, field: "tick",
                                     message: "tick \(tick) is earlier than the previous command's tick \(last.tick)")
                }
                do {
                    recording.entries.append(Entry(tick: tick, command: try CommandParser.parse(commandText)))
                } catch {
                    throw Diagnostic(file: file, line: number, field: "command", message: error.located)
                }
            } else {
                throw Diagnostic(file: file, line: number, field: "", message: "a line needs tick and command, or end_tick",
                                 expected: ["tick", "command", "end_tick"])
            }
        }
        guard haveHeader else {
            throw Diagnostic(file: file, line: nil, field: "header", message: "the recording is empty")
        }
        return recording
    }
}
