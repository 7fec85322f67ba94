import CNCursesW
import FleetDashboard

/// Finds bracketed pastes in what `wget_wch` returns: a terminal in bracketed-paste mode sends
/// `ESC [ 2 0 0 ~`, the text, `ESC [ 2 0 1 ~`. ncurses knows no key for these, so they come as
/// an Escape and plain characters; this state machine holds them back until it knows whether a paste
/// starts, then gathers the text into one `.paste` event instead of letting it act as keys.
/// Pure (fed one `wget_wch` result at a time), so it is testable without a terminal.
public struct PasteDecoder: Sendable {
    /// One `wget_wch` result.
    public struct Input: Sendable, Equatable {
        public var status: Int32
        public var value: UInt32
        public init(status: Int32, value: UInt32) { self.status = status; self.value = value }
        /// A character (status `OK`).
        public static func character(_ value: UInt32) -> Input { Input(status: OK, value: value) }
    }

    /// What the decoder hands on.
    public enum Output: Sendable, Equatable {
        /// An ordinary result, for `KeyDecoder`.
        case input(Input)
        /// A whole paste.
        case paste(String)
    }

    /// The most scalars a paste keeps (the rest is read and dropped, so a huge paste costs no memory).
    public static let limit = 65_536

    static let start: [UInt32] = [27, 91, 50, 48, 48, 126]   // ESC [ 2 0 0 ~
    static let end: [UInt32] = [27, 91, 50, 48, 49, 126]     // ESC [ 2 0 1 ~

    /// A prefix of `start` read so far.
    private var held: [Input] = []
    /// Inside a paste: the text so far, and how much of `end` has been matched.
    private var pasting = false
    private var text = String.UnicodeScalarView()
    private var endMatched = 0
    private var kept = 0

    public init() {}

    /// Whether the decoder holds input back: the caller should read again soon (with a short timeout)
    /// and call `flush` if nothing comes.
    public var isWaiting: Bool { pasting || !held.isEmpty }

    /// Whether a paste's text is being gathered (past its start marker).
    public var isPasting: Bool { pasting }

    /// Takes one `wget_wch` result.
    public mutating func feed(_ input: Input) -> [Output] {
        if pasting { return feedPaste(input) }
        guard input.status == OK else { return release() + [.input(input)] }
        if input.value == Self.start[held.count] {
            held.append(input)
            guard held.count == Self.start.count else { return [] }
            held = []
            pasting = true
            text = String.UnicodeScalarView()
            endMatched = 0
            kept = 0
            return []
        }
        let out = release()
        // The byte that broke a prefix may itself begin one (an Escape after an Escape).
        return out + (held.isEmpty && input.value == Self.start[0] ? feed(input) : [.input(input)])
    }

    /// Nothing more came: what was held back goes on as it was (an Escape alone is the Escape key),
    /// and a paste whose end never came ends here.
    public mutating func flush() -> [Output] {
        if pasting {
            pasting = false
            let pending = Self.end.prefix(endMatched).compactMap(Unicode.Scalar.init)
            var all = text
            if kept < Self.limit { all.append(contentsOf: pending) }
            return [.paste(String(all))]
        }
        return release()
    }

    private mutating func release() -> [Output] {
        defer { held = [] }
        return held.map { .input($0) }
    }

    private mutating func feedPaste(_ input: Input) -> [Output] {
        // Function keys cannot be part of pasted text: ncurses decoded an escape sequence in it.
        guard input.status == OK else { return [] }
        let v = input.value
        if v == Self.end[endMatched] {
            endMatched += 1
            if endMatched == Self.end.count {
                pasting = false
                return [.paste(String(text))]
            }
            return []
        }
        // A partial end marker that broke off is text after all.
        for b in Self.end.prefix(endMatched) { append(b) }
        endMatched = 0
        if v == Self.end[0] {
            endMatched = 1
        } else {
            append(v)
        }
        return []
    }

    private mutating func append(_ value: UInt32) {
        guard kept < Self.limit, let scalar = Unicode.Scalar(value) else { return }
        text.append(scalar)
        kept += 1
    }
}
