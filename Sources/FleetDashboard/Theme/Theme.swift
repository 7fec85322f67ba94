/// Named colours a theme sets (fleettop's keys; btop's key names map onto these as aliases).
public enum ThemeColor: String, CaseIterable, Sendable {
    case mainBackground = "main_bg"
    case mainForeground = "main_fg"
    case title
    case highlight = "hi_fg"
    case selectedBackground = "selected_bg"
    case selectedForeground = "selected_fg"
    case inactive = "inactive_fg"
    case graphText = "graph_text"
    case meterBackground = "meter_bg"
    case divider = "div_line"
    case headerBackground = "header_bg"
    case headerForeground = "header_fg"
    case mapBox = "map_box"
    case powerBox = "power_box"
    case thermalBox = "thermal_box"
    case trafficBox = "traffic_box"
    case latencyBox = "latency_box"
    case agenticBox = "agentic_box"
    case eventsBox = "events_box"
    case detailBox = "detail_box"
    case ok = "ok_fg"
    case warning = "warn_fg"
    case critical = "crit_fg"
    case fault = "fault_fg"
    case surge = "surge_fg"
    case repair = "repair_fg"
    case dialogBackground = "dialog_bg"
    case dialogForeground = "dialog_fg"
}

/// Named 101-step gradients (`name_start` / `name_mid` / `name_end` in a theme file).
public enum ThemeGradient: String, CaseIterable, Sendable {
    case thermal, power, utilization, queue, latency, fault, surge
}

/// A resolved theme: every colour and every gradient set, ready for panels.
public struct Theme: Sendable {
    public var name: String
    public var colors: [ThemeColor: CellColor]
    /// Exactly 101 colours per gradient, index = percent.
    public var gradients: [ThemeGradient: [CellColor]]

    public init(name: String, colors: [ThemeColor: CellColor], gradients: [ThemeGradient: [CellColor]]) {
        self.name = name; self.colors = colors; self.gradients = gradients
    }

    /// The colour for a role (terminal default when unset).
    public func color(_ role: ThemeColor) -> CellColor { colors[role] ?? .terminalDefault }

    /// A style with the role's colour on the main background.
    public func style(_ role: ThemeColor, _ attributes: TextAttributes = []) -> CellStyle {
        CellStyle(foreground: color(role), background: color(.mainBackground), attributes: attributes)
    }

    /// The gradient colour at `fraction` (clamped to 0...1).
    public func gradient(_ g: ThemeGradient, at fraction: Double) -> CellColor {
        guard let steps = gradients[g], steps.count == 101 else { return color(.mainForeground) }
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        return steps[Int((f * 100).rounded())]
    }

    /// No colours at all: meaning is carried by glyphs and bold / dim / reverse only.
    public static let monochrome = Theme(name: "monochrome", colors: [:], gradients: [:])
}
