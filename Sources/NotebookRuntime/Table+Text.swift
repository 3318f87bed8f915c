/// Plain-text rendering of a table for the terminal.
extension Table {
  /// The table as aligned monospaced text: caption, header, a rule, then the rows.
  ///
  /// Numeric-looking cells are right-aligned, other cells left-aligned.
  public var alignedText: String {
    let width = max(columns.count, rows.map { $0.count }.max() ?? 0)
    func padded(_ row: [String]) -> [String] {
      row + Array(repeating: "", count: width - row.count)
    }
    let header = padded(columns)
    let body = rows.map(padded)
    var widths = header.map { $0.count }
    for row in body {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    func line(_ cells: [String], alignNumbers: Bool) -> String {
      var parts: [String] = []
      for (index, cell) in cells.enumerated() {
        let pad = String(repeating: " ", count: widths[index] - cell.count)
        parts.append(alignNumbers && Table.looksNumeric(cell) ? pad + cell : cell + pad)
      }
      var text = parts.joined(separator: "  ")
      while text.last == " " { text.removeLast() }
      return text
    }
    var lines: [String] = []
    if let caption { lines.append(caption) }
    lines.append(line(header, alignNumbers: false))
    lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    lines.append(contentsOf: body.map { line($0, alignNumbers: true) })
    return lines.joined(separator: "\n")
  }
}
