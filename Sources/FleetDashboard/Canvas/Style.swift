/// A 24-bit colour; the terminal layer quantises it to what the terminal can show.
public struct RGB: Sendable, Hashable {
    public var r: UInt8, g: UInt8, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }
}

/// A cell colour: the terminal's default, or an RGB value.
public enum CellColor: Sendable, Hashable {
    case terminalDefault
    case rgb(RGB)
}

/// Text attributes, kept in monochrome too, so meaning never rests on colour alone.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// How one cell looks.
public struct CellStyle: Sendable, Hashable {
    public var foreground: CellColor
    public var background: CellColor
    public var attributes: TextAttributes
    public init(foreground: CellColor = .terminalDefault, background: CellColor = .terminalDefault,
                attributes: TextAttributes = []) {
        self.foreground = foreground; self.background = background; self.attributes = attributes
    }
    public static let plain = CellStyle()
}
