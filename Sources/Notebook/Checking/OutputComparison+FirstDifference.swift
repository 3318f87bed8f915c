/// Where an output first differs from its expected block, and a diff short enough for a terminal.
extension OutputComparison {
  /// The index (from 0) of the first line of `expected` that `actual` does not match: the first
  /// position at which the two outputs' lines differ under this comparison, or the number of
  /// expected lines when `actual` only adds lines after them. Nil when the outputs match.
  public func firstDifferingLine(expected: String, actual: String) -> Int? {
    let old = OutputComparison.normalizedLines(expected)
    let new = OutputComparison.normalizedLines(actual)
    for index in 0..<max(old.count, new.count) {
      guard index < old.count, index < new.count else { return index }
      if !lineMatches(expected: old[index], actual: new[index]) { return index }
    }
    return nil
  }
}

extension LineDiff {
  /// The most lines of a diff printed in a terminal; the page shows the whole diff.
  static let terminalLines = 40

  /// ``render(expected:actual:comparison:)`` cut to `limit` lines, with a last line saying how
  /// many were left out.
  static func renderShort(
    expected: String, actual: String, comparison: OutputComparison, limit: Int = terminalLines
  ) -> String {
    let full = render(expected: expected, actual: actual, comparison: comparison)
    let lines = full.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count > limit else { return full }
    let left = lines.count - limit
    return lines.prefix(limit).joined(separator: "\n")
      + "\n  ... \(left) more diff line\(left == 1 ? "" : "s") (the chapter's page shows the whole diff)"
  }
}
