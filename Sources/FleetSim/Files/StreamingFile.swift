import Foundation

/// Writes a file whole or not at all, in chunks: a temporary file beside the target, synced, then
/// renamed over it, so a large export never has to be held in memory (`AtomicFile` writes through it).
public struct StreamingFile {
    public let path: String
    private let temp: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var failure: Int32?

    /// Opens the temporary file; throws when it cannot be created.
    public init(path: String) throws(FileWriteError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileWriteError(path: path, errno: errno) }
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends text, flushing every megabyte.
    public mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Appends bytes.
    public mutating func write(bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 20 { flush() }
    }

    private mutating func flush() {
        guard failure == nil else { buffer.removeAll(keepingCapacity: true); return }
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count, failure == nil {
                let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n > 0 { offset += n } else if n < 0, errno == EINTR { continue } else { failure = n < 0 ? errno : EIO }
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames into place; on any failure removes the temporary file and throws.
    public mutating func commit() throws(FileWriteError) {
        flush()
        if failure == nil, fsync(fd) != 0, errno != EINVAL { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temp, path) != 0 { failure = errno }
        if let failure {
            unlink(temp)
            throw FileWriteError(path: path, errno: failure)
        }
    }

    /// Gives up: closes and removes the temporary file.
    public func discard() {
        close(fd)
        unlink(temp)
    }
}
