import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// This test binary run again as a child process on a pseudo-terminal, running one test that opens a
/// real session, so the exit and crash paths can be watched from outside.
final class PTYChild {
    /// How the child ended.
    enum Ending: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case stillRunning
    }

    let pid: pid_t
    private let master: Int32
    private let slave: Int32
    private(set) var transcript: [UInt8] = []

    /// Starts `testFilter` in a child whose standard input and output are a new pty of 80×24.
    /// - Parameters:
    ///   - blockedSignals: signals the child starts with blocked, as under a launcher that blocks them.
    ///   - ownProcessGroup: start the child in a process group of its own, as a shell starts a job: a
    ///     group whose parent is in the same session is not orphaned, so SIGTSTP can stop it.
    init(testFilter: String, environment: [String: String], blockedSignals: [Int32] = [],
         ownProcessGroup: Bool = false) throws {
        var masterFD: Int32 = -1, slaveFD: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterFD, &slaveFD, nil, nil, &size) == 0 else { throw POSIXError(.ENOTTY) }
        master = masterFD
        slave = slaveFD
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let arguments = [executable, "--testing-library", "swift-testing", "--filter", testFilter]
        let env = environment.map { "\($0.key)=\($0.value)" }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, slaveFD, 0)
        posix_spawn_file_actions_adddup2(&actions, slaveFD, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, masterFD)

        // A clean start: the spawning test thread blocks signals, and the child must not inherit that.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), defaults = sigset_t()
        sigemptyset(&noSignals)
        for signal in blockedSignals { sigaddset(&noSignals, signal) }
        sigfillset(&defaults)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        var child: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        pid = child
    }

    deinit {
        if case .stillRunning = poll(), kill(pid, SIGKILL) == 0 { _ = wait(seconds: 5) }
        Glibc.close(master)
        Glibc.close(slave)
    }

    /// Reads what the child wrote until `text` appears or `seconds` pass; true if it appeared.
    func waitForOutput(_ text: String, seconds: Double) -> Bool {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if contains(needle) { return true }
            drain(milliseconds: 50)
            if case .stillRunning = poll() {} else { drain(milliseconds: 0); return contains(needle) }
        }
        return contains(needle)
    }

    /// The child's scheduler state from /proc (`T` stopped, `S` sleeping, `R` running).
    var state: Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")"), stat.index(close, offsetBy: 2) < stat.endIndex else { return nil }
        return stat[stat.index(close, offsetBy: 2)]
    }

    /// Waits up to `seconds` for the child to be in `state`, reading its output meanwhile.
    func waitForState(_ wanted: Character, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if state == wanted { return true }
            drain(milliseconds: 50)
        }
        return state == wanted
    }

    /// Waits up to `seconds` for the child to end, reading its output meanwhile.
    func wait(seconds: Double) -> Ending {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            drain(milliseconds: 50)
            let ending = poll()
            if ending != .stillRunning { drain(milliseconds: 0); return ending }
        }
        return .stillRunning
    }

    /// Resizes the pty, as a terminal window does; its foreground process group gets SIGWINCH.
    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Types `text` into the child's terminal.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = write(master, bytes, bytes.count)
    }

    /// The terminal modes of the pty now.
    func terminalModes() -> termios {
        var modes = termios()
        tcgetattr(slave, &modes)
        return modes
    }

    /// Whether `bytes` occur in the transcript after the first occurrence of `after`.
    func transcriptContains(_ bytes: [UInt8], after: [UInt8]) -> Bool {
        guard let start = index(of: after, from: 0) else { return false }
        return index(of: bytes, from: start + after.count) != nil
    }

    private var reaped: Ending = .stillRunning

    private func poll() -> Ending {
        if reaped != .stillRunning { return reaped }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return .stillRunning }
        let termSignal = status & 0x7F
        reaped = termSignal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(termSignal)
        return reaped
    }

    private func drain(milliseconds: Int32) {
        var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 4096)
        var timeout = milliseconds
        while Glibc.poll(&fds, 1, timeout) > 0, fds[0].revents & Int16(POLLIN) != 0 {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            transcript.append(contentsOf: buffer[0..<n])
            timeout = 0
        }
    }

    private func contains(_ needle: [UInt8]) -> Bool { index(of: needle, from: 0) != nil }

    private func index(of needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, transcript.count >= needle.count else { return nil }
        var i = start
        while i <= transcript.count - needle.count {
            if transcript[i] == needle[0], Array(transcript[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }
}
