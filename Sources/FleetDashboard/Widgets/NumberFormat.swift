/// Number formatting with units for panels: compact counts (12.4k, 3.1M), power (kW / MW), durations
/// (ms / s / min), money ($, $k/h) and shares. Pure integer arithmetic, no Foundation formatters, so a
/// frame stays cheap.
public enum NumberFormat {
    /// `value` with `decimals` digits after the point (0...3), rounded half away from zero.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "-∞" : "∞") }
        let d = max(0, min(3, decimals))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e15 else { return value < 0 ? "-huge" : "huge" }
        let n = Int64(scaled)
        let p = Int64(scale)
        let whole = n / p, frac = n % p
        var s = value < 0 && n != 0 ? "-" : ""
        s += String(whole)
        if d > 0 {
            s += "."
            let f = String(frac)
            if f.count < d { s += String(repeating: "0", count: d - f.count) }
            s += f
        }
        return s
    }

    /// About three significant figures, with k / M / G suffixes: 940, 12.4k, 124k, 3.1M.
    public static func count(_ value: Double) -> String {
        let a = abs(value)
        if !a.isFinite { return fixed(value, 0) }
        if a < 10 { return value == value.rounded() ? fixed(value, 0) : fixed(value, 1) }
        if a < 1_000 { return fixed(value, 0) }
        if a < 99_950 { return fixed(value / 1_000, 1) + "k" }
        if a < 999_500 { return fixed(value / 1_000, 0) + "k" }
        if a < 99_950_000 { return fixed(value / 1_000_000, 1) + "M" }
        if a < 1_000_000_000 { return fixed(value / 1_000_000, 0) + "M" }
        return fixed(value / 1_000_000_000, 1) + "G"
    }

    /// Power given in kW: "850 kW", "9.8 MW", "120 MW".
    public static func power(kW: Double) -> String {
        let a = abs(kW)
        if a < 1_000 { return fixed(kW, a < 10 ? 1 : 0) + " kW" }
        if a < 100_000 { return fixed(kW / 1_000, 1) + " MW" }
        return fixed(kW / 1_000, 0) + " MW"
    }

    /// Power in MW without the unit, for "9.8/10.0" pairs; decimals follow `reference` (the larger of a
    /// pair) so both numbers of a pair read alike: 0.58/0.60, 9.8/10.0, 41/120.
    public static func megawatts(kW: Double, reference: Double? = nil) -> String {
        let mw = kW / 1_000
        let ref = abs((reference ?? kW) / 1_000)
        return fixed(mw, ref < 1 ? 2 : (ref < 100 ? 1 : 0))
    }

    /// A duration in seconds: "38 ms", "1.62 s", "41 s", "3m12s", "2h05m".
    public static func duration(_ seconds: Double) -> String {
        let a = abs(seconds)
        if !a.isFinite { return fixed(seconds, 0) }
        if a < 0.001 { return fixed(seconds * 1_000_000, 0) + " µs" }
        if a < 1 { return fixed(seconds * 1_000, 0) + " ms" }
        if a < 10 { return fixed(seconds, 2) + " s" }
        if a < 100 { return fixed(seconds, 0) + " s" }
        let total = Int(a.rounded())
        if total < 3_600 { return "\(total / 60)m\(twoDigits(total % 60))s" }
        return "\(total / 3_600)h\(twoDigits(total % 3_600 / 60))m"
    }

    /// Simulated time of day since start, "HH:MM:SS", with a day count past 24 h ("2d 03:12:05").
    public static func simClock(_ seconds: Double) -> String {
        let t = max(0, Int(seconds.isFinite ? seconds.rounded(.down) : 0))
        let days = t / 86_400, rest = t % 86_400
        let hms = "\(twoDigits(rest / 3_600)):\(twoDigits(rest % 3_600 / 60)):\(twoDigits(rest % 60))"
        return days > 0 ? "\(days)d \(hms)" : hms
    }

    /// US dollars: "$0.41", "$12", "$31k", "$1.2M".
    public static func dollars(_ value: Double) -> String {
        let a = abs(value)
        if a < 10 { return "$" + fixed(value, 2) }
        if a < 1_000 { return "$" + fixed(value, 0) }
        if a < 10_000 { return "$" + fixed(value / 1_000, 1) + "k" }
        if a < 999_500 { return "$" + fixed(value / 1_000, 0) + "k" }
        return "$" + count(value)
    }

    /// A share 0...1 as a percentage: "97.2%" (one decimal below 100), "100%".
    public static func percent(_ share: Double, decimals: Int = 0) -> String {
        fixed(share * 100, decimals) + "%"
    }

    /// Right-aligns `s` in `width` columns (never truncates).
    public static func pad(_ s: String, _ width: Int) -> String {
        let w = DisplayWidth.of(s)
        return w >= width ? s : String(repeating: " ", count: width - w) + s
    }

    /// Left-aligns `s` in `width` columns (never truncates).
    public static func padRight(_ s: String, _ width: Int) -> String {
        let w = DisplayWidth.of(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    private static func twoDigits(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
}
