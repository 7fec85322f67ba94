
/// Reads one command of a drill file, written either as a command string
/// (`command: "fault cooling site=metro-edge hall=1 magnitude=60%"`) or as fields
/// (`fault: cooling`, `target: {site: metro-edge, hall: 1}`, `magnitude: 60%`, …). Fields are turned
/// into command words and parsed by `CommandParser`, so both forms accept exactly the same things,
/// and a parser error is mapped back to the line and field it came from.
struct DrillCommandReader {
    let yaml: DrillYAML

    /// Keys that pick the verb of a step written as fields.
    static let verbKeys = ["command", "fault", "surge", "repair"]
    /// Keys that qualify a fault or surge written as fields.
    static let optionKeys = ["target", "magnitude", "latency", "ramp", "for", "repeat", "until", "factor"]

    private struct Word {
        let text: String
        let node: ConfigNode
        let field: String
    }

    /// Reads the command from a step's entries (everything but `at`).
    func command(from entries: [DrillYAML.Entry], in node: ConfigNode, field: String) throws(Diagnostic) -> SimCommand {
        let verbs = entries.filter { Self.verbKeys.contains($0.key) }
        guard verbs.count == 1, let verb = verbs.first else {
            let message = verbs.isEmpty ? "a step needs one command" : "a step holds one command, found \(verbs.map(\.key).joined(separator: " and "))"
            throw yaml.error(verbs.dropFirst().first?.value ?? node, field, message, expected: Self.verbKeys.map { $0 + ":" })
        }
        let options = entries.filter { $0.key != verb.key }
        if verb.key == "command" {
            if let extra = options.first {
                throw yaml.error(extra.value, "\(field).\(extra.key)", "a 'command:' string cannot be combined with fields")
            }
            let text = try yaml.string(verb.value, "\(field).command")
            do {
                return try CommandParser.parse(text)
            } catch {
                throw yaml.error(verb.value, "\(field).command", "\(error.located)")
            }
        }
        var words = [Word(text: verb.key, node: verb.value, field: "\(field).\(verb.key)")]
        if verb.key == "repair" {
            try repairWords(verb.value, field: "\(field).repair", into: &words)
        } else {
            words.append(Word(text: try yaml.string(verb.value, "\(field).\(verb.key)"), node: verb.value, field: "\(field).\(verb.key)"))
        }
        for option in options {
            let optionField = "\(field).\(option.key)"
            if option.key == "target" {
                try selectorWords(option.value, field: optionField, into: &words)
            } else {
                words.append(Word(text: "\(option.key)=\(try yaml.string(option.value, optionField))", node: option.value, field: optionField))
            }
        }
        return try parse(words, stepNode: node, field: field)
    }

    private func repairWords(_ node: ConfigNode, field: String, into words: inout [Word]) throws(Diagnostic) {
        if node.entries != nil {
            try selectorWords(node, field: field, into: &words)
            return
        }
        let value = try yaml.string(node, field)
        guard value == "all" else {
            throw yaml.error(node, field, "repair takes 'all' or a target mapping", expected: ["all", "{site: NAME, hall: N}"])
        }
        words.append(Word(text: "all", node: node, field: field))
    }

    private func selectorWords(_ node: ConfigNode, field: String, into words: inout [Word]) throws(Diagnostic) {
        for entry in try yaml.mapping(node, field, allowed: CommandVocabulary.selectorKeys) {
            let value = try yaml.string(entry.value, "\(field).\(entry.key)")
            words.append(Word(text: "\(entry.key)=\(value)", node: entry.value, field: "\(field).\(entry.key)"))
        }
    }

    private func parse(_ words: [Word], stepNode: ConfigNode, field: String) throws(Diagnostic) -> SimCommand {
        var text = ""
        var starts: [Int] = []
        for w in words {
            if !text.isEmpty { text += " " }
            starts.append(text.count + 1)
            text += w.text.replacingOccurrences(of: " ", with: "")
        }
        do {
            return try CommandParser.parse(text)
        } catch {
            let column = error.column ?? 0
            guard let i = starts.lastIndex(where: { $0 <= column }), column <= text.count else {
                throw yaml.error(stepNode, field, error.message, expected: error.expected)
            }
            throw yaml.error(words[i].node, words[i].field, error.message, expected: error.expected)
        }
    }
}
