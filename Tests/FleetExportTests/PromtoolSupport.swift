import FleetExport
import Foundation

/// promtool for the tests that need Prometheus's own tools (`.ci/run` installs Debian's
/// `prometheus` package, which brings it).
enum PromtoolSupport {
    static let promtool: Promtool? = try? Promtool.locate()
    static var available: Bool { promtool != nil }
    static let missing = "promtool is not installed (.ci/run installs Debian's prometheus package; or set FLEETTOP_PROMTOOL)"

    /// A fresh directory under the temporary folder.
    static func scratchDirectory(_ name: String) throws -> String {
        let dir = NSTemporaryDirectory() + "fleettop-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs promtool with standard input from `input`, returning status and merged output.
    static func run(_ arguments: [String], input: [UInt8]? = nil) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: promtool!.path)
        p.arguments = arguments
        let out = Pipe(), inPipe = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        try p.run()
        if let input {
            let writer = Thread {
                inPipe.fileHandleForWriting.write(Data(input))
                try? inPipe.fileHandleForWriting.close()
            }
            writer.start()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
