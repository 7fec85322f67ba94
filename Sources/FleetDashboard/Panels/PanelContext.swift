import FleetSim

/// What every panel draws with besides the snapshot and its rectangle: theme, glyphs, graph style,
/// whether it has focus, the sparkline cache and the per-snapshot digest.
public struct PanelContext {
    public var theme: Theme
    public var glyphs: GlyphSet
    public var graph: GraphStyle
    public var focused: Bool
    public let sparks: SparklineCache
    public var digest: FleetDigest

    public init(theme: Theme, glyphs: GlyphSet, graph: GraphStyle, focused: Bool = false,
                sparks: SparklineCache, digest: FleetDigest) {
        self.theme = theme; self.glyphs = glyphs; self.graph = graph; self.focused = focused
        self.sparks = sparks; self.digest = digest
        text = theme.style(.mainForeground)
        label = theme.style(.graphText)
        value = theme.style(.mainForeground, .bold)
        ok = theme.style(.ok)
        warning = theme.style(.warning, .bold)
        critical = theme.style(.critical, .bold)
        dim = theme.style(.inactive)
    }

    /// Plain text in the theme's main colour.
    public let text: CellStyle
    /// Labels and units, quieter than values.
    public let label: CellStyle
    /// Values that matter most.
    public let value: CellStyle
    public let ok: CellStyle
    public let warning: CellStyle
    public let critical: CellStyle
    public let dim: CellStyle
}
