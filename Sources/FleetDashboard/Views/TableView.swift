/// Draws a table view: a box titled with the view, the row count, the sort column and the filter;
/// a header row; the rows with the cursor reversed. Columns that do not fit are dropped whole, least
/// important first, and the title says how many; a cell is never cut.
public enum TableView {
    /// Blank columns between two columns.
    static let gap = 2

    /// The columns shown in `width` cells: indices into `model.columns`, in order, and their widths.
    static func fit(_ model: TableModel, rows: [TableModel.Row], width: Int, sortColumn: Int) -> [(index: Int, width: Int)] {
        var widths = model.columns.enumerated().map { i, c in
            DisplayWidth.of(c.title) + (i == sortColumn ? 2 : 0)
        }
        for row in rows {
            for (i, cell) in row.cells.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        var shown = Array(model.columns.indices)
        func total() -> Int { shown.reduce(0) { $0 + widths[$1] } + gap * max(0, shown.count - 1) }
        while total() > width, shown.count > 1,
              let drop = shown.dropFirst().min(by: { (model.columns[$0].priority, -$0) < (model.columns[$1].priority, -$1) }) {
            shown.removeAll { $0 == drop }
        }
        return shown.map { ($0, widths[$0]) }
    }

    /// Draws the view in `rect`; returns the number of row lines (a page, for PgUp / PgDn).
    @discardableResult
    public static func draw(into canvas: inout Canvas, _ model: TableModel, view: DashboardView, state: TableState,
                            rect: Rect, ctx: PanelContext, editingFilter: Bool) -> Int {
        let rows = model.visibleRows(state)
        let innerWidth = max(0, rect.width - 2)
        let columns = fit(model, rows: rows, width: innerWidth, sortColumn: state.sortColumn)
        let sep = ctx.glyphs.separator
        var subtitle = rows.count == model.rows.count ? "\(rows.count)" : "\(rows.count) of \(model.rows.count)"
        if state.sortColumn < model.columns.count {
            let arrow = ctx.glyphs.isASCII ? (state.descending ? "v" : "^") : (state.descending ? "▼" : "▲")
            subtitle += sep + "by " + model.columns[state.sortColumn].title + " " + arrow
        }
        if !state.filter.isEmpty || editingFilter { subtitle += sep + "/" + state.filter + (editingFilter ? "_" : "") }
        let hidden = model.columns.count - columns.count
        if hidden > 0 { subtitle += sep + "\(hidden) column\(hidden == 1 ? "" : "s") hidden " + TextFit.ellipsis }
        let inner = Box.draw(into: &canvas, rect, title: view.title, subtitle: subtitle, role: .detailBox, focused: true,
                             theme: ctx.theme, glyphs: ctx.glyphs)
        guard !inner.isEmpty else { return 0 }
        let noteRows = model.note.isEmpty || inner.height < 4 ? 0 : 1
        let lines = max(0, inner.height - 1 - noteRows)
        var header = LineWriter(inner, row: 0)
        for (k, c) in columns.enumerated() {
            if k > 0 { header.skip(gap) }
            let col = model.columns[c.index]
            var title = col.title
            if c.index == state.sortColumn { title += " " + (ctx.glyphs.isASCII ? (state.descending ? "v" : "^") : (state.descending ? "▼" : "▲")) }
            header.write(col.alignRight ? NumberFormat.pad(title, c.width) : NumberFormat.padRight(title, c.width),
                         ctx.theme.style(.title, .bold), into: &canvas)
        }
        if rows.isEmpty {
            var w = LineWriter(inner, row: 1)
            w.write(state.filter.isEmpty ? model.empty : "no rows match \"\(state.filter)\"", ctx.dim, into: &canvas)
        }
        var st = state
        st.clamp(count: rows.count, rows: lines)
        for line in 0..<lines {
            let i = st.top + line
            guard i < rows.count else { break }
            let row = rows[i]
            var style = row.role == .mainForeground ? ctx.text : ctx.theme.style(row.role, .bold)
            if i == st.cursor {
                style.attributes.insert(.reverse)
                canvas.fill(Rect(x: inner.x, y: inner.y + 1 + line, width: inner.width, height: 1), style: style)
            }
            var w = LineWriter(inner, row: 1 + line)
            for (k, c) in columns.enumerated() {
                if k > 0 { w.skip(gap) }
                let cell = c.index < row.cells.count ? row.cells[c.index] : ""
                let text = model.columns[c.index].alignRight ? NumberFormat.pad(cell, c.width) : NumberFormat.padRight(cell, c.width)
                w.write(text, style, into: &canvas)
            }
        }
        if noteRows > 0 {
            var w = LineWriter(inner, row: inner.height - 1)
            w.write(model.note, ctx.dim, into: &canvas)
        }
        return lines
    }
}
