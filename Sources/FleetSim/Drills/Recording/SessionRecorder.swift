import Foundation

/// Writes a session as it happens: the header when opened, one line per applied command (called
/// from the runner's `onCommandApplied` hook, on any thread), the end line when closed. Each line
/// is flushed as written, so a crash loses at most the line being written.
public final class SessionRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: FileHandle?
    /// Where the recording goes.
    public let path: String

    /// Creates (or truncates) the file and writes the header.
    public init(path: String, fleet: String, seed: UInt64) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: Data((SessionRecording.headerLine(fleet: fleet, seed: seed) + "\n").utf8)) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle?.seekToEnd()
    }

    /// Appends one applied command with the tick it applied at.
    public func record(tick: UInt64, command: SimCommand) {
        write(SessionRecording.commandLine(tick: tick, command: command))
    }

    /// Writes the end line and closes the file; later calls do nothing.
    public func close(endTick: UInt64) {
        write(SessionRecording.endLine(tick: endTick))
        lock.lock()
        defer { lock.unlock() }
        try? handle?.close()
        handle = nil
    }

    private func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        try? handle?.write(contentsOf: Data((line + "\n").utf8))
    }

    deinit { try? handle?.close() }
}
