import Foundation

/// fleettop side by side with a published simulator's run of the same work (MODEL §4): a fleet file
/// set up as the reference was, run until every request of the trace has left, and its whole-run
/// TTFT, TPOT and E2E percentiles set against the reference's (`reference-NAME.json` beside
/// `NAME.yaml`, in the shape of `shared/reference/splitwise-sim`).
public struct ReferenceComparison: Sendable {
    /// One figure: ours, theirs, and the limit on |ours/theirs − 1|.
    public struct Row: Sendable {
        public var metric: String
        public var percentile: String
        public var ours: Double
        public var reference: Double
        public var limit: Double
        public var ratio: Double { reference > 0 ? ours / reference : .infinity }
        public var passed: Bool { abs(ratio - 1) <= limit }
    }

    public var name: String
    public var rows: [Row]
    public var requests: Int
    public var referenceRequests: Int
    public var makespan: Double
    public var referenceMakespan: Double
    public var passed: Bool { rows.allSatisfy(\.passed) }

    /// Limits of the issue: p50 and p90 within 15%, p95 and p99 within 25%.
    static func limit(_ p: String) -> Double { p == "p50" || p == "p90" ? 0.15 : 0.25 }

    /// Runs `fleetFile` with `seed` until its trace has been served, and compares with `referenceFile`.
    public static func run(fleetFile: String, referenceFile: String, seed: UInt64 = 0) throws -> ReferenceComparison {
        let spec = try FleetFile.load(path: fleetFile)
        guard let data = FileManager.default.contents(atPath: referenceFile),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let whole = json["whole_run"] as? [String: [String: Double]] else {
            throw Diagnostic(file: referenceFile, line: 0, field: "whole_run", message: "not a reference results file")
        }
        let horizon = spec.classes.compactMap { c -> Double? in
            if case .trace(let t) = c.arrivals { return t.durationSeconds }
            return nil
        }.max() ?? 180
        let engine = try FleetEngine(spec: spec, seed: seed)
        engine.departureLog = []
        engine.advance(seconds: horizon)
        var waited = 0.0
        while engine.requestsHeld > 0 || engine.retryCount > 0, waited < 3600 {
            engine.advance(seconds: 1)
            waited += 1
        }
        let done = (engine.departureLog ?? []).filter(\.completed)
        // The reference's TPOT divides by every output token (splitwise-sim's "TBT").
        let series: [(String, [Double])] = [
            ("ttft", done.map(\.ttft)),
            ("tpot", done.map { ($0.e2e - $0.ttft) / Double(max(1, $0.output)) }),
            ("e2e", done.map(\.e2e)),
        ]
        var rows: [Row] = []
        for (metric, values) in series {
            let sorted = values.sorted()
            for p in ["p50", "p90", "p95", "p99"] {
                let q = Double(p.dropFirst())! / 100
                rows.append(Row(metric: metric, percentile: p, ours: Self.quantile(sorted, q),
                                reference: whole[metric]?[p] ?? .nan, limit: Self.limit(p)))
            }
        }
        let name = ((fleetFile as NSString).lastPathComponent as NSString).deletingPathExtension
        return ReferenceComparison(name: name, rows: rows, requests: done.count,
                                   referenceRequests: json["requests"] as? Int ?? 0,
                                   makespan: done.map(\.at).max() ?? 0,
                                   referenceMakespan: json["makespan_s"] as? Double ?? 0)
    }

    /// The `q` quantile of sorted values, interpolating linearly between order statistics (NumPy's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let x = q * Double(sorted.count - 1)
        let i = Int(x), f = x - Double(i)
        return i + 1 < sorted.count ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i]
    }

    /// A Markdown table: one row per metric, ours / reference per percentile.
    public var table: String {
        var lines = ["\(name): \(requests) requests (reference \(referenceRequests)), makespan \(String(format: "%.1f", makespan)) s (reference \(String(format: "%.1f", referenceMakespan)) s)",
                     "| metric | p50 | p90 | p95 | p99 |", "|---|---|---|---|---|"]
        for metric in ["ttft", "tpot", "e2e"] {
            let cells = rows.filter { $0.metric == metric }.map { r in
                String(format: "%.3g / %.3g s (%.2f%@)", r.ours, r.reference, r.ratio, r.passed ? "" : " ✘")
            }
            lines.append("| \(metric) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}
