/// How sparklines and histograms draw: braille (two samples per column, fine), eighth blocks, or ASCII.
public enum GraphStyle: String, Sendable, CaseIterable {
    case braille, block, ascii
}

/// Every glyph the panels draw, in a Unicode and an ASCII variant, so a non-UTF-8 locale or `--ascii`
/// gives a clean screen with no replacement characters.
public struct GlyphSet: Sendable, Equatable {
    public var topLeft: Unicode.Scalar, topRight: Unicode.Scalar
    public var bottomLeft: Unicode.Scalar, bottomRight: Unicode.Scalar
    public var horizontal: Unicode.Scalar, vertical: Unicode.Scalar
    /// Bar levels from empty to full (index 0 is empty); meters use them for sub-cell precision.
    public var barLevels: [Unicode.Scalar]
    /// Column heights from lowest to highest, for block sparklines, histograms and map cells.
    public var heights: [Unicode.Scalar]
    /// Rack marks: failed, thermal, power cap, network, queue, shut down, shed, straggler.
    public var failed: Unicode.Scalar
    public var ok: Unicode.Scalar, notOK: Unicode.Scalar
    public var warning: Unicode.Scalar
    public var separator: String
    public var minus: String
    public var times: String
    public var degree: String
    public var ellipsis: Unicode.Scalar
    /// Meter track (the unfilled part) and the marker drawn at a cap or limit.
    public var track: Unicode.Scalar, limitMark: Unicode.Scalar
    /// The graph style used when a panel does not ask for one.
    public var defaultGraph: GraphStyle

    /// Box-drawing with rounded corners, eighth blocks, braille sparklines.
    public static let unicode = GlyphSet(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│",
        barLevels: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        heights: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        failed: "✗", ok: "✔", notOK: "✘", warning: "⚠", separator: " · ", minus: "−", times: "×",
        degree: "°C", ellipsis: "…", track: "·", limitMark: "│", defaultGraph: .braille)

    /// Plain 7-bit ASCII for terminals or locales without UTF-8.
    public static let ascii = GlyphSet(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        barLevels: [" ", "#", "#", "#", "#", "#", "#", "#", "#"],
        heights: ["_", ".", ":", "-", "=", "+", "*", "#"],
        failed: "F", ok: "+", notOK: "x", warning: "!", separator: " | ", minus: "-", times: "x",
        degree: "C", ellipsis: "~", track: ".", limitMark: "|", defaultGraph: .ascii)

    /// True for the ASCII set.
    public var isASCII: Bool { self == .ascii }

    /// The height glyph for a fraction 0...1 (non-finite counts as 0).
    @inlinable
    public func height(_ fraction: Float) -> Unicode.Scalar {
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let i = Int(f * Float(heights.count - 1) + 0.5)
        return heights[i]
    }

    /// The glyph for a graph style the glyph set can show (braille falls back to ASCII in ASCII mode).
    public func effective(_ style: GraphStyle) -> GraphStyle {
        isASCII ? .ascii : style
    }
}
