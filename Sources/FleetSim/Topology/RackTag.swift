/// A tag on a range of one hall's racks (fleet file `rack_tags: {pdu-a: 1-8}`).
public struct RackTag: Sendable, Equatable {
    public var name: String
    /// 1-based rack numbers within the hall.
    public var racks: ClosedRange<Int>

    public init(name: String, racks: ClosedRange<Int>) { self.name = name; self.racks = racks }

    /// Whether `name` is a valid tag: lowercase letters, digits and '-', not empty.
    public static func isValidName(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
