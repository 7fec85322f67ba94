import Foundation

/// Which build of fleettop is running: the GNU build ID the linker writes into the executable, a
/// hash of the linked code. Campaign parts and journals record it, so that runs of two builds,
/// whose models may differ, are never merged or resumed into one report.
public enum BuildIdentity {
    /// The running executable's build ID as hex; nil where the executable has none.
    public static let current: String? = buildID(ofFile: "/proc/self/exe")

    /// The GNU build ID of a 64-bit little-endian ELF file, from its PT_NOTE segments; nil for any
    /// other file or one without the note.
    public static func buildID(ofFile path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        func read(_ offset: UInt64, _ count: Int) -> Data? {
            guard (try? handle.seek(toOffset: offset)) != nil, let d = try? handle.read(upToCount: count), d.count == count else { return nil }
            return d
        }
        guard let header = read(0, 64), header.starts(with: [0x7f, 0x45, 0x4c, 0x46]), header[4] == 2, header[5] == 1 else { return nil }
        let tableOffset = integer(header, 32, UInt64.self)
        let entrySize = Int(integer(header, 54, UInt16.self)), count = Int(integer(header, 56, UInt16.self))
        guard entrySize >= 56, count <= 256, let table = read(tableOffset, entrySize * count) else { return nil }
        for i in 0..<count where integer(table, i * entrySize, UInt32.self) == ptNote {
            let size = Int(integer(table, i * entrySize + 32, UInt64.self))
            guard size <= 1 << 16, let notes = read(integer(table, i * entrySize + 8, UInt64.self), size) else { continue }
            if let id = gnuBuildID(inNotes: notes) { return id }
        }
        return nil
    }

    private static let ptNote: UInt32 = 4
    private static let ntGNUBuildID: UInt32 = 3

    /// Walks one note segment: each note is a 12-byte header, then its name and its descriptor,
    /// each padded to 4 bytes.
    private static func gnuBuildID(inNotes notes: Data) -> String? {
        let bytes = [UInt8](notes)
        var p = 0
        while p + 12 <= bytes.count {
            let nameSize = Int(integer(notes, p, UInt32.self)), descSize = Int(integer(notes, p + 4, UInt32.self))
            let type = integer(notes, p + 8, UInt32.self)
            let desc = p + 12 + ((nameSize + 3) & ~3)
            guard desc + descSize <= bytes.count else { return nil }
            if type == ntGNUBuildID, nameSize == 4, bytes[(p + 12)..<(p + 15)].elementsEqual("GNU".utf8), descSize > 0 {
                return bytes[desc..<(desc + descSize)].map { String(format: "%02x", $0) }.joined()
            }
            p = desc + ((descSize + 3) & ~3)
        }
        return nil
    }

    private static func integer<T: FixedWidthInteger>(_ d: Data, _ at: Int, _: T.Type) -> T {
        d.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: T.self)) }
    }
}
