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
  ///
  /// It reads the cell's Unicode scalars: a combining mark is no digit, and none of the
  /// characters it looks for has another spelling, so it needs neither grapheme breaking nor
  /// normalization (whose tables the browser's module would otherwise carry).
  public static func looksNumeric(_ cell: String) -> Bool {
    let scalars = cell.unicodeScalars.map { $0.value }
    let isBlank = { (v: UInt32) in v == 0x20 || v == 0x09 }
    let isDigit = { (v: UInt32) in v >= 0x30 && v <= 0x39 }
    var start = 0
    var end = scalars.count
    while start < end && isBlank(scalars[start]) { start += 1 }
    while end > start && isBlank(scalars[end - 1]) { end -= 1 }
    // A trailing %, x or ×; a leading -, + or −.
    if end > start && [0x25, 0x78, 0xD7].contains(scalars[end - 1]) { end -= 1 }
    if end > start && [0x2D, 0x2B, 0x2212].contains(scalars[start]) { start += 1 }
    let text = scalars[start..<end]
    guard let first = text.first, isDigit(first) || first == 0x2E else {
      return text.elementsEqual([0x69, 0x6E, 0x66]) || text.elementsEqual([0x6E, 0x61, 0x6E])  // inf, nan
    }
    var sawDigit = false
    var sawExponent = false
    var previous: UInt32 = 0x20
    for value in text {
      switch value {
      case 0x30...0x39: sawDigit = true
      case 0x2E, 0x2C: if sawExponent { return false }  // . ,
      case 0x65, 0x45: if sawExponent || !sawDigit { return false } else { sawExponent = true }  // e E
      case 0x2D, 0x2B: if previous != 0x65 && previous != 0x45 { return false }  // - + after e E
      default: return false
      }
      previous = value
    }
    return sawDigit && isDigit(previous)
  }
}

#if !hasFeature(Embedded)
  extension Table: Codable {}
#endif
