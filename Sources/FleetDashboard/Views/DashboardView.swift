/// What the body of the screen shows: the panel dashboard, or one full-screen list or table, as
/// htop's and k9s's views do. Digits switch views (`1` dashboard … `6` latency history).
public enum DashboardView: String, CaseIterable, Sendable, Hashable {
    case dashboard, racks, gpus, alerts, faults, latency

    /// The box title.
    public var title: String {
        switch self {
        case .dashboard: "dashboard"
        case .racks: "racks"
        case .gpus: "GPUs"
        case .alerts: "alerts"
        case .faults: "active faults"
        case .latency: "latency history"
        }
    }

    /// Whether the view is a table with a cursor, sorting and a filter.
    public var isTable: Bool { self == .racks || self == .gpus || self == .alerts || self == .faults }
}
