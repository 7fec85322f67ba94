import FleetSim

/// A whole exposition: the families with their series (the layout) and one value per series, in
/// family then series order.
public struct MetricSet: Sendable {
    public var families: [MetricFamily]
    public var values: [Double]

    public init(families: [MetricFamily] = [], values: [Double] = []) {
        self.families = families; self.values = values
    }

    /// Number of series (= samples per scrape).
    public var seriesCount: Int { values.count }
}

/// Fills a `MetricSet` family by family. With `layout` true it records every family and label set;
/// with `layout` false only the values (the label closures are never called), which is what a scrape
/// of an unchanged fleet needs.
struct MetricSetBuilder {
    let layout: Bool
    var set = MetricSet()

    init(layout: Bool, capacity: Int = 0) {
        self.layout = layout
        set.values.reserveCapacity(capacity)
    }

    /// Starts a family.
    mutating func family(_ name: String, _ kind: MetricFamily.Kind, _ help: String, unit: String = "") {
        if layout { set.families.append(MetricFamily(name: name, kind: kind, help: help, unit: unit)) }
    }

    /// Adds one series of the current family.
    mutating func sample(_ suffix: String = "", _ labels: @autoclosure () -> String, _ value: Double) {
        if layout { set.families[set.families.count - 1].series.append(MetricFamily.Series(suffix: suffix, labels: labels())) }
        set.values.append(value)
    }

    /// Adds a histogram's `_bucket` series (cumulative, then `+Inf`), `_sum` and `_count`; `labels`
    /// is the inner label list without braces (the `le` label follows it).
    mutating func histogram(_ h: BucketHistogram, labels: @autoclosure () -> String) {
        let cumulative = h.cumulative
        let inner = layout ? labels() : ""
        let sep = inner.isEmpty ? "" : ","
        for (i, c) in cumulative.enumerated() {
            let le = i < h.bounds.count ? ExpositionText.bound(h.bounds[i]) : "+Inf"
            sample("_bucket", "{\(inner)\(sep)le=\"\(le)\"}", c)
        }
        sample("_sum", inner.isEmpty ? "" : "{\(inner)}", h.sum)
        sample("_count", inner.isEmpty ? "" : "{\(inner)}", h.count)
    }
}
