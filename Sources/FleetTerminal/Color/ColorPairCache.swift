/// Colour pairs allocated on demand, keyed by (foreground, background) colour numbers.
/// Pure bookkeeping: the painter defines each new pair with ncurses. Pair 0 is the terminal's own
/// default pair and is never handed out for other colours.
public struct ColorPairCache: Sendable {
    /// What a lookup found.
    public enum Lookup: Sendable, Equatable {
        /// The pair already exists.
        case existing(Int32)
        /// A fresh pair number that the caller must define (`init_extended_pair`).
        case new(Int32)
        /// Every pair is in use: `reset()` and repaint.
        case full
    }

    private struct Key: Hashable { var foreground: Int32, background: Int32 }

    /// How many pairs the terminal has (ncurses' `COLOR_PAIRS`), including pair 0.
    public let capacity: Int
    private var pairs: [Key: Int32] = [:]
    private var nextPair: Int32 = 1

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Pairs handed out since the last reset.
    public var count: Int { pairs.count }

    /// The pair for a (foreground, background) couple; -1 means the terminal default. The default
    /// couple is always pair 0.
    public mutating func pair(foreground: Int32, background: Int32) -> Lookup {
        if foreground == -1 && background == -1 { return .existing(0) }
        let key = Key(foreground: foreground, background: background)
        if let p = pairs[key] { return .existing(p) }
        guard Int(nextPair) < capacity else { return .full }
        let p = nextPair
        nextPair += 1
        pairs[key] = p
        return .new(p)
    }

    /// Forgets every pair, so numbers are handed out again from 1.
    public mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
        nextPair = 1
    }
}
