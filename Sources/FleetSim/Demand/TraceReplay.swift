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
    /// Simulated seconds after which nothing more arrives (nil: never).
    let stopAfter: Double?
    var cursor = 0
    var lap = 0
    /// Trace seconds replayed so far (advances by dt × rate scale × surge).
    var clock = 0.0

    /// Errors reading a trace file.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(spec: TraceSpec) throws {
        let text: String
        do { text = try TextFile.read(spec.path, limit: TextFile.traceLimit) } catch {
            throw LoadError(description: "\(spec.path): cannot read the trace file: it \(error)")
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
            let stampSeconds = date.timeIntervalSince1970
            guard stampSeconds.isFinite, ctx.isFinite, gen.isFinite, ctx >= 0, gen >= 0, ctx < 1e7, gen < 1e7 else {
                throw LoadError(description: "\(spec.path):\(n + 1): values out of range in '\(line)'")
            }
            if let last = t.last, stampSeconds < last {
                throw LoadError(description: "\(spec.path):\(n + 1): timestamps must not go backwards")
            }
            t.append(stampSeconds); i.append(ctx); o.append(gen)
        }
        guard let first = t.first, let last = t.last, t.count > 1 else {
            throw LoadError(description: "\(spec.path): trace has fewer than two requests")
        }
        times = t.map { $0 - first }
        input = i; output = o
        duration = max(1, last - first)
        scale = min(1e6, max(1e-6, spec.rateScale))
        loop = spec.loop
        stopAfter = spec.durationSeconds
    }

    /// Mean requests per second at rate scale 1.
    var meanRate: Double { Double(times.count) / duration }

    /// One trace request: when it arrives (simulated seconds), its prompt and output tokens.
    struct Row: Sendable {
        var at: Double
        var prompt: Int32
        var output: Int32
    }

    /// Appends the requests arriving in the tick [t, t + dt) to `out`. The trace clock runs
    /// `rate_scale × surge` times faster than simulated time; each request keeps its own sizes.
    mutating func take(at t: Double, dt: Double, surge: Double, into out: inout [Row]) {
        if let stop = stopAfter, t >= stop { return }
        let speed = scale * max(0, surge)
        guard speed > 0, speed.isFinite else { return }
        let start = clock
        clock += dt * speed
        let end = clock
        var taken = 0
        while taken < 1_000_000 {
            if cursor >= times.count {
                guard loop else { break }
                cursor = 0; lap += 1
            }
            let at = times[cursor] + Double(lap) * duration
            if at >= end { break }
            let simAt = t + max(0, at - start) / speed
            if let stop = stopAfter, simAt >= stop { cursor = times.count; break }
            out.append(Row(at: simAt, prompt: Int32(max(1, min(1e6, input[cursor]))),
                           output: Int32(max(1, min(1e6, output[cursor])))))
            cursor += 1
            taken += 1
        }
    }
}
