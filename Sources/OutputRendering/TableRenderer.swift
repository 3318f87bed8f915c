import NotebookRuntime

/// Renders a `Table` as an HTML `<table>`.
public enum TableRenderer {
  /// The table as `<table class="data">` with a caption (if any), a `<thead>` and a `<tbody>`;
  /// every cell is escaped, and cells that look numeric get `class="num"` (right-aligned).
  public static func html(_ table: Table) -> String {
    let width = max(table.columns.count, table.rows.map { $0.count }.max() ?? 0)
    var out = "<table class=\"data\">\n"
    if let caption = table.caption {
      out += "<caption>\(HTML.escape(caption))</caption>\n"
    }
    out += "<thead><tr>"
    for index in 0..<width {
      let header = index < table.columns.count ? table.columns[index] : ""
      let numeric = columnIsNumeric(table, index)
      out += numeric ? "<th class=\"num\" scope=\"col\">" : "<th scope=\"col\">"
      out += "\(HTML.escape(header))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      out += "<tr>"
      for index in 0..<width {
        let cell = index < row.count ? row[index] : ""
        out += Table.looksNumeric(cell) ? "<td class=\"num\">" : "<td>"
        out += "\(HTML.escape(cell))</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>"
  }

  /// Whether every non-empty cell of a column is numeric (its header is then right-aligned too).
  private static func columnIsNumeric(_ table: Table, _ index: Int) -> Bool {
    let cells = table.rows.compactMap { index < $0.count ? $0[index] : nil }.filter { !$0.isEmpty }
    return !cells.isEmpty && cells.allSatisfy(Table.looksNumeric)
  }
}
