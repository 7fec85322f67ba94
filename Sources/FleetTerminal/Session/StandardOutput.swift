import CNCursesW
import Foundation

/// Standard output is checked once, at exit: `print` buffers, so a full disk or a closed pipe shows
/// only when the buffer is flushed. A failed write is never an exit 0 with the output lost. Lives here
/// because C's `stdout` is reached through the `CNCursesW` shim, which only this module imports.
public enum StandardOutput {
    /// Flushes standard output and exits with `status`, or with 1 and a message on standard error
    /// when any write to it failed.
    public static func exit(_ status: Int32) -> Never {
        let out = cnc_stdout()
        let flushed = fflush(out) == 0
        let code = errno
        if !flushed || ferror(out) != 0 {
            let message = "fleettop: cannot write to standard output: \(String(cString: strerror(flushed ? EIO : code)))\n"
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(status == 0 ? 1 : status)
        }
        Foundation.exit(status)
    }

    /// Writes out what `print` has buffered so far.
    public static func flush() {
        fflush(cnc_stdout())
    }
}
