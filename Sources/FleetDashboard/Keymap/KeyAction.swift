/// Everything a key can do in the dashboard. The raw value is the name used in the config file.
public enum KeyAction: String, CaseIterable, Sendable, Hashable {
    case help, quit, palette, filter
    case pause, step
    case speedUp = "speed_up", speedDown = "speed_down"
    case refreshSlower = "refresh_slower", refreshFaster = "refresh_faster"
    case focusNext = "focus_next", focusPrevious = "focus_previous"
    case selectUp = "select_up", selectDown = "select_down", selectLeft = "select_left", selectRight = "select_right"
    case drillDown = "drill_down", back
    case scrollUp = "scroll_up", scrollDown = "scroll_down"
    case fault, surge
    case repair, repairAll = "repair_all"
    case mapMetric = "map_metric", theme, preset, expand
    case viewDashboard = "view_dashboard", viewRacks = "view_racks", viewGPUs = "view_gpus"
    case viewAlerts = "view_alerts", viewFaults = "view_faults", viewLatency = "view_latency"
    case sortNext = "sort_next", sortReverse = "sort_reverse", jump
    case latencyWindow = "latency_window", saveFrame = "save_frame"
    case storyNext = "story_next", storyPrevious = "story_previous", storyAuto = "story_auto"
    case replayBack = "replay_back", replayForward = "replay_forward"
    case replayBackMinute = "replay_back_minute", replayForwardMinute = "replay_forward_minute"
    case replayStart = "replay_start", replayEnd = "replay_end", replaySeek = "replay_seek"

    /// Which keys an action's binding competes with: the dashboard's own, or a scenario's, which
    /// take their keys first while that scenario runs (a story's → before the map's →).
    public enum Layer: Sendable, Hashable {
        case dashboard, story, replay
    }

    /// The layer the action is bound in.
    public var layer: Layer { group.layer }

    /// Help-overlay sections, in display order.
    public enum Group: String, CaseIterable, Sendable {
        case general, navigation, simulation, view, views, injection
        /// `fleettop demo`'s keys, in force while a story plays.
        case story
        /// `fleettop replay`'s seeking keys, in force while a recording plays.
        case replay

        /// The keymap layer of the section's actions.
        public var layer: Layer {
            switch self {
            case .story: .story
            case .replay: .replay
            default: .dashboard
            }
        }

        /// The dashboard's own sections (the help of a plain `fleettop watch`).
        public static let dashboard: [Group] = [.general, .navigation, .simulation, .view, .views, .injection]

        /// The section heading.
        public var title: String {
            switch self {
            case .general: "General"
            case .simulation: "Simulation"
            case .navigation: "Navigation"
            case .view: "View"
            case .views: "Tables and lists"
            case .injection: "Injections (confirm first)"
            case .story: "Story"
            case .replay: "Replay"
            }
        }
    }

    /// The help-overlay section the action is listed in.
    public var group: Group {
        switch self {
        case .help, .quit, .palette, .filter: .general
        case .pause, .step, .speedUp, .speedDown, .refreshSlower, .refreshFaster: .simulation
        case .focusNext, .focusPrevious, .selectUp, .selectDown, .selectLeft, .selectRight,
             .drillDown, .back, .scrollUp, .scrollDown: .navigation
        case .mapMetric, .theme, .preset, .expand: .view
        case .viewDashboard, .viewRacks, .viewGPUs, .viewAlerts, .viewFaults, .viewLatency, .sortNext, .sortReverse, .jump,
             .latencyWindow, .saveFrame: .views
        case .fault, .surge, .repair, .repairAll: .injection
        case .storyNext, .storyPrevious, .storyAuto: .story
        case .replayBack, .replayForward, .replayBackMinute, .replayForwardMinute, .replayStart, .replayEnd, .replaySeek: .replay
        }
    }

    /// True for actions that change the fleet: never on a bare ctrl-key, refused in read-only mode.
    public var isInjection: Bool { group == .injection }

    /// One line for the help overlay and the annotated default config.
    public var summary: String {
        switch self {
        case .help: "show or close this help"
        case .quit: "quit"
        case .palette: "command palette"
        case .filter: "filter the focused list"
        case .pause: "pause or resume the simulation"
        case .step: "advance one step while paused"
        case .speedUp: "faster simulation"
        case .speedDown: "slower simulation"
        case .refreshSlower: "redraw less often"
        case .refreshFaster: "redraw more often"
        case .focusNext: "focus the next panel"
        case .focusPrevious: "focus the previous panel"
        case .selectUp: "select up"
        case .selectDown: "select down"
        case .selectLeft: "select left"
        case .selectRight: "select right"
        case .drillDown: "drill into the selection"
        case .back: "back out, close"
        case .scrollUp: "scroll up a page"
        case .scrollDown: "scroll down a page"
        case .fault: "inject a fault"
        case .surge: "start a demand surge"
        case .repair: "repair the selection"
        case .repairAll: "repair everything, end surges"
        case .mapMetric: "next map metric"
        case .theme: "next theme"
        case .preset: "next layout preset"
        case .expand: "expand the focused panel"
        case .viewDashboard: "the panel dashboard"
        case .viewRacks: "rack table"
        case .viewGPUs: "GPU table of the selection"
        case .viewAlerts: "the alerts the header counts"
        case .viewFaults: "active faults, r repairs one"
        case .viewLatency: "latency history graphs"
        case .sortNext: "sort by the next column"
        case .sortReverse: "reverse the order"
        case .jump: "go to a site, hall or rack"
        case .latencyWindow: "latency window 1/5/15 m"
        case .saveFrame: "save the screen as text"
        case .storyNext: "next chapter"
        case .storyPrevious: "previous chapter (replays it)"
        case .storyAuto: "auto-advance on or off"
        case .replayBack: "seek 10 s back"
        case .replayForward: "seek 10 s forward"
        case .replayBackMinute: "seek a minute back"
        case .replayForwardMinute: "seek a minute forward"
        case .replayStart: "seek to the start"
        case .replayEnd: "seek to the end"
        case .replaySeek: "seek to a time or tick"
        }
    }
}
