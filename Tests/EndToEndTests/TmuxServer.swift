import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// This test process's private tmux server. It is started once with `posix_spawn`, so it inherits no
/// pipes or sockets of Foundation's `Process` (whose wait would then last as long as the server) and
/// not the test thread's blocked signals (which would make `kill-server` ineffective). A keep-alive
/// session holds it up between tests and ends when the test process does, however it ends; the
/// server then exits with its last session.
enum TmuxServer {
    static let socket = "fleettop-e2e-\(getpid())"

    /// Starts the server if it is not running; true when it runs.
    static func ensureStarted() -> Bool { started }

    private static let started: Bool = {
        let watch = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done"
        return spawnAndWait(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "keepalive", watch]) == 0
    }()

    /// Runs `argv` (found on PATH) with a clean signal state, no inherited descriptors beyond
    /// /dev/null on 0–2, and waits for it; returns its exit status (-1 when it could not start).
    @discardableResult
    static func spawnAndWait(_ argv: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), defaults = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&defaults)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var child: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        guard posix_spawnp(&child, argv[0], &actions, &attributes, cArgs, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    /// The descriptors this process has open now, from /proc/self/fd.
    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }
}
