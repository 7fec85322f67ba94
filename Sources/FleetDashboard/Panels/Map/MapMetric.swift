import FleetSim

/// What colours the fleet map's cells; `m` cycles through them.
public enum MapMetric: Int, CaseIterable, Sendable {
    case temperature, power, utilization, queue

    /// The next metric in the cycle.
    public var next: MapMetric { MapMetric(rawValue: (rawValue + 1) % Self.allCases.count) ?? .temperature }

    /// Shown in the map title, with its unit and normalisation.
    public var label: String { label(degree: "°C") }

    /// The label with the degree sign the glyph set can show ("°C", or "C" in ASCII).
    public func label(degree: String) -> String {
        switch self {
        case .temperature: "die \(degree) max"
        case .power: "IT kW"
        case .utilization: "GPU busy %"
        case .queue: "queued requests"
        }
    }

    /// The gradient the theme gives this metric.
    public var gradient: ThemeGradient {
        switch self {
        case .temperature: .thermal
        case .power: .power
        case .utilization: .utilization
        case .queue: .queue
        }
    }

    /// Fixed die scale: ASHRAE's lowest recommended inlet (18 °C) to the H100 shutdown point (92 °C).
    public static let temperatureScale: ClosedRange<Double> = 18...92
}
