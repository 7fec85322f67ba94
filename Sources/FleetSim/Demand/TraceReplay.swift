import Foundation

/// Replays a request trace (`TIMESTAMP,ContextTokens,GeneratedTokens`, the Azure LLM inference 2023 shape,
/// CC-BY 4.0, Microsoft Azure) as arrivals: the trace clock runs `rateScale` times faster, and loops.
public struct TraceReplay: Sendable {
    let times: [Double]
    let input: [Double]
    let output: [Double]
    let duration: Double
    let scale: Double
    let loop: Bool
    var cursor = 0
    var lap = 0
    /// Trace seconds replayed so far (advances by dt × rate scale × surge).
    var clock = 0.0

    /// Errors reading a trace file.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(spec: TraceSpec) throws {
        guard let text = try? String(contentsOfFile: spec.path, encoding: .utf8) else {
            throw LoadError(description: "\(spec.path): cannot read trace file")
        }
        var t: [Double] = [], i: [Double] = [], o: [Double] = []
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSSSSS"
        for (n, line) in text.split(whereSeparator: \.isNewline).enumerated() where n > 0 {
            let f = line.split(separator: ",")
            guard f.count >= 3 else { throw LoadError(description: "\(spec.path):\(n + 1): expected 3 columns") }
            let stamp = String(f[0].prefix(26))
            guard let date = formatter.date(from: stamp) ?? Double(stamp).map({ Date(timeIntervalSince1970: $0) }),
                  let ctx = Double(f[1].trimmingCharacters(in: .whitespaces)),
                  let gen = Double(f[2].trimmingCharacters(in: .whitespaces)) else {
                throw LoadError(description: "\(spec.path):\(n + 1): cannot read '\(line)'")
            }
            t.append(date.timeIntervalSince1970); i.append(ctx); o.append(gen)
        }
        guard let first = t.first, let last = t.last, t.count > 1 else {
            throw LoadError(description: "\(spec.path): trace has fewer than two requests")
        }
        times = t.map { $0 - first }
        input = i; output = o
        duration = max(1, last - first)
        scale = max(1e-6, spec.rateScale)
        loop = spec.loop
    }

    /// Requests (count, mean input, mean output) arriving in the next `dt` simulated seconds.
    mutating func take(dt: Double, surge: Double) -> (Double, Double, Double) {
        clock += dt * scale * surge
        let end = clock
        var n = 0.0, sumIn = 0.0, sumOut = 0.0
        while true {
            if cursor >= times.count {
                guard loop else { break }
                cursor = 0; lap += 1
            }
            let at = times[cursor] + Double(lap) * duration
            if at >= end { break }
            n += 1; sumIn += input[cursor]; sumOut += output[cursor]
            cursor += 1
        }
        return n > 0 ? (n, sumIn / n, sumOut / n) : (0, 0, 0)
    }
}
