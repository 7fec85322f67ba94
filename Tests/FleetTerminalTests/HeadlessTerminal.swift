import Foundation
@testable import FleetTerminal
#if canImport(Glibc)
import Glibc
#endif

/// A session on /dev/null input and a temporary output file, for the headless ncurses tests.
final class HeadlessTerminal {
    let session: TerminalSession
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>

    init(term: String, environment: [String: String] = [:], noColor: Bool = false, forceASCII: Bool = false,
         locale: String = "C.UTF-8") throws {
        input = fopen("/dev/null", "r")
        output = tmpfile()
        var env = environment
        env["TERM"] = term
        let options = TerminalOptions(noColor: noColor, forceASCII: forceASCII, environment: env, locale: locale)
        do {
            session = try TerminalSession(options: options, input: input, output: output)
        } catch {
            fclose(input)
            fclose(output)
            throw error
        }
    }

    /// Bytes ncurses has sent to the terminal so far.
    var bytesWritten: Int {
        fflush(output)
        var info = stat()
        fstat(fileno(output), &info)
        return Int(info.st_size)
    }

    /// Everything sent to the terminal, as text.
    var transcript: String {
        fflush(output)
        let size = bytesWritten
        var bytes = [UInt8](repeating: 0, count: size)
        _ = pread(fileno(output), &bytes, size, 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        session.close()
        fclose(input)
        fclose(output)
    }

    deinit { close() }
}

/// Whether the terminfo database has an entry, so tests that need it can skip with a message.
enum Terminfo {
    static func has(_ name: String) -> Bool {
        guard let first = name.first else { return false }
        let home = ProcessInfo.processInfo.environment["HOME"].map { "\($0)/.terminfo" }
        let dirs = [ProcessInfo.processInfo.environment["TERMINFO"], home, "/etc/terminfo", "/lib/terminfo",
                    "/usr/share/terminfo", "/usr/lib/terminfo"].compactMap { $0 }
        let hex = String(first.asciiValue ?? 0, radix: 16)
        return dirs.contains { dir in
            FileManager.default.fileExists(atPath: "\(dir)/\(first)/\(name)")
                || FileManager.default.fileExists(atPath: "\(dir)/\(hex)/\(name)")
        }
    }
}
