/// The pass rate against a varied value as rows of text, one per value, for a terminal or a
/// Markdown code block: the 95% interval as a bar on a 0–100% scale, the rate as a dot, the
/// breaking threshold as a dotted column.
///
///     40%   |········┆··········━━━━━●|  100%  (83.9–100%)
///     80%   |·····━━━┿━━●━━━······   |   45%  (25.8–65.8%)
public enum CampaignPlot {
    /// Cells between the bars, 0% to 100%.
    public static let width = 30

    /// The rows of one varied path, labels padded to one width.
    public static func rows(_ axis: CampaignReport.Axis, breakBelow: Double) -> [String] {
        let labelWidth = axis.rows.map(\.label.count).max() ?? 0
        let header = String(repeating: " ", count: labelWidth) + "   0%" + String(repeating: " ", count: width - 6)
            + "100%   pass rate (95% CI)"
        return [header] + axis.rows.map { row in
            let label = row.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            let marker = row == axis.breakingPoint ? "  ← breaks" : ""
            return "\(label)  |\(bar(row.pass, breakBelow: breakBelow))|  \(row.pass.text)\(marker)"
        }
    }

    /// One row's cells.
    static func bar(_ w: WilsonInterval, breakBelow: Double) -> String {
        func cell(_ x: Double) -> Int { min(width - 1, max(0, Int((x * Double(width)).rounded(.down)))) }
        let threshold = cell(breakBelow)
        var cells = (0..<width).map { $0 == threshold ? "┆" : "·" }
        guard w.trials > 0 else { return cells.joined() }
        for i in cell(w.low)...cell(w.high) { cells[i] = i == threshold ? "┿" : "━" }
        cells[cell(w.rate)] = "●"
        return cells.joined()
    }
}
