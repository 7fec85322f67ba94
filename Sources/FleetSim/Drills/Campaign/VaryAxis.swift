import Foundation

/// One `--vary PATH=VALUES` of a campaign: the path and the values it takes, in the order written.
/// VALUES is a range `FROM..TO/N` (N values, evenly spaced, both ends included: `40%..100%/7` is
/// 40%, 50%, … 100%), a list `40%,60%,90%`, or one value. Write a range from mild to severe: the
/// breaking point is the first value, in this order, whose pass rate falls under the threshold.
public struct VaryAxis: Sendable, Equatable {
    public let path: VaryPath
    /// The values as given after `=`.
    public let spec: String
    /// The values, in the path's unit (seconds, share 0–1, factor, °C, knob units).
    public let values: [Double]
    /// The values as the report shows them (`60%`, `5m`, `2.5`).
    public let labels: [String]

    /// The most values one axis may take.
    public static let maxValues = 1000

    /// Reads `PATH=VALUES` against the drill and fleet it will vary.
    public init(_ argument: String, drill: DrillFile, fleet: FleetSpec) throws(CampaignError) {
        guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else {
            throw CampaignError("--vary '\(argument)': write PATH=VALUES", expected: ["method[1].magnitude=40%..100%/7", "duration=10m,20m,30m"])
        }
        let path = try VaryPath(String(argument[..<eq]), drill: drill, fleet: fleet)
        let spec = String(argument[argument.index(after: eq)...])
        self.path = path
        self.spec = spec
        let percent = spec.contains("%")
        var values: [Double] = []
        if let dots = spec.range(of: "..") {
            guard let slash = spec.lastIndex(of: "/"), slash > dots.upperBound, let n = Int(spec[spec.index(after: slash)...]),
                  n >= 2, n <= Self.maxValues else {
                throw CampaignError("--vary '\(argument)': a range is FROM..TO/N with N from 2 to \(Self.maxValues) values",
                                    expected: path.examples)
            }
            let from = try Self.value(spec[..<dots.lowerBound], path: path, argument: argument)
            let to = try Self.value(spec[dots.upperBound..<slash], path: path, argument: argument)
            values = (0..<n).map { k in k == n - 1 ? to : Self.snap(from + (to - from) * Double(k) / Double(n - 1)) }
        } else {
            for part in spec.split(separator: ",", omittingEmptySubsequences: false) {
                values.append(try Self.value(part, path: path, argument: argument))
            }
            guard values.count <= Self.maxValues else { throw CampaignError("--vary '\(argument)': at most \(Self.maxValues) values") }
        }
        if let repeated = values.indices.first(where: { i in values[..<i].contains(values[i]) }) {
            throw CampaignError("--vary '\(argument)': the value \(Self.label(values[repeated], kind: path.kind, percent: percent)) appears twice")
        }
        self.values = values
        self.labels = values.map { Self.label($0, kind: path.kind, percent: percent) }
    }

    private static func value(_ text: Substring, path: VaryPath, argument: String) throws(CampaignError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let v = path.parse(trimmed[...]) else {
            throw CampaignError("--vary '\(argument)': '\(trimmed)' is not a value of \(path.text) (\(path.kind.rawValue))", expected: path.examples)
        }
        return v
    }

    /// Removes the last-bit noise of evenly spaced values (0.4 + 0.1 is 0.5, not 0.5000000000000001).
    static func snap(_ x: Double) -> Double {
        abs(x) < 1e3 ? (x * 1e12).rounded() / 1e12 : x
    }

    /// A value as the report shows it.
    public static func label(_ x: Double, kind: VaryPath.Kind, percent: Bool) -> String {
        let round6 = { (v: Double) in QuantityText.shortest((v * 1e6).rounded() / 1e6) }
        switch kind {
        case .duration: return QuantityText.formatDuration((x * 1000).rounded() / 1000)
        case .temperature: return QuantityText.formatTemperatureOffset((x * 1e6).rounded() / 1e6)
        case .share: return round6(x * 100) + "%"
        case .number: return percent ? round6(x * 100) + "%" : round6(x)
        case .factor, .integer: return round6(x)
        }
    }
}
