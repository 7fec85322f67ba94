/// The help overlay (`?` / F1): every binding in force, grouped, drawn in a framed box over the
/// dashboard. Any key closes it, except the scroll keys while the content is taller than the box.
public struct HelpOverlay: Sendable, Equatable {
    /// First content row shown (only non-zero when the content does not fit).
    public private(set) var scroll: Int = 0

    /// A freshly opened overlay, scrolled to the top.
    public init() {}

    /// What a key did while the overlay was open.
    public enum Response: Sendable, Equatable { case close, scrolled }

    /// The box the overlay takes on a `width`×`height` screen and the content's arrangement.
    public static func geometry(width: Int, height: Int, keymap: Keymap, ascii: Bool = false,
                                readOnly: Bool = false,
                                groups: [KeyAction.Group] = KeyAction.Group.dashboard) -> (box: Rect, layout: HelpLayout) {
        let maxInnerWidth = max(0, width - 2 - 4)
        let maxInnerHeight = max(0, height - 2 - 2)
        let layout = HelpLayout.arrange(HelpLayout.lines(keymap: keymap, ascii: ascii, readOnly: readOnly, groups: groups),
                                        width: maxInnerWidth, height: maxInnerHeight)
        let n = max(1, layout.columns.count)
        let innerWidth = n * layout.columnWidth + HelpLayout.gap * (n - 1)
        let boxWidth = min(width, innerWidth + 4), boxHeight = min(height, min(maxInnerHeight, layout.rows) + 2)
        let box = Rect(x: max(0, (width - boxWidth) / 2), y: max(0, (height - boxHeight) / 2), width: boxWidth, height: boxHeight)
        return (box, layout)
    }

    /// Handles a key: the keymap's scroll and up/down keys scroll when the content overflows; any
    /// other key (or any key when all fits) closes.
    public mutating func handle(_ key: Key, keymap: Keymap, width: Int, height: Int,
                                groups: [KeyAction.Group] = KeyAction.Group.dashboard) -> Response {
        let (box, layout) = Self.geometry(width: width, height: height, keymap: keymap, groups: groups)
        let visible = max(0, box.height - 2)
        let maxScroll = max(0, layout.rows - visible)
        guard maxScroll > 0, let action = keymap.action(for: key) else { return .close }
        switch action {
        case .scrollDown: scroll = min(maxScroll, scroll + max(1, visible - 1))
        case .scrollUp: scroll = max(0, scroll - max(1, visible - 1))
        case .selectDown: scroll = min(maxScroll, scroll + 1)
        case .selectUp: scroll = max(0, scroll - 1)
        default: return .close
        }
        return .scrolled
    }

    /// Draws the overlay centred on `canvas`, over whatever is there.
    public func draw(into canvas: inout Canvas, keymap: Keymap, theme: Theme, ascii: Bool = false, readOnly: Bool = false,
                     groups: [KeyAction.Group] = KeyAction.Group.dashboard) {
        let (box, layout) = Self.geometry(width: canvas.width, height: canvas.height, keymap: keymap, ascii: ascii, readOnly: readOnly,
                                          groups: groups)
        guard box.width >= 8, box.height >= 3 else { return }
        let background = theme.color(.dialogBackground)
        func style(_ role: ThemeColor, _ attributes: TextAttributes = []) -> CellStyle {
            CellStyle(foreground: theme.color(role), background: background, attributes: attributes)
        }
        let visible = box.height - 2
        let maxScroll = max(0, layout.rows - visible)
        let first = min(scroll, maxScroll)
        let more = first < maxScroll ? (ascii ? "v more" : "↓ more") : first > 0 ? (ascii ? "^ top" : "↑ top") : ""
        let closeHint = "any key closes"
        OverlayFrame.draw(box, into: &canvas, title: "help · keys in force",
                          hint: more.isEmpty ? closeHint : "\(more) · \(closeHint)",
                          fill: style(.dialogForeground), border: style(.dialogForeground),
                          titleStyle: style(.title, .bold), ascii: ascii)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: visible)
        for (c, column) in layout.columns.enumerated() {
            let x = inner.x + c * (layout.columnWidth + HelpLayout.gap)
            let width = min(layout.columnWidth, inner.maxX - x)
            guard width > 0 else { continue }
            for row in 0..<visible {
                let index = first + row
                guard index < column.count else { break }
                let y = inner.y + row
                switch column[index] {
                case .heading(let title):
                    canvas.text(title, x: x, y: y, style: style(.title, [.bold, .underline]), maxWidth: width)
                case .binding(let keys, let summary):
                    canvas.text(keys, x: x, y: y, style: style(.highlight, .bold), maxWidth: min(width, layout.keyWidth))
                    let sx = x + layout.keyWidth + 1
                    if sx < x + width { canvas.text(summary, x: sx, y: y, style: style(.dialogForeground), maxWidth: x + width - sx) }
                }
            }
        }
    }
}
