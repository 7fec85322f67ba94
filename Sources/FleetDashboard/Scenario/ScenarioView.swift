import FleetSim

/// What a running drill, story or replay adds to the dashboard, set by its presenter before each frame:
/// the panel to highlight, a narration caption, a drill's check line, and the end-of-drill summary.
public struct ScenarioView: Sendable, Equatable {
    /// The panel the story points at: its box is drawn in the highlight colour with "◆" in its title.
    public var highlight: PanelID?
    /// The narration box, placed where it does not cover `highlight`.
    public var caption: ScenarioCaption?
    /// A live drill's checks, drawn as one line above the key bar after `status`.
    public var checks: [ScenarioCheck]
    /// The start of that line: the drill's step and countdown ("step 1/2 · next fault … in 03:12").
    public var status: String
    /// The dialog shown when a drill ends.
    public var summary: ScenarioSummaryDialog?
    /// Key-bar hints replacing the dashboard's while the scenario owns some keys (nil keeps them).
    public var hints: [FooterBar.Hint]?

    /// A view; every part is optional.
    public init(highlight: PanelID? = nil, caption: ScenarioCaption? = nil, checks: [ScenarioCheck] = [], status: String = "",
                summary: ScenarioSummaryDialog? = nil, hints: [FooterBar.Hint]? = nil) {
        self.highlight = highlight; self.caption = caption; self.checks = checks; self.status = status; self.summary = summary
        self.hints = hints
    }

    /// The dashboard panel a story chapter names (`header` has no box, so nothing is highlighted).
    public static func panel(_ p: StoryPanel) -> PanelID? {
        p == .header ? nil : PanelID(rawValue: p.rawValue)
    }
}
