/// The screen drawn when the terminal is below the layout floor. It states what is needed and
/// what there is, and that `q` still quits (the app keeps reading keys).
public enum TooSmallScreen {
    /// The lines shown, for tests and for terminals too narrow to centre them.
    public static func lines(_ info: ScreenLayout.TooSmall, quitKey: String = "q") -> [String] {
        ["terminal too small:",
         "need \(info.needWidth)×\(info.needHeight),",
         "have \(info.haveWidth)×\(info.haveHeight)",
         "\(quitKey) quits"]
    }

    /// Clears `canvas` and draws the message centred (clipped on tiny screens).
    public static func draw(_ info: ScreenLayout.TooSmall, into canvas: inout Canvas, theme: Theme, quitKey: String = "q") {
        let background = CellStyle(foreground: theme.color(.mainForeground), background: theme.color(.mainBackground))
        canvas.clear(background)
        let text = lines(info, quitKey: quitKey)
        let top = max(0, (canvas.height - text.count) / 2)
        let styles: [CellStyle] = [theme.style(.warning, .bold), theme.style(.mainForeground),
                                   theme.style(.mainForeground), theme.style(.inactive)]
        for (i, line) in text.enumerated() where top + i < canvas.height {
            let x = max(0, (canvas.width - DisplayWidth.of(line)) / 2)
            canvas.text(line, x: x, y: top + i, style: styles[i], maxWidth: canvas.width - x)
        }
    }
}
