/// A table of preformatted cells that a chapter shows with `show(_:)`.
///
/// Authors format numbers themselves (`String(format: "%.4f", x)`), so what the page shows is
/// exactly what the program printed.
public struct Table: Sendable, Equatable {
  /// The column headers.
  public var columns: [String]
  /// The rows; each row should have `columns.count` cells (short rows are padded when rendered).
  public var rows: [[String]]
  /// An optional caption shown above the table.
  public var caption: String?

  /// Creates a table from column headers, rows of cells and an optional caption.
  public init(columns: [String], rows: [[String]], caption: String? = nil) {
    self.columns = columns
    self.rows = rows
    self.caption = caption
  }

  /// Whether a cell reads as a number (right-aligned when rendered), e.g. `-1.5e-3`, `42`, `12.5%`, `3.2x`.
  public static func looksNumeric(_ cell: String) -> Bool {
    var text = Substring(cell).drop(while: { $0 == " " || $0 == "\t" })
    while text.last == " " || text.last == "\t" { text = text.dropLast() }
    if let last = text.last, last == "%" || last == "x" || last == "×" { text = text.dropLast() }
    if text.hasPrefix("-") || text.hasPrefix("+") || text.hasPrefix("−") { text = text.dropFirst() }
    guard let first = text.first, first.isASCII, ("0"..."9").contains(first) || first == "." else {
      return text == "inf" || text == "nan"
    }
    var sawDigit = false
    var sawExponent = false
    var previous: Character = " "
    for character in text {
      switch character {
      case "0"..."9": sawDigit = true
      case ".", ",": if sawExponent { return false }
      case "e", "E": if sawExponent || !sawDigit { return false } else { sawExponent = true }
      case "-", "+": if previous != "e" && previous != "E" { return false }
      default: return false
      }
      previous = character
    }
    return sawDigit && ("0"..."9").contains(previous)
  }
}

#if !hasFeature(Embedded)
  extension Table: Codable {}
#endif
