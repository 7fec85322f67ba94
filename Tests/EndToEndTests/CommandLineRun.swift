import Foundation

/// Runs the built `fleettop` binary headless (no terminal), standard output to a file such as
/// `/dev/full`, and returns its exit status and standard error.
struct CommandLineRun {
    var status: Int32
    var stderr: String

    /// Whether the binary has been built (the suite never builds it).
    static var available: Bool { FileManager.default.isExecutableFile(atPath: TmuxSession.binary) }

    init(_ arguments: [String], stdout path: String = "/dev/null", environment: [String: String] = [:]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        env.merge(environment) { _, new in new }
        p.environment = env
        p.standardOutput = FileHandle(forWritingAtPath: path)
        let errors = Pipe()
        p.standardError = errors
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        status = p.terminationStatus
        stderr = String(decoding: data, as: UTF8.self)
    }
}
