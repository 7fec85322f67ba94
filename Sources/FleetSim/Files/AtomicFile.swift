import Foundation

/// Writes a file whole or not at all: the bytes go to a temporary file beside the target, are
/// synced, and the temporary file is renamed over the target. On any failure the temporary file
/// is removed and the target is left as it was.
public enum AtomicFile {
    /// Writes `data` to `path` atomically; errors say why in words.
    public static func write(_ data: Data, to path: String) throws(FileWriteError) {
        var file = try StreamingFile(path: path)
        file.write(bytes: [UInt8](data))
        try file.commit()
    }
}
