/// The one thing that has the keyboard on top of the panels, if any.
public enum DashboardModal: Sendable {
    /// The `f` or `s` menu, one step at a time.
    case wizard(InjectionWizard)
    /// "Inject …?" with No as the default.
    case confirm(ConfirmDialog)
    /// The `:` command line (its text and history live in `DashboardState.palette`).
    case palette
    /// The key help overlay (its scroll position).
    case help(HelpOverlay)
    /// `g`: go to a site, hall or rack by name.
    case jump(JumpPrompt)
}
