/// A line diff of expected and actual output, with lines compared by `OutputComparison`.
public enum LineDiff {
  /// The diff as text: `- ` expected-only lines, `+ ` actual-only lines, `  ` common lines.
  public static func render(expected: String, actual: String, comparison: OutputComparison) -> String {
    let old = OutputComparison.normalizedLines(expected)
    let new = OutputComparison.normalizedLines(actual)
    let rawNew = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
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
    var lines: [String] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n && j < m && comparison.lineMatches(expected: old[i], actual: new[j]) {
        lines.append("  " + (j < rawNew.count ? rawNew[j] : new[j]))
        i += 1
        j += 1
      } else if i < n && (j == m || table[i + 1][j] >= table[i][j + 1]) {
        lines.append("- " + old[i])
        i += 1
      } else {
        lines.append("+ " + (j < rawNew.count ? rawNew[j] : new[j]))
        j += 1
      }
    }
    return lines.joined(separator: "\n")
  }
}
