import CNCursesW
import FleetDashboard
import Testing
@testable import FleetTerminal

/// Bracketed paste: `ESC [ 200 ~ … ESC [ 201 ~` becomes one `.paste`, never keys.
@Suite struct PasteDecoderTests {
    private static func chars(_ s: String) -> [PasteDecoder.Input] {
        s.unicodeScalars.map { .character($0.value) }
    }

    private static func run(_ inputs: [PasteDecoder.Input], flush: Bool = true) -> [PasteDecoder.Output] {
        var d = PasteDecoder()
        var out = inputs.flatMap { d.feed($0) }
        if flush { out += d.flush() }
        return out
    }

    @Test func aBracketedPasteIsOneEventAndNoKeys() {
        let out = Self.run(Self.chars("\u{1B}[200~hello quit q\u{1B}[201~"), flush: false)
        #expect(out == [.paste("hello quit q")])
    }

    @Test func keysAroundAPasteStayKeysInOrder() {
        let out = Self.run(Self.chars("a\u{1B}[200~xy\u{1B}[201~b"))
        #expect(out == [.input(.character(97)), .paste("xy"), .input(.character(98))])
    }

    @Test func anEscapeAloneIsTheEscapeKeyOnceNothingFollows() {
        var d = PasteDecoder()
        #expect(d.feed(.character(27)).isEmpty, "held: it may start a paste")
        #expect(d.isWaiting)
        #expect(d.flush() == [.input(.character(27))])
        #expect(!d.isWaiting)
    }

    @Test func aPrefixThatBreaksOffIsHandedOnAsTyped() {
        #expect(Self.run(Self.chars("\u{1B}[2x")) == Self.chars("\u{1B}[2x").map { .input($0) })
        #expect(Self.run(Self.chars("\u{1B}\u{1B}")) == [.input(.character(27)), .input(.character(27))])
        let up = PasteDecoder.Input(status: KEY_CODE_YES, value: UInt32(KEY_UP))
        #expect(Self.run([.character(27), up]) == [.input(.character(27)), .input(up)])
    }

    @Test func escapeSequencesInsideThePasteAreText() {
        let out = Self.run(Self.chars("\u{1B}[200~a\u{1B}[20b\u{1B}[201~"), flush: false)
        #expect(out == [.paste("a\u{1B}[20b")])
        let key = PasteDecoder.Input(status: KEY_CODE_YES, value: UInt32(KEY_F0 + 1))
        var d = PasteDecoder()
        var all = Self.chars("\u{1B}[200~a").flatMap { d.feed($0) }
        all += d.feed(key)
        all += Self.chars("b\u{1B}[201~").flatMap { d.feed($0) }
        #expect(all == [.paste("ab")], "a function key decoded inside a paste is dropped")
    }

    @Test func aPasteWithoutItsEndEndsAtTheFlush() {
        #expect(Self.run(Self.chars("\u{1B}[200~abc\u{1B}[20")) == [.paste("abc\u{1B}[20")])
    }

    @Test func aHugePasteKeepsOnlyTheLimit() {
        var d = PasteDecoder()
        var out = Self.chars("\u{1B}[200~").flatMap { d.feed($0) }
        for _ in 0..<(PasteDecoder.limit + 1000) { out += d.feed(.character(120)) }
        out += Self.chars("\u{1B}[201~").flatMap { d.feed($0) }
        guard case .paste(let text)? = out.first else {
            Issue.record("no paste: \(out.count) outputs")
            return
        }
        #expect(out.count == 1)
        #expect(text.unicodeScalars.count == PasteDecoder.limit)
    }
}
