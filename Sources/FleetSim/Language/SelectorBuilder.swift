/// Accumulates `site= hall= rack= replica= gpu= tag= count= percent=` tokens into a `TargetSelector`,
/// checking each value and that `count` and `percent` are not both given.
struct SelectorBuilder {
    private(set) var selector = TargetSelector()
    private var modeToken: CommandToken?

    /// Consumes the token when `key` is a selector key; returns false for any other key.
    mutating func take(key: Substring, token: CommandToken) throws(Diagnostic) -> Bool {
        let value = token.value ?? ""
        switch key {
        case "site":
            guard !value.isEmpty else {
                throw Diagnostic.command(column: token.column, token: String(token.text), message: "site= needs a site name")
            }
            selector.site = String(value)
        case "hall": selector.hall = try index(value, token: token)
        case "rack": selector.rack = try index(value, token: token)
        case "replica": selector.replica = try index(value, token: token)
        case "gpu": selector.gpu = try index(value, token: token)
        case "tag":
            guard RackTag.isValidName(value) else {
                throw Diagnostic.command(column: token.column, token: String(token.text),
                                         message: "tag= needs a tag name of lowercase letters, digits and '-', got '\(value)'",
                                         expected: ["tag=pdu-a"])
            }
            selector.tag = String(value)
        case "count":
            try checkOneMode(token)
            selector.mode = .count(try index(value, token: token))
        case "percent":
            try checkOneMode(token)
            guard let share = QuantityText.parseShare(value.hasSuffix("%") ? value : value + "%"),
                  share > 0, share <= 1 else {
                throw Diagnostic.command(column: token.column, token: String(token.text),
                                         message: "percent '\(value)' must be between 0 and 100", expected: ["percent=10"])
            }
            selector.mode = .percent(share)
        default: return false
        }
        return true
    }

    private mutating func checkOneMode(_ token: CommandToken) throws(Diagnostic) {
        if let previous = modeToken {
            throw Diagnostic.command(column: token.column, token: String(token.text),
                                     message: "'\(token.text)' conflicts with '\(previous.text)': give count or percent, not both")
        }
        modeToken = token
    }

    private func index(_ value: Substring, token: CommandToken) throws(Diagnostic) -> Int {
        guard let n = Int(value), n >= 1 else {
            throw Diagnostic.command(column: token.column, token: String(token.text),
                                     message: "\(token.key) '\(value)' must be a whole number from 1",
                                     expected: ["\(token.key)=1"])
        }
        return n
    }
}
