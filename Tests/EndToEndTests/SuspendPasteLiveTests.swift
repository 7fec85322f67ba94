import Foundation
import Testing

/// Ctrl-Z and `fg` from a shell, and bracketed paste, against the built binary in tmux.
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed (.ci/run installs it)"))
struct SuspendPasteLiveTests {
    /// The simulated clock in the header (`hh:mm:ss` on the first line), in seconds.
    static func simSeconds(_ screen: String) -> Int? {
        guard let header = screen.split(separator: "\n").first,
              let match = header.firstMatch(of: /(\d\d):(\d\d):(\d\d)/),
              let h = Int(match.1), let m = Int(match.2), let s = Int(match.3) else { return nil }
        return h * 3600 + m * 60 + s
    }

    /// The last line of the screen with something on it.
    static func lastLine(_ screen: String) -> String {
        String(screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "")
    }

    /// The process state letter (`T` stopped, `S`/`R` running) of `pid`.
    static func state(_ pid: Int32) -> String {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return "" }
        return String(stat[stat.index(close, offsetBy: 2)])
    }

    @Test("Ctrl-Z gives the shell a sane terminal and stops the simulation; fg redraws and goes on without a jump")
    func ctrlZSuspendsAndFgResumes() throws {
        let speed = 60
        let stopSeconds = 6.0
        let t = try TmuxSession(shellRunning: ["--fleet", "tiny", "--speed", "\(speed)"])
        let running = t.waitFor(timeout: 60) { $0.contains("fleet map") && (Self.simSeconds($0) ?? 0) >= 60 }
        let before = try #require(Self.simSeconds(running), "no clock in the header:\n\(running)")
        let pid = try #require(t.programPID(), "fleettop is not running")
        let wallStart = Date()
        t.send("C-z")
        let shell = t.waitFor { screen in
            screen.contains("Stopped") && Self.lastLine(screen).hasPrefix(TmuxSession.shellPrompt.trimmingCharacters(in: .whitespaces))
        }
        #expect(Self.lastLine(shell).hasPrefix(TmuxSession.shellPrompt.trimmingCharacters(in: .whitespaces)), "the prompt is back")
        #expect(shell.contains("Stopped"), "no job-stopped message:\n\(shell)")
        #expect(t.format("#{alternate_on}") == "0", "left the alternate screen")
        #expect(t.format("#{cursor_flag}") == "1", "the cursor is shown")
        #expect(t.format("#{mouse_any_flag}") == "0", "mouse reporting is off")
        #expect(Self.state(pid) == "T", "the process is stopped")
        print("SUSPENDED CAPTURE:\n" + shell)
        Thread.sleep(forTimeInterval: stopSeconds)
        #expect(Self.state(pid) == "T", "still stopped")
        t.type("fg")
        t.send("Enter")
        let back = t.waitFor { $0.contains("fleet map") && !$0.contains("Stopped") && Self.simSeconds($0) != nil }
        let wall = Date().timeIntervalSince(wallStart)
        print("RESUMED CAPTURE:\n" + back)
        #expect(back.contains("fleet map") && !back.contains("Stopped") && !back.contains(TmuxSession.shellPrompt),
                "the dashboard is redrawn whole:\n\(back)")
        #expect(t.format("#{alternate_on}") == "1")
        let after = try #require(Self.simSeconds(back))
        // The simulation ran only while the process did: at most `speed` × (wall time minus the stop),
        // plus a frame's lag in each capture. Had it run while stopped it would be ≥ speed × stop.
        let advanced = Double(after - before)
        print("SIM CLOCK: \(before) s before Ctrl-Z, \(after) s after fg; \(wall) s wall, \(stopSeconds) s of it stopped")
        let bound = Double(speed) * (wall - stopSeconds) + Double(speed)
        #expect(advanced <= bound, "the clock moved \(advanced) s over \(wall) s wall with \(stopSeconds) s stopped")
        #expect(advanced < Double(speed) * stopSeconds, "\(advanced) s simulated across a \(stopSeconds) s stop")
        let later = t.waitFor { (Self.simSeconds($0) ?? 0) > after }
        #expect((Self.simSeconds(later) ?? 0) > after, "the clock runs again after fg")
        t.send("q")
        t.waitFor { Self.lastLine($0).hasPrefix(TmuxSession.shellPrompt.trimmingCharacters(in: .whitespaces)) }
        t.type("echo exit=$?")
        t.send("Enter")
        let done = t.waitFor { $0.contains("exit=0") }
        #expect(done.contains("exit=0"), "fleettop exited 0 after fg and q:\n\(done)")
        #expect(t.format("#{alternate_on}") == "0")
    }

    @Test("a bracketed paste of 'hello quit q' does not quit; into the command line it is text")
    func pasteIsTextNotKeys() throws {
        let t = try TmuxSession(arguments: ["--fleet", "tiny"])
        t.waitFor(timeout: 60) { $0.contains("fleet map") }
        t.paste("hello quit q")
        #expect(t.waitForExit(timeout: 3) == nil, "the paste quit fleettop")
        let screen = t.capture()
        #expect(screen.contains("fleet map"), "still on the dashboard:\n\(screen)")
        t.send(":")
        t.waitFor { Self.lastLine($0).hasPrefix(":") }
        t.paste("pause")
        let palette = t.waitFor { $0.contains(":pause") }
        print("PASTE CAPTURE:\n" + palette)
        #expect(palette.contains(":pause"), "the paste went into the command line:\n\(palette)")
        t.send("Enter")
        let paused = t.waitFor { $0.contains("PAUSED") }
        #expect(paused.contains("PAUSED"), "the pasted command ran on Enter:\n\(paused)")
        t.send("q")
        #expect(t.waitForExit() == 0)
    }
}
