import FleetSim
import Foundation

/// Writes a drill's history as one OpenMetrics 1.0 text file with a timestamp on every sample, in
/// the form `promtool tsdb create-blocks-from openmetrics` loads: families in turn, each series'
/// samples in time order (a histogram's buckets, sum and count together at each time), `# EOF`.
public enum OpenMetricsHistory {
    /// Where simulated time 0 lands by default: 2026-01-01T00:00:00Z, in Unix seconds.
    public static let defaultEpoch: Double = 1_767_225_600

    /// Writes `history` to `path` (whole or not at all), every `every`-th sample from the first;
    /// sample times are `epoch` plus simulated seconds.
    public static func write(_ history: DrillHistory, epoch: Double, every: Int = 1, to path: String) throws(FileWriteError) {
        var file = try StreamingFile(path: path)
        let samples = Array(stride(from: 0, to: history.times.count, by: max(1, every)))
        var stamps = [[UInt8]](repeating: [], count: history.times.count)
        for i in samples { stamps[i] = Array((" " + ExpositionText.number(history.times[i] + epoch) + "\n").utf8) }
        let offsets = history.familyOffsets
        var chunk: [UInt8] = []
        for (fi, f) in history.families.enumerated() {
            chunk.removeAll(keepingCapacity: true)
            ExpositionText.appendHeader(f, format: .openMetrics, to: &chunk)
            file.write(bytes: chunk)
            var k = offsets[fi]
            // One "point group" is a series, or for a histogram its buckets, sum and count.
            var groupStart = 0
            for (j, s) in f.series.enumerated() where f.kind != .histogram || s.suffix == "_count" {
                let prefixes = f.series[groupStart...j].map { Array((f.name + $0.suffix + $0.labels + " ").utf8) }
                chunk.removeAll(keepingCapacity: true)
                for i in samples {
                    for (g, prefix) in prefixes.enumerated() {
                        chunk.append(contentsOf: prefix)
                        chunk.append(contentsOf: ExpositionText.number(history.value(series: k + g, sample: i)).utf8)
                        chunk.append(contentsOf: stamps[i])
                    }
                }
                file.write(bytes: chunk)
                k += prefixes.count
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
