import Foundation

/// Where the runner publishes snapshots: the latest one and its version number. Any number of readers
/// take the latest when they like; publishing never waits for them (beyond a pointer-sized lock).
/// `@unchecked Sendable`: readers block in `wait(after:timeout:)`, which needs a condition variable
/// (`Mutex` cannot wait); every stored property is read and written only with `condition` locked.
public final class SnapshotHub: @unchecked Sendable {
    private let condition = NSCondition()
    private var current: Snapshot?
    private var currentVersion: UInt64 = 0

    public init() {}

    /// Replaces the latest snapshot and wakes readers waiting for a new one.
    public func publish(_ snapshot: Snapshot) {
        condition.lock()
        current = snapshot
        currentVersion &+= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The latest snapshot, if any has been published.
    public var latest: Snapshot? {
        condition.lock(); defer { condition.unlock() }
        return current
    }

    /// The number of snapshots published so far.
    public var version: UInt64 {
        condition.lock(); defer { condition.unlock() }
        return currentVersion
    }

    /// The latest snapshot with its version, if newer than `version`.
    public func latest(after version: UInt64) -> (snapshot: Snapshot, version: UInt64)? {
        condition.lock(); defer { condition.unlock() }
        guard currentVersion > version, let s = current else { return nil }
        return (s, currentVersion)
    }

    /// Waits up to `timeout` wall seconds for a snapshot newer than `version`.
    public func wait(after version: UInt64, timeout: Double) -> (snapshot: Snapshot, version: UInt64)? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock(); defer { condition.unlock() }
        while currentVersion <= version {
            if !condition.wait(until: deadline) { break }
        }
        guard currentVersion > version, let s = current else { return nil }
        return (s, currentVersion)
    }
}
