import FleetSim
import Foundation

/// Writes a drill's history as one OpenMetrics 1.0 text file with a timestamp on every sample, in
/// the form `promtool tsdb create-blocks-from openmetrics` loads: families in turn, each series'
/// samples in time order (a histogram's buckets, sum and count together at each time), `# EOF`.
public enum OpenMetricsHistory {
    /// Where simulated time 0 lands by default: 2026-01-01T00:00:00Z, in Unix seconds.
    public static let defaultEpoch: Double = 1_767_225_600

    /// Writes `history` to `path` (whole or not at all); sample times are `epoch` plus simulated seconds.
    public static func write(_ history: DrillHistory, epoch: Double, to path: String) throws(FileWriteError) {
        var file = try StreamingFile(path: path)
        let stamps = history.times.map { " " + ExpositionText.number(($0 + epoch)) + "\n" }
        let offsets = history.familyOffsets
        var header: [UInt8] = []
        for (fi, f) in history.families.enumerated() {
            header.removeAll(keepingCapacity: true)
            ExpositionText.appendHeader(f, format: .openMetrics, to: &header)
            file.write(bytes: header)
            var k = offsets[fi]
            // One "point group" is a series, or for a histogram its buckets, sum and count.
            var groupStart = 0
            for (j, s) in f.series.enumerated() where f.kind != .histogram || s.suffix == "_count" {
                let group = f.series[groupStart...j]
                for i in history.times.indices {
                    var line = ""
                    for (g, series) in zip(group.indices, group) {
                        line += f.name + series.suffix + series.labels + " "
                            + ExpositionText.number(history.value(series: k + g - groupStart, sample: i))
                        line += stamps[i]
                    }
                    file.write(line)
                }
                k += group.count
                groupStart = j + 1
            }
        }
        file.write("# EOF\n")
        try file.commit()
    }

    /// Parses `--openmetrics-epoch`: Unix seconds or an RFC 3339 time (`2026-01-01T00:00:00Z`).
    public static func parseEpoch(_ text: String) -> Double? {
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 { return seconds }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)?.timeIntervalSince1970
    }
}
