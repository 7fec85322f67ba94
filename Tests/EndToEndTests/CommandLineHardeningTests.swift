import Foundation
import Testing

/// Issue 13 at the command line: usage errors exit 2, a lost standard output exits 1 with a
/// message, out-of-range numbers are refused before anything runs.
@Suite(.enabled(if: CommandLineRun.available, "build fleettop first"))
struct CommandLineHardeningTests {
    @Test(arguments: [
        ["snapshot", "--bogus"], ["snapshot", "--seed", "x"], ["drill", "--seed"], ["nosuchcommand"],
        ["snapshot", "--duration", "-5"], ["snapshot", "--duration", "1e30"], ["snapshot", "--duration", "1e17"],
        ["snapshot", "--duration", "1m", "--exec", "20m: pause"],
        ["snapshot", "--duration", "5s", "--exec", "1s: surge chat factor=1e300"],
        ["snapshot", "--duration", "5s", "--exec", "1s: fault straggler site=metro-edge hall=1 rack=1 magnitude=1e18"],
        ["snapshot", "--duration", "5s", "--exec", "1s: fault network site=metro-edge latency=1e300"],
        ["bench", "--gpus", "10000000000"], ["bench", "--seconds", "1e30"], ["watch", "--speed", "1e308"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let run = try CommandLineRun(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }

    @Test(arguments: [["snapshot", "--fleet", "tiny", "--duration", "2s", "--json"], ["drill", "--show", "metro-cooling-loss"],
                      ["drill", "--list"], ["themes"]])
    func lostStandardOutputExitsOne(_ arguments: [String]) throws {
        let run = try CommandLineRun(arguments, stdout: "/dev/full")
        #expect(run.status == 1, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("cannot write to standard output"), "\(run.stderr)")
    }

    @Test func helpAndVersionStillExitZero() throws {
        #expect(try CommandLineRun(["--version"]).status == 0)
        #expect(try CommandLineRun(["snapshot", "--help"]).status == 0)
    }
}
