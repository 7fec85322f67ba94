import Foundation
import Synchronization

/// Writes a session as it happens: the header when opened, one line per applied command (called
/// from the runner's `onCommandApplied` hook, on any thread), the end line when closed. Each line
/// is flushed as written, so a crash loses at most the line being written. A write that fails
/// (full disk) is kept as `failure`, for the dashboard to show at once and the exit status to carry.
public final class SessionRecorder: Sendable {
    /// The open file and the first failure, under one lock: lines from any thread go out whole and in order.
    private struct State {
        var handle: FileHandle?
        var firstFailure: FileWriteError?
    }

    private let state: Mutex<State>
    /// Where the recording goes.
    public let path: String

    /// Creates (or truncates) the file and writes the header.
    public init(path: String, fleet: String, seed: UInt64) throws(FileWriteError) {
        self.path = path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileWriteError(path: path, errno: errno) }
        state = Mutex(State(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: false), firstFailure: nil))
        write(SessionRecording.headerLine(fleet: fleet, seed: seed))
        if let failure { throw failure }
    }

    /// The first write that failed, if one did; later lines are not written after it, so the
    /// file ends at the last whole line.
    public var failure: FileWriteError? {
        state.withLock { $0.firstFailure }
    }

    /// Appends one applied command with the tick it applied at.
    public func record(tick: UInt64, command: SimCommand) {
        write(SessionRecording.commandLine(tick: tick, command: command))
    }

    /// Writes the end line and closes the file; later calls do nothing.
    public func close(endTick: UInt64) {
        write(SessionRecording.endLine(tick: endTick))
        let path = path
        state.withLock { state in
            do { try state.handle?.close() } catch { Self.note(error, path: path, in: &state) }
            state.handle = nil
        }
    }

    private func write(_ line: String) {
        let path = path
        state.withLock { state in
            guard state.firstFailure == nil, let handle = state.handle else { return }
            do { try handle.write(contentsOf: Data((line + "\n").utf8)) } catch { Self.note(error, path: path, in: &state) }
        }
    }

    /// Keeps the first failure; called with the lock held.
    private static func note(_ error: any Error, path: String, in state: inout State) {
        if state.firstFailure == nil { state.firstFailure = FileWriteError(path: path, error: error) }
    }

    deinit { state.withLock { try? $0.handle?.close() } }
}
