import Foundation
import Testing

/// The built binary in tmux: start-up, help, resize, quit, signals, non-terminal stdout.
@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed (.ci/run installs it)"))
struct DashboardLifecycleTests {
    @Test func startsShowsHeaderAndMapAndQuitsCleanly() throws {
        let t = try TmuxSession(arguments: ["--fleet", "demo", "--seed", "7"])
        let screen = t.waitFor { $0.contains("fleet map") && $0.contains("metro-edge") }
        #expect(screen.contains("fleettop"), "header missing:\n\(screen)")
        #expect(screen.contains("fleet map"), "map missing:\n\(screen)")
        #expect(t.format("#{alternate_on}") == "1")
        t.send("q")
        #expect(t.waitForExit() == 0)
        #expect(t.format("#{alternate_on}") == "0")
    }

    @Test func helpOverlayListsKeys() throws {
        let t = try TmuxSession(arguments: ["--fleet", "demo"])
        t.waitFor { $0.contains("fleet map") }
        t.send("?")
        let help = t.waitFor { $0.contains("quit") && $0.contains("pause") }
        #expect(help.contains("quit") && help.contains("pause"), "help not shown:\n\(help)")
        t.send("Escape")
        t.send("q")
        #expect(t.waitForExit() == 0)
    }

    @Test func resizesDownToTooSmallAndBack() throws {
        let t = try TmuxSession(arguments: ["--fleet", "demo"], width: 160, height: 48)
        t.waitFor { $0.contains("fleet map") }
        for (w, h) in [(80, 24), (60, 20)] {
            t.resize(width: w, height: h)
            let s = t.waitFor { screen in
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return screen.contains("fleettop") && lines.count <= h + 1
            }
            #expect(s.contains("fleettop"), "at \(w)×\(h):\n\(s)")
            #expect(!s.contains("too small"), "at \(w)×\(h) the dashboard should still fit:\n\(s)")
        }
        t.resize(width: 30, height: 10)
        let small = t.waitFor { $0.contains("too small") }
        #expect(small.contains("too small"), "no too-small screen:\n\(small)")
        t.resize(width: 160, height: 48)
        let back = t.waitFor { $0.contains("fleet map") }
        #expect(back.contains("fleet map"))
        t.send("q")
        #expect(t.waitForExit() == 0)
        #expect(t.format("#{alternate_on}") == "0")
    }

    @Test func quitAnswersOnTheTooSmallScreen() throws {
        let t = try TmuxSession(arguments: ["--fleet", "tiny"], width: 30, height: 10)
        t.waitFor { $0.contains("too small") }
        t.send("q")
        #expect(t.waitForExit() == 0)
        #expect(t.format("#{alternate_on}") == "0")
    }

    @Test(arguments: [(Int32(15), "TERM"), (Int32(1), "HUP"), (Int32(2), "INT")])
    func signalRestoresTerminal(signal: Int32, name: String) throws {
        let t = try TmuxSession(arguments: ["--fleet", "tiny"])
        t.waitFor { $0.contains("fleettop") }
        let pid = try #require(t.programPID())
        kill(pid, signal)
        #expect(t.waitForExit() == 128 + signal, "SIG\(name)")
        #expect(t.format("#{alternate_on}") == "0")
    }

    @Test func nonTerminalStdoutGetsMessageAndStatus2() throws {
        let r = try TmuxSession.run([TmuxSession.binary, "--fleet", "tiny"], stdin: FileHandle.nullDevice)
        #expect(r.status == 2)
        #expect(r.output.contains("fleettop snapshot"), "message: \(r.output)")
    }
}
