import Foundation

/// The unit of a metric path's value, which decides how thresholds are read (`2s`, `95%`, `10MW`)
/// and how values are written in reports and captions.
public enum MetricUnit: String, Sendable, CaseIterable, Codable {
    case seconds, milliseconds, ratio, kilowatts, watts, kilowattHours, celsius, count, perSecond, usd, usdPerHour, plain

    /// The unit as listed by `fleettop drill --metrics`.
    public var symbol: String {
        switch self {
        case .seconds: "s"
        case .milliseconds: "ms"
        case .ratio: "ratio 0–1 (write 95%)"
        case .kilowatts: "kW"
        case .watts: "W"
        case .kilowattHours: "kWh"
        case .celsius: "°C"
        case .count: "count"
        case .perSecond: "per s"
        case .usd: "USD"
        case .usdPerHour: "USD/h"
        case .plain: "number"
        }
    }

    /// Examples of thresholds this unit accepts, for error messages.
    public var thresholdExamples: [String] {
        switch self {
        case .seconds: ["2s", "500ms", "1m"]
        case .milliseconds: ["20ms", "0.05s"]
        case .ratio: ["95%", "0.95"]
        case .kilowatts: ["10MW", "800kW"]
        case .watts: ["350W", "0.7kW"]
        case .kilowattHours: ["500kWh", "2MWh"]
        case .celsius: ["85C", "85°C"]
        case .count: ["12"]
        case .perSecond: ["1200", "1200/s"]
        case .usd: ["$500", "500"]
        case .usdPerHour: ["$30000/h", "30000"]
        case .plain: ["1.5"]
        }
    }

    /// Reads a threshold written in this unit's terms (suffix optional); nil when it does not fit.
    public func parseThreshold(_ raw: String) -> Double? {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
        func number(_ s: Substring) -> Double? { Double(s).flatMap { $0.isFinite ? $0 : nil } }
        func suffixed(_ table: [(String, Double)]) -> Double? {
            for (suffix, scale) in table where text.hasSuffix(suffix) {
                if let n = number(text.dropLast(suffix.count)) { return n * scale }
            }
            return number(text[...])
        }
        switch self {
        case .seconds: return QuantityText.parseDuration(text[...])
        case .milliseconds: return suffixed([("ms", 1), ("s", 1000)])
        case .ratio: return QuantityText.parseShare(text[...])
        case .kilowatts: return suffixed([("MW", 1000), ("kW", 1), ("W", 0.001)])
        case .watts: return suffixed([("kW", 1000), ("W", 1)])
        case .kilowattHours: return suffixed([("MWh", 1000), ("kWh", 1)])
        case .celsius: return suffixed([("°C", 1), ("C", 1)])
        case .count, .plain: return number(text[...])
        case .perSecond: return suffixed([("/s", 1)])
        case .usd: return text.hasPrefix("$") ? number(text.dropFirst()) : number(text[...])
        case .usdPerHour:
            let body = text.hasSuffix("/h") ? String(text.dropLast(2)) : text
            return body.hasPrefix("$") ? number(body.dropFirst()) : number(body[...])
        }
    }

    /// A value written for people, with its unit: `1.62 s`, `450 ms`, `97.2%`, `9.8 MW`, `87.1 °C`.
    public func format(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        switch self {
        case .seconds:
            if value != 0, abs(value) < 1 { return "\(Self.digits(value * 1000)) ms" }
            if abs(value) >= 120 { return "\(Self.digits(value / 60)) min" }
            return "\(Self.digits(value)) s"
        case .milliseconds: return "\(Self.digits(value)) ms"
        case .ratio: return "\(Self.digits(value * 100))%"
        case .kilowatts: return abs(value) >= 1000 ? "\(Self.digits(value / 1000)) MW" : "\(Self.digits(value)) kW"
        case .watts: return "\(Self.digits(value)) W"
        case .kilowattHours: return abs(value) >= 1000 ? "\(Self.digits(value / 1000)) MWh" : "\(Self.digits(value)) kWh"
        case .celsius: return "\(Self.digits(value)) °C"
        case .count: return Self.grouped(value)
        case .perSecond: return "\(Self.compact(value))/s"
        case .usd: return abs(value) < 10 ? String(format: "$%.2f", value) : "$\(Self.compact(value))"
        case .usdPerHour: return "$\(Self.compact(value))/h"
        case .plain: return Self.digits(value)
        }
    }

    /// Values that stand side by side (a row of percentiles, a sweep's values), written in one scale:
    /// the one `format` picks for the middle value, so a row reads "1.97 min · 2.6 min · 3 min" and not
    /// "118 s · 2.6 min · 3 min". Nil values are "–"; units with one scale format as `format` does.
    public func format(alike values: [Double?]) -> [String] {
        let finite = values.compactMap { $0 }.filter(\.isFinite).sorted()
        guard !finite.isEmpty else { return values.map { _ in "–" } }
        let middle = finite[finite.count / 2]
        let scaled: (Double) -> String
        switch self {
        case .seconds where middle != 0 && abs(middle) < 1: scaled = { "\(Self.digits($0 * 1000)) ms" }
        case .seconds where abs(middle) >= 120: scaled = { "\(Self.digits($0 / 60)) min" }
        case .seconds: scaled = { "\(Self.digits($0)) s" }
        case .kilowatts: scaled = abs(middle) >= 1000 ? { "\(Self.digits($0 / 1000)) MW" } : { "\(Self.digits($0)) kW" }
        case .kilowattHours: scaled = abs(middle) >= 1000 ? { "\(Self.digits($0 / 1000)) MWh" } : { "\(Self.digits($0)) kWh" }
        default: scaled = format
        }
        return values.map { v in v.map { $0.isFinite ? scaled($0) : "–" } ?? "–" }
    }

    /// Three significant digits, no exponent: 1.62, 16.2, 162, 1620.
    static func digits(_ v: Double) -> String {
        let a = abs(v)
        let decimals = a >= 100 || a == 0 ? 0 : a >= 10 ? 1 : 2
        var s = String(format: "%.\(decimals)f", v)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// 12.4k, 3.1M, 950.
    static func compact(_ v: Double) -> String {
        let a = abs(v)
        if a >= 1e6 { return digits(v / 1e6) + "M" }
        if a >= 1e4 { return digits(v / 1e3) + "k" }
        return digits(v)
    }

    /// Whole counts with thousands separators (fluid counts are rounded): 1,234.
    static func grouped(_ v: Double) -> String {
        let n = Int(v.rounded())
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
