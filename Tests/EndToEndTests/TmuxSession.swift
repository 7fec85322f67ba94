import Foundation

/// Drives the built `fleettop` binary inside a detached tmux session: keys in with `send-keys`,
/// the screen back with `capture-pane`. The binary is never built here; `swift test` builds it.
final class TmuxSession {
    let name: String
    let statusFile: URL

    /// The tmux command line with this suite's server socket.
    static func tmux(_ args: [String]) -> [String] { ["tmux", "-L", TmuxServer.socket, "-f", "/dev/null"] + args }

    /// tmux is needed for the end-to-end suite; `.ci/run` installs it.
    static var available: Bool { (try? run(["tmux", "-V"]).status) == 0 && TmuxServer.ensureStarted() }

    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary: `$FLEETTOP_BIN`, else the debug build of this package.
    static var binary: String {
        if let env = ProcessInfo.processInfo.environment["FLEETTOP_BIN"], !env.isEmpty { return env }
        for config in ["debug", "release"] {
            let path = packageRoot.appendingPathComponent(".build/\(config)/fleettop").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return packageRoot.appendingPathComponent(".build/debug/fleettop").path
    }

    /// Starts `fleettop <arguments>` in a new detached session of `width`×`height`. When the program
    /// exits, the pane shell writes its exit status to `statusFile` and stays open for inspection.
    init(arguments: [String], width: Int = 160, height: Int = 48, environment: [String: String] = [:]) throws {
        name = "fleettop-e2e-\(UUID().uuidString.prefix(8))"
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).status")
        let quoted = ([Self.binary] + arguments).map(Self.shellQuote).joined(separator: " ")
        var env = "TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 SWIFT_BACKTRACE=interactive=no "
        for (k, v) in environment { env += "\(k)=\(Self.shellQuote(v)) " }
        let script = "\(env)\(quoted); echo $? > \(Self.shellQuote(statusFile.path)); sleep 600"
        guard TmuxServer.ensureStarted() else { throw E2EError.tmux("cannot start the tmux server") }
        let r = try Self.run(quiet: true, Self.tmux(["new-session", "-d", "-s", name,
                              "-x", "\(width)", "-y", "\(height)", "sh", "-c", script]))
        guard r.status == 0 else { throw E2EError.tmux("tmux new-session failed with status \(r.status)") }
    }

    /// The prompt of the interactive shell that `init(shellRunning:)` starts.
    static let shellPrompt = "e2e-shell$ "

    /// Starts an interactive shell (`sh -i`, with job control) in a new detached session and types
    /// `fleettop <arguments>` into it, for what needs a shell around the program (Ctrl-Z, `fg`).
    /// `statusFile` is not written: ask the shell (`echo $?`) instead.
    init(shellRunning arguments: [String], width: Int = 160, height: Int = 48) throws {
        name = "fleettop-e2e-\(UUID().uuidString.prefix(8))"
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).status")
        let env = ["TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "SWIFT_BACKTRACE=interactive=no",
                   "PS1=" + Self.shellPrompt]
        guard TmuxServer.ensureStarted() else { throw E2EError.tmux("cannot start the tmux server") }
        let r = try Self.run(quiet: true, Self.tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                                                     "env"] + env + ["sh", "-i"]))
        guard r.status == 0 else { throw E2EError.tmux("tmux new-session failed with status \(r.status)") }
        waitFor { $0.contains(Self.shellPrompt) }
        let command = ([Self.binary] + arguments).map(Self.shellQuote).joined(separator: " ")
        type(command)
        send("Enter")
    }

    /// Pastes `text` as a terminal would: bracketed when the program asked for bracketed paste.
    func paste(_ text: String) {
        _ = try? Self.run(Self.tmux(["set-buffer", "-b", name, text]))
        _ = try? Self.run(Self.tmux(["paste-buffer", "-p", "-d", "-b", name, "-t", name]))
    }

    deinit { _ = try? Self.run(Self.tmux(["kill-session", "-t", name])) }

    /// The screen as text, one line per row.
    func capture(colors: Bool = false) -> String {
        (try? Self.run(Self.tmux(["capture-pane", "-p"] + (colors ? ["-e"] : []) + ["-t", name])).output) ?? ""
    }

    func send(_ keys: String...) {
        _ = try? Self.run(Self.tmux(["send-keys", "-t", name] + keys))
    }

    /// Sends literal text (no key-name lookup).
    func type(_ text: String) {
        _ = try? Self.run(Self.tmux(["send-keys", "-l", "-t", name, text]))
    }

    func resize(width: Int, height: Int) {
        _ = try? Self.run(Self.tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"]))
    }

    /// A tmux format value for the pane, e.g. `#{alternate_on}`.
    func format(_ f: String) -> String {
        ((try? Self.run(Self.tmux(["display-message", "-p", "-t", name, f])).output) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the program (the pane shell's child).
    func programPID() -> Int32? {
        let shell = format("#{pane_pid}")
        guard let out = try? Self.run(["pgrep", "-P", shell]).output else { return nil }
        return out.split(separator: "\n").compactMap { Int32($0) }.first
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last capture.
    @discardableResult
    func waitFor(timeout: Double = 20, _ predicate: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !predicate(screen) && Date() < deadline {
            usleep(100_000)
            screen = capture()
        }
        return screen
    }

    /// Waits for the program to exit and returns its exit status, or nil on timeout.
    func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOf: statusFile, encoding: .utf8),
               let v = Int32(s.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return v
            }
            usleep(100_000)
        }
        return nil
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a command to completion and returns its status and combined output. `quiet` discards the
    /// output instead: a command that starts the tmux server would otherwise hand it the pipe, and the
    /// read would wait for the server to exit.
    @discardableResult
    static func run(quiet: Bool = false, _ argv: [String], stdin: FileHandle? = nil) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        if let stdin { p.standardInput = stdin }
        if quiet {
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            return (p.terminationStatus, "")
        }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

enum E2EError: Error { case tmux(String) }
