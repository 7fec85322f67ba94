/// The two text formats a scraper can ask for.
public enum ExpositionFormat: String, Sendable, CaseIterable {
    /// Prometheus text exposition format 0.0.4.
    case prometheus
    /// OpenMetrics 1.0 text (`# EOF`, `_total` counters, `# UNIT`).
    case openMetrics

    /// The `Content-Type` of a body in this format.
    public var contentType: String {
        switch self {
        case .prometheus: "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }

    /// The format an `Accept` header asks for: OpenMetrics when it names `application/openmetrics-text`
    /// with a quality above zero, otherwise the Prometheus text format (also when absent).
    public static func negotiate(accept: String?) -> ExpositionFormat {
        guard let accept else { return .prometheus }
        for part in accept.split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard fields.first == "application/openmetrics-text" else { continue }
            let q = fields.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if q > 0 { return .openMetrics }
        }
        return .prometheus
    }
}
