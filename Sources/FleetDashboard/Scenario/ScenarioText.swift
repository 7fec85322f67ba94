import FleetSim

/// Text the scenario presenters share.
enum ScenarioText {
    /// "03:12" or "1:02:03" of simulated seconds (negative clamps to zero).
    static func clock(_ seconds: Double) -> String { ClockText.elapsed(max(0, seconds)) }

    /// The wall-clock equivalent of `seconds` simulated at `speed` (simulated time at max speed).
    static func wallSeconds(_ seconds: Double, speed: SimSpeed) -> Double {
        if case .times(let x) = speed, x > 0 { return seconds / x }
        return seconds
    }

    /// A name from a file, safe and short for the header.
    static func name(_ s: String, limit: Int = 40) -> String {
        let clean = TextSanitizer.clean(s)
        return clean.count <= limit ? clean : String(clean.prefix(limit - 1)) + "…"
    }

    /// The first key bound to `action`, as the key bar shows it ("→", "Right" in ASCII).
    static func key(_ action: KeyAction, _ keymap: Keymap, ascii: Bool) -> String {
        keymap.keys(for: action).first.map { KeyName.label($0, ascii: ascii) } ?? "unbound"
    }
}
