/// How one GPU column is rolled up: over up GPUs only or over all, and which threshold to count
/// entries above (e.g. die °C above the 87 °C slowdown, MODEL.md §7).
public struct RollupColumn: Sendable, Equatable {
    /// A label for reports and debugging, e.g. "power_w".
    public var name: String
    /// True: sum, max, count and mean cover only GPUs whose state byte is up.
    public var masked: Bool
    /// Entries strictly above this are counted; `+infinity` counts nothing.
    public var threshold: Float

    public init(name: String, masked: Bool = true, threshold: Float = .infinity) {
        self.name = name; self.masked = masked; self.threshold = threshold
    }
}
