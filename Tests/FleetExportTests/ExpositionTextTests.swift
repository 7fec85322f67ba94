@testable import FleetExport
import FleetSim
import Testing

@Suite struct ExpositionTextTests {
    /// A gauge with an awkward label value, a counter and a histogram.
    static func sample() -> MetricSet {
        var b = MetricSetBuilder(layout: true)
        b.family("temp_celsius", .gauge, "A \\ help\nline \"quoted\".", unit: "celsius")
        b.sample("", MetricFamily.labels(["site": "a\"b\\c\nd"]), 41.5)
        b.family("requests", .counter, "Requests served.")
        b.sample("_total", MetricFamily.labels(["class": "chat"]), 12)
        var h = BucketHistogram(bounds: [0.1, 1.0])
        h.record(0.05); h.record(0.1); h.record(0.5); h.record(7)
        b.family("latency_seconds", .histogram, "Latency.", unit: "seconds")
        b.histogram(h, labels: "class=\"chat\"")
        return b.set
    }

    @Test func prometheusTextGolden() {
        let text = String(decoding: ExpositionText.render(Self.sample(), format: .prometheus), as: UTF8.self)
        #expect(text == """
        # HELP temp_celsius A \\\\ help\\nline "quoted".
        # TYPE temp_celsius gauge
        temp_celsius{site="a\\"b\\\\c\\nd"} 41.5
        # HELP requests_total Requests served.
        # TYPE requests_total counter
        requests_total{class="chat"} 12
        # HELP latency_seconds Latency.
        # TYPE latency_seconds histogram
        latency_seconds_bucket{class="chat",le="0.1"} 2
        latency_seconds_bucket{class="chat",le="1.0"} 3
        latency_seconds_bucket{class="chat",le="+Inf"} 4
        latency_seconds_sum{class="chat"} 7.65
        latency_seconds_count{class="chat"} 4

        """)
    }

    @Test func openMetricsGolden() {
        let text = String(decoding: ExpositionText.render(Self.sample(), format: .openMetrics), as: UTF8.self)
        #expect(text == """
        # HELP temp_celsius A \\\\ help\\nline \\"quoted\\".
        # TYPE temp_celsius gauge
        # UNIT temp_celsius celsius
        temp_celsius{site="a\\"b\\\\c\\nd"} 41.5
        # HELP requests Requests served.
        # TYPE requests counter
        requests_total{class="chat"} 12
        # HELP latency_seconds Latency.
        # TYPE latency_seconds histogram
        # UNIT latency_seconds seconds
        latency_seconds_bucket{class="chat",le="0.1"} 2
        latency_seconds_bucket{class="chat",le="1.0"} 3
        latency_seconds_bucket{class="chat",le="+Inf"} 4
        latency_seconds_sum{class="chat"} 7.65
        latency_seconds_count{class="chat"} 4
        # EOF

        """)
    }

    @Test func numbers() {
        #expect(ExpositionText.number(3) == "3")
        #expect(ExpositionText.number(-0.25) == "-0.25")
        #expect(ExpositionText.number(.nan) == "NaN")
        #expect(ExpositionText.number(.infinity) == "+Inf")
        #expect(ExpositionText.number(-.infinity) == "-Inf")
        #expect(ExpositionText.bound(2560) == "2560.0")
    }

    @Test func acceptNegotiation() {
        #expect(ExpositionFormat.negotiate(accept: nil) == .prometheus)
        #expect(ExpositionFormat.negotiate(accept: "*/*") == .prometheus)
        #expect(ExpositionFormat.negotiate(accept: "text/plain;version=0.0.4;q=0.5,*/*;q=0.1") == .prometheus)
        // What Prometheus 2.42 sends by default.
        #expect(ExpositionFormat.negotiate(accept: "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1") == .openMetrics)
        #expect(ExpositionFormat.negotiate(accept: "application/openmetrics-text; q=0") == .prometheus)
    }

    @Test func bucketHistogramCountsAtTheBound() {
        var h = BucketHistogram(bounds: ExportCounters.ttftBounds)
        h.record(0.25, weight: 2)
        h.record(0.2500001)
        h.record(.nan)
        h.record(1, weight: 0)
        let c = h.cumulative
        let at = ExportCounters.ttftBounds.firstIndex(of: 0.25)!
        #expect(c[at] == 2)
        #expect(c[at + 1] == 3)
        #expect(c.last == 3 && h.count == 3)
    }
}
