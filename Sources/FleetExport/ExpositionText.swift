/// Renders a `MetricSet` as Prometheus text 0.0.4 or OpenMetrics 1.0, optionally with one timestamp
/// for every sample.
public enum ExpositionText {
    /// The body of one scrape.
    public static func render(_ set: MetricSet, format: ExpositionFormat) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(set.seriesCount * 96 + set.families.count * 128)
        var v = 0
        for f in set.families {
            appendHeader(f, format: format, to: &out)
            for s in f.series {
                appendSample(f, s, value: set.values[v], format: format, to: &out)
                out.append(10)
                v += 1
            }
        }
        if format == .openMetrics { out.append(contentsOf: "# EOF\n".utf8) }
        return out
    }

    /// The `# HELP`, `# TYPE` (and in OpenMetrics `# UNIT`) lines of a family.
    static func appendHeader(_ f: MetricFamily, format: ExpositionFormat, to out: inout [UInt8]) {
        let name = format == .prometheus && f.kind == .counter ? f.name + "_total" : f.name
        out.append(contentsOf: "# HELP \(name) \(MetricFamily.escapeHelp(f.help, format: format))\n".utf8)
        out.append(contentsOf: "# TYPE \(name) \(f.kind.rawValue)\n".utf8)
        if format == .openMetrics && !f.unit.isEmpty { out.append(contentsOf: "# UNIT \(name) \(f.unit)\n".utf8) }
    }

    /// `name{labels} value` without the newline.
    static func appendSample(_ f: MetricFamily, _ s: MetricFamily.Series, value: Double, format: ExpositionFormat,
                             to out: inout [UInt8]) {
        out.append(contentsOf: f.name.utf8)
        out.append(contentsOf: s.suffix.utf8)
        out.append(contentsOf: s.labels.utf8)
        out.append(32)
        out.append(contentsOf: number(value).utf8)
    }

    /// A sample value as both formats read it: integers without a fraction, `NaN`, `+Inf`, `-Inf`.
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "+Inf" : "-Inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A bucket bound as the Python client (and so vLLM) writes it: `0.001`, `1.0`, `2560.0`.
    public static func bound(_ x: Double) -> String { x.isInfinite ? "+Inf" : "\(x)" }
}
