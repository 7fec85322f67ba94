import Foundation

/// Runs Prometheus's `promtool`: found as `$FLEETTOP_PROMTOOL` or on `PATH` (Debian's `prometheus`
/// package installs it as /usr/bin/promtool).
public struct Promtool: Sendable {
    public let path: String

    /// The promtool to use, or an error saying how to get one.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(AlertRulesError) -> Promtool {
        if let explicit = environment["FLEETTOP_PROMTOOL"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw AlertRulesError(message: "FLEETTOP_PROMTOOL=\(explicit) is not an executable file")
            }
            return Promtool(path: explicit)
        }
        for dir in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/promtool"
            if FileManager.default.isExecutableFile(atPath: candidate) { return Promtool(path: candidate) }
        }
        throw AlertRulesError(message: "promtool not found on PATH: --alert-rules evaluates the rules with Prometheus's own engine "
            + "(install it with `apt-get install prometheus`, or set FLEETTOP_PROMTOOL to its path)")
    }

    /// Runs promtool with `arguments`, returning its exit status and merged output; kills it after
    /// `timeout` wall seconds.
    public func run(_ arguments: [String], timeout: Double = 600) throws(AlertRulesError) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw AlertRulesError(message: "cannot run \(path): \(error.localizedDescription)")
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        if process.terminationReason == .uncaughtSignal {
            throw AlertRulesError(message: "\(path) \(arguments.first ?? "") did not finish within \(Int(timeout)) s")
        }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `promtool check rules FILE`: nil when the file is valid, else promtool's own words.
    public func checkRules(_ file: String) throws(AlertRulesError) -> String? {
        let (status, output) = try run(["check", "rules", file], timeout: 60)
        return status == 0 ? nil : output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
