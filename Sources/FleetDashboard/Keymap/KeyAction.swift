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

    /// Help-overlay sections, in display order.
    public enum Group: String, CaseIterable, Sendable {
        case general, navigation, simulation, view, views, injection
        /// The section heading.
        public var title: String {
            switch self {
            case .general: "General"
            case .simulation: "Simulation"
            case .navigation: "Navigation"
            case .view: "View"
            case .views: "Tables and lists"
            case .injection: "Injections (confirm first)"
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
        }
    }
}
