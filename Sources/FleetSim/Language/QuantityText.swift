/// Reading and writing the quantities of the command language: durations (`90s`, `10m`, `1m30s`,
/// `500ms`, `2h`), shares (`60%` or `0.6`) and plain numbers. Writers pick the shortest text that
/// reads back to exactly the same `Double`, so commands round-trip bit for bit.
public enum QuantityText {
    private static let durationUnits: [(suffix: String, seconds: Double)] = [
        ("ms", 0.001), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1),
    ]

    /// The longest duration anything accepts: 30 days of simulated time.
    public static let maxDurationSeconds: Double = 30 * 86_400

    /// How the duration limit reads in messages.
    public static let durationLimitText = "at most 30d"

    /// Seconds from `90s`, `10m`, `2h`, `1d`, `500ms`, combinations such as `1h30m` or `1m30s`,
    /// or a plain number of seconds; nil when malformed, negative or longer than `maxDurationSeconds`.
    public static func parseDuration(_ text: Substring) -> Double? {
        guard let seconds = parseAnyDuration(text), seconds <= maxDurationSeconds else { return nil }
        return seconds
    }

    private static func parseAnyDuration(_ text: Substring) -> Double? {
        guard !text.isEmpty else { return nil }
        if let plain = Double(text), plain.isFinite, plain >= 0 { return plain }
        var total = 0.0
        var rest = text[...]
        while !rest.isEmpty {
            let numberEnd = rest.firstIndex(where: { !($0.isNumber || $0 == ".") }) ?? rest.endIndex
            guard numberEnd > rest.startIndex, let n = Double(rest[..<numberEnd]), n.isFinite else { return nil }
            let afterNumber = rest[numberEnd...]
            guard let unit = durationUnits.first(where: { afterNumber.hasPrefix($0.suffix) }) else { return nil }
            total += n * unit.seconds
            rest = afterNumber.dropFirst(unit.suffix.count)
        }
        return total
    }

    /// The canonical text of a duration: `1h30m`, `10m`, `90s` → `1m30s`, `500ms`, `1.25s`.
    public static func formatDuration(_ seconds: Double) -> String {
        var candidates: [String] = []
        if seconds >= 1, seconds == seconds.rounded(), seconds < 1e12 {
            var s = Int(seconds)
            var text = ""
            for (suffix, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where s >= size {
                text += "\(s / size)\(suffix)"
                s %= size
            }
            candidates.append(text)
        }
        let ms = seconds * 1000
        if seconds < 1, ms == ms.rounded() { candidates.append("\(Int(ms))ms") }
        candidates.append("\(shortest(seconds))s")
        candidates.append(shortest(seconds))
        return candidates.first(where: { parseDuration($0[...]) == seconds }) ?? "\(seconds)s"
    }

    /// A share in 0...∞ from `60%` (0.6) or a plain number (taken as is); nil when malformed.
    public static func parseShare(_ text: Substring) -> Double? {
        if text.hasSuffix("%") {
            guard let n = Double(text.dropLast()), n.isFinite else { return nil }
            return n / 100
        }
        guard let n = Double(text), n.isFinite else { return nil }
        return n
    }

    /// The canonical text of a share: `60%`, falling back to a plain number when a percentage
    /// would not read back exactly.
    public static func formatShare(_ share: Double) -> String {
        if let percent = percentDigits(share) { return percent + "%" }
        return shortest(share)
    }

    /// The shortest number text `n` with `n / 100 == share` exactly, trying the neighbours of
    /// `share × 100` that rounding may have missed; nil when none reads back exactly.
    public static func percentDigits(_ share: Double) -> String? {
        let scaled = share * 100
        let rounded = (scaled * 1e9).rounded() / 1e9
        return [rounded, scaled, scaled.nextUp, scaled.nextDown]
            .map(shortest)
            .filter { Double($0).map { $0 / 100 == share } ?? false }
            .min { $0.count < $1.count }
    }

    /// A plain finite number, also accepting a trailing `x` or a leading `×` (`3x`, `×3`).
    public static func parseFactor(_ text: Substring) -> Double? {
        var t = text
        if t.hasSuffix("x") || t.hasSuffix("X") { t = t.dropLast() }
        if t.hasPrefix("×") { t = t.dropFirst() }
        guard let n = Double(t), n.isFinite else { return nil }
        return n
    }

    /// A signed temperature difference in °C from `+25`, `-15`, `25`, `+25C` or `+25°C`; nil when malformed.
    public static func parseTemperatureOffset(_ text: Substring) -> Double? {
        var t = text
        if t.hasSuffix("°C") { t = t.dropLast(2) } else if t.hasSuffix("C") || t.hasSuffix("c") { t = t.dropLast() }
        if t.hasPrefix("+") { t = t.dropFirst() }
        guard let n = Double(t), n.isFinite else { return nil }
        return n
    }

    /// The canonical text of a temperature offset, always signed: `+25`, `-15`, `+2.5`.
    public static func formatTemperatureOffset(_ x: Double) -> String {
        x < 0 ? shortest(x) : "+" + shortest(x)
    }

    /// The shortest decimal text of a number: `3`, `2.5`, `0.1`.
    public static func shortest(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return "\(Int(x))" }
        return "\(x)"
    }
}
