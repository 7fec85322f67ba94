/// What one `TerminalSession.draw` wrote, for tests and `fleettop bench`.
public struct DrawStats: Sendable, Equatable {
    /// Canvas cells written (a wide glyph counts as its two cells); 0 for an unchanged frame.
    public var cellsWritten = 0
    /// Runs of adjacent changed cells, each one `mvwadd_wchnstr` call.
    public var runs = 0
    /// Colour pairs defined.
    public var pairsDefined = 0
    /// Times the colour-pair cache filled and was reset.
    public var pairResets = 0

    public init() {}
}
