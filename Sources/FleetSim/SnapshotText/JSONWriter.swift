import Foundation

/// A minimal streaming JSON writer that keeps keys in the order written (for a stable interface).
final class JSONWriter {
    private(set) var text = ""
    private var needsComma = [false]

    private func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    func object(_ body: () -> Void) {
        separate(); text += "{"; needsComma.append(false)
        body()
        needsComma.removeLast(); text += "}"
    }

    func array<T>(_ items: [T], _ each: (T) -> Void) {
        separate(); text += "["; needsComma.append(false)
        for x in items { each(x) }
        needsComma.removeLast(); text += "]"
    }

    /// Writes a key; the next value call completes the pair.
    func key(_ k: String) {
        separate(); text += Self.quote(k) + ":"
        needsComma[needsComma.count - 1] = false
    }

    func string(_ s: String) { separate(); text += Self.quote(s) }
    func bool(_ b: Bool) { separate(); text += b ? "true" : "false" }
    func null() { separate(); text += "null" }
    func integer<I: BinaryInteger>(_ i: I) { separate(); text += "\(i)" }

    /// Finite numbers with up to 6 significant decimals; non-finite values become null.
    func number(_ d: Double) {
        separate()
        guard d.isFinite else { text += "null"; return }
        if d == d.rounded(), abs(d) < 1e15 { text += String(Int64(d)); return }
        var s = String(format: "%.6g", d)
        if s.contains("e") { s = String(format: "%.6f", d) }
        text += s
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
