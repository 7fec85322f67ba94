/// Completion for the dashboard's `:` palette, as a pure function of the text typed so far and the
/// fleet's site and tag names: the candidates for the word under the cursor (at the end of the text).
public enum CommandCompleter {
    /// What to offer: replace the text from `wordStart` (a character offset) with one candidate.
    public struct Completion: Sendable, Equatable {
        /// Character offset where the current word begins.
        public var wordStart: Int
        /// The current word as typed (may be empty).
        public var prefix: String
        /// Whole replacement words, sorted in the language's order; keys end in `=`.
        public var candidates: [String]
        public init(wordStart: Int, prefix: String, candidates: [String]) {
            self.wordStart = wordStart; self.prefix = prefix; self.candidates = candidates
        }
        /// The longest text every candidate starts with (at least the prefix), for Tab.
        public var commonPrefix: String {
            guard var common = candidates.first else { return prefix }
            for c in candidates.dropFirst() {
                while !c.hasPrefix(common) { common.removeLast() }
            }
            return common.count >= prefix.count ? common : prefix
        }
    }

    /// The completions of the last word of `text`, given the fleet's site names and tags.
    public static func complete(_ text: String, siteNames: [String], tags: [String] = []) -> Completion {
        let endsWithSpace = text.last?.isWhitespace ?? true
        let tokens = CommandToken.split(text)
        let previous = endsWithSpace ? tokens : Array(tokens.dropLast())
        let current = endsWithSpace ? "" : String(tokens.last?.text ?? "")
        let wordStart = text.count - current.count
        let pool = candidates(previous: previous.map { String($0.text) }, current: current, siteNames: siteNames, tags: tags)
        let matches = pool.filter { $0.lowercased().hasPrefix(current.lowercased()) }
        return Completion(wordStart: wordStart, prefix: current, candidates: matches)
    }

    private static func candidates(previous: [String], current: String, siteNames: [String], tags: [String]) -> [String] {
        guard let verb = previous.first?.lowercased() else { return CommandVocabulary.verbs }
        // Only `key=value` words use a key: the kind after `fault` (`rack`, `gpu`) is not one.
        let used = Set(previous.dropFirst().filter { $0.contains("=") }
            .compactMap { $0.split(separator: "=", maxSplits: 1).first.map { String($0).lowercased() } })
        if let eq = current.firstIndex(of: "=") {
            let key = String(current[..<eq])
            let kind = verb == "fault" && previous.count > 1 ? FaultKind(rawValue: previous[1].lowercased()) : nil
            return values(for: key, kind: kind, siteNames: siteNames, tags: tags).map { "\(key)=\($0)" }
        }
        func keys(_ all: [String]) -> [String] {
            var free = all.filter { !used.contains($0) }
            if used.contains("count") || used.contains("percent") { free.removeAll { CommandVocabulary.modeKeys.contains($0) } }
            return free.map { $0 + "=" }
        }
        switch verb {
        case "fault":
            if previous.count == 1 { return CommandVocabulary.faultKinds }
            var options = CommandVocabulary.faultOptionKeys
            let kind = FaultKind(rawValue: previous[1].lowercased())
            if kind != .network { options.removeAll { $0 == "latency" } }
            if let kind, !CommandVocabulary.takesMagnitude(kind) { options.removeAll { $0 == "magnitude" } }
            return keys(CommandVocabulary.selectorKeys + options)
        case "surge":
            if previous.count == 1 { return CommandVocabulary.surgeTargets }
            return keys(CommandVocabulary.surgeOptionKeys)
        case "repair":
            if previous.count == 1 { return ["all"] + keys(CommandVocabulary.selectorKeys) }
            if previous[1].lowercased() == "all" { return [] }
            return keys(CommandVocabulary.selectorKeys)
        case "speed":
            return previous.count == 1 ? CommandVocabulary.speedWords : []
        default:
            return previous.count == 0 ? CommandVocabulary.verbs : []
        }
    }

    private static func values(for key: String, kind: FaultKind?, siteNames: [String], tags: [String]) -> [String] {
        switch key {
        case "site": return siteNames
        case "tag": return tags
        case "magnitude" where kind == .sensor: return ["+15", "+25", "+40", "-20"]
        case "magnitude" where kind == .straggler: return ["2", "3", "5"]
        case "magnitude": return ["25%", "50%", "60%", "100%"]
        case "until": return ["gpus_down_ratio>", "goodput<", "fleet.gpus_up<", "chat.ttft.p99>"]
        case "factor": return ["2", "3", "5"]
        case "for", "ramp", "repeat": return ["30s", "1m", "5m", "10m", "30m"]
        case "latency": return ["20ms", "50ms", "100ms"]
        case "percent": return ["10", "25", "50"]
        default: return []
        }
    }
}
