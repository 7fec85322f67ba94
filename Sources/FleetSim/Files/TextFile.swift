import Foundation

/// Reads a text file a user names, with a size limit and a reason in words when it cannot:
/// a folder, a device or pipe (`/dev/zero`, a FIFO), a missing file, too large, not UTF-8.
public enum TextFile {
    /// The limit for settings-sized files: fleets, drills, stories, configs, themes.
    public static let settingsLimit = 1 << 20
    /// The limit for recordings.
    public static let recordingLimit = 64 << 20
    /// The limit for request traces.
    public static let traceLimit = 256 << 20

    /// Why a file could not be read, as a sentence fragment ("is a folder, not a file").
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// The UTF-8 text of the regular file at `path`, at most `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(ReadError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ReadError(reason: String(cString: strerror(errno))) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw ReadError(reason: "is a folder, not a file") }
        guard kind == S_IFREG else { throw ReadError(reason: "is not a regular file (a device, pipe or socket)") }
        guard Int(info.st_size) <= limit else { throw ReadError(reason: "is \(info.st_size) bytes, more than the \(megabytes(limit)) fleettop reads") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ReadError(reason: String(cString: strerror(errno))) }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch { throw ReadError(reason: "\(error.localizedDescription)") }
        guard data.count <= limit else { throw ReadError(reason: "is more than the \(megabytes(limit)) fleettop reads") }
        guard let text = String(data: data, encoding: .utf8) else { throw ReadError(reason: "is not UTF-8 text") }
        return text
    }

    /// A limit in words: "1 MB".
    static func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MB" }
}
