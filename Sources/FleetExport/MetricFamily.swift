/// One metric family of an exposition: its name, type, help text, unit, and the label sets of its
/// series in the order their values are filled. Values live apart (`MetricSet.values`) so a layout
/// built once serves every later snapshot of the same fleet.
public struct MetricFamily: Sendable, Equatable {
    /// Prometheus metric types used here.
    public enum Kind: String, Sendable {
        case gauge, counter, histogram
    }

    /// One series: the suffix after the family name (`_total`, `_bucket`, `_sum`, `_count` or empty)
    /// and its rendered label set (`{a="b",c="d"}` or empty).
    public struct Series: Sendable, Equatable {
        public var suffix: String
        public var labels: String
        public init(suffix: String, labels: String) { self.suffix = suffix; self.labels = labels }
    }

    /// The family name: without `_total` for counters (the sample name adds it).
    public var name: String
    public var kind: Kind
    public var help: String
    /// OpenMetrics unit (`seconds`, `watts`, `celsius`, `joules`), which the name ends with; empty for none.
    public var unit: String
    public var series: [Series] = []

    public init(name: String, kind: Kind, help: String, unit: String = "") {
        self.name = name; self.kind = kind; self.help = help; self.unit = unit
    }

    /// `name="value",…` in braces, values escaped as both formats require (backslash, quote, newline).
    public static func labels(_ pairs: KeyValuePairs<String, String>) -> String {
        labels(pairs.map { ($0.key, $0.value) })
    }

    /// `labels(_:)` for an array of pairs.
    public static func labels(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        var out = "{"
        for (i, (k, v)) in pairs.enumerated() {
            if i > 0 { out += "," }
            out += k; out += "=\""; out += escapeLabelValue(v); out += "\""
        }
        return out + "}"
    }

    /// A label value with `\`, `"` and newline escaped.
    public static func escapeLabelValue(_ s: String) -> String {
        guard s.contains(where: { $0 == "\\" || $0 == "\"" || $0 == "\n" }) else { return s }
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Help text escaped for `format`: backslash and newline always, the double quote in OpenMetrics.
    public static func escapeHelp(_ s: String, format: ExpositionFormat) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\"" where format == .openMetrics: out += "\\\""
            default: out.append(ch)
            }
        }
        return out
    }
}
