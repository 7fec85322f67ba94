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
    }

    /// Plain text in the theme's main colour.
    public var text: CellStyle { theme.style(.mainForeground) }
    /// Labels and units, quieter than values.
    public var label: CellStyle { theme.style(.graphText) }
    /// Values that matter most.
    public var value: CellStyle { theme.style(.mainForeground, .bold) }
    public var ok: CellStyle { theme.style(.ok) }
    public var warning: CellStyle { theme.style(.warning, .bold) }
    public var critical: CellStyle { theme.style(.critical, .bold) }
    public var dim: CellStyle { theme.style(.inactive) }
}
