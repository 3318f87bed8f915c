/// A line diff of expected and actual output, with lines compared by `OutputComparison`.
///
/// Lines are matched after folding runs of spaces (as the comparison does), but every line is
/// reported as written, so a table's columns line up on both sides.
public enum LineDiff {
  /// One line of the diff.
  public enum Line: Sendable, Equatable {
    /// A line both outputs have (within the tolerances): the actual line as printed.
    case same(String)
    /// A line only the expected output has, as written in the chapter.
    case removed(String)
    /// A line only the actual output has, as printed.
    case added(String)
  }

  /// The diff as lines, in order (a longest common subsequence of matching lines).
  public static func lines(expected: String, actual: String, comparison: OutputComparison) -> [Line] {
    let old = OutputComparison.normalizedLines(expected)
    let new = OutputComparison.normalizedLines(actual)
    let rawOld = rawLines(expected)
    let rawNew = rawLines(actual)
    let n = old.count
    let m = new.count
    // Longest common subsequence table (outputs are small).
    var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        table[i][j] =
          comparison.lineMatches(expected: old[i], actual: new[j])
          ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var lines: [Line] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n && j < m && comparison.lineMatches(expected: old[i], actual: new[j]) {
        lines.append(.same(j < rawNew.count ? rawNew[j] : new[j]))
        i += 1
        j += 1
      } else if i < n && (j == m || table[i + 1][j] >= table[i][j + 1]) {
        lines.append(.removed(i < rawOld.count ? rawOld[i] : old[i]))
        i += 1
      } else {
        lines.append(.added(j < rawNew.count ? rawNew[j] : new[j]))
        j += 1
      }
    }
    return lines
  }

  /// The diff as text: `- ` expected-only lines, `+ ` actual-only lines, `  ` common lines.
  public static func render(expected: String, actual: String, comparison: OutputComparison) -> String {
    lines(expected: expected, actual: actual, comparison: comparison).map { line in
      switch line {
      case .same(let text): return "  " + text
      case .removed(let text): return "- " + text
      case .added(let text): return "+ " + text
      }
    }.joined(separator: "\n")
  }

  /// The lines of `text` as written, without carriage returns and trailing spaces.
  private static func rawLines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var line = String(line.filter { $0 != "\r" })
      while line.last == " " || line.last == "\t" { line.removeLast() }
      return line
    }
  }
}
