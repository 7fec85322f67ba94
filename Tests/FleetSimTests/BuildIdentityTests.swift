import Foundation
import Testing
@testable import FleetSim

/// Campaigns record which build ran them; the build ID must be read from real executables and
/// nothing from files that are not one.
struct BuildIdentityTests {
    @Test func theRunningExecutableHasABuildID() throws {
        let id = try #require(BuildIdentity.current, "the Swift toolchain links with --build-id on Linux")
        #expect(id.count >= 16 && id.count % 2 == 0)
        #expect(id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(BuildIdentity.buildID(ofFile: "/proc/self/exe") == id)
    }

    @Test func filesThatAreNotAnExecutableHaveNone() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("build-id-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/exe"))
        let exe = try #require(try handle.read(upToCount: 200))
        try handle.close()
        let cases: [(String, Data)] = [
            ("empty", Data()),
            ("text", Data("name: not an executable\n".utf8)),
            ("elf-header-only", exe.prefix(64)),
            ("elf-cut-before-its-program-headers", exe),
        ]
        for (name, bytes) in cases {
            let path = dir.appendingPathComponent(name).path
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(BuildIdentity.buildID(ofFile: path) == nil, "\(name)")
        }
        #expect(BuildIdentity.buildID(ofFile: dir.appendingPathComponent("missing").path) == nil)
    }
}
