import Foundation

/// A file that could not be written, in words: the path and the system's reason ("No space left
/// on device", "No such file or directory"), never a raw `NSCocoaErrorDomain` code.
public struct FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) { self.path = path; self.reason = reason }

    /// The error from the C library's `errno`.
    public init(path: String, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)))
    }

    /// Any error thrown while writing `path`, reduced to the system's reason when it has one.
    public init(path: String, error: any Error) {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            self.init(path: path, errno: Int32(posix.code))
        } else if ns.domain == NSPOSIXErrorDomain {
            self.init(path: path, errno: Int32(ns.code))
        } else {
            self.init(path: path, reason: ns.localizedDescription)
        }
    }

    public var description: String { "cannot write \(path): \(reason)" }
}
