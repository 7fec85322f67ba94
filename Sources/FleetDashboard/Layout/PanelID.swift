/// Every panel the dashboard can show; the raw value is the name used in presets, config and help.
public enum PanelID: String, CaseIterable, Sendable, Hashable {
    case header, map, power, thermal, traffic, latency, agentic, events, detail, footer

    /// The title a panel's box carries.
    public var title: String {
        switch self {
        case .header: "header"
        case .map: "fleet map"
        case .power: "power"
        case .thermal: "thermal"
        case .traffic: "traffic"
        case .latency: "latency"
        case .agentic: "agentic"
        case .events: "events"
        case .detail: "detail"
        case .footer: "keys"
        }
    }

    /// The panels that live in the body (everything but the header and footer bars).
    public static let bodyPanels: [PanelID] = [.map, .power, .thermal, .traffic, .latency, .agentic, .events, .detail]
}
