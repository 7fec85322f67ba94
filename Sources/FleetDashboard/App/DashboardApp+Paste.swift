extension DashboardApp {
    /// The most characters one paste may add to a text field; the rest is dropped.
    public static let pasteLimit = 4096

    /// Pasted text: typed into the command line, the jump prompt or the filter when one is open, as
    /// printable characters only (a line break or tab becomes a space, other control characters are
    /// dropped); ignored everywhere else, so a paste is never taken for keys (`hello quit q` quits
    /// nothing, and a `y` in it confirms nothing).
    func paste(_ text: String) -> [DashboardAction] {
        let typed = Self.pastedCharacters(text)
        guard !typed.isEmpty else { return [] }
        switch state.modal {
        case .palette, .jump:
            for c in typed { _ = handle(.key(.character(c))) }
            return [.redraw]
        case nil where state.editingFilter:
            for c in typed { _ = handle(.key(.character(c))) }
            return [.redraw]
        default:
            return []
        }
    }

    /// The characters of a paste that a one-line text field takes, at most `pasteLimit` of them.
    static func pastedCharacters(_ text: String) -> [Character] {
        var out: [Character] = []
        for c in text {
            guard out.count < pasteLimit else { break }
            if c.isNewline || c == "\t" {
                if out.last != " " { out.append(" ") }
            } else if let v = c.unicodeScalars.first, !DisplayWidth.isControl(v) {
                out.append(c)
            }
        }
        return out
    }
}
