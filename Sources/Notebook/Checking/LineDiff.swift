/// A line diff of expected and actual output, with lines compared by `OutputComparison`.
public enum LineDiff {
  /// The diff as text: `- ` expected-only lines, `+ ` actual-only lines, `  ` common lines.
  public static func render(expected: String, actual: String, comparison: OutputComparison) -> String {
    let old = OutputComparison.normalizedLines(expected)
    let new = OutputComparison.normalizedLines(actual)
    let rawNew = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if old.count * new.count > largeDiff {
      return renderLarge(old: old, new: new, rawNew: rawNew, comparison: comparison)
    }
    return renderLCS(old: old[...], new: new[...], rawNew: rawNew, comparison: comparison)
  }

  /// Above this many line pairs the full table (time and memory n × m) is not built.
  static let largeDiff = 250_000
  /// The most lines a large diff shows of each side of its differing middle.
  static let largeDiffLines = 50

  /// The diff by a longest common subsequence table; `old` and `new` are slices of the whole
  /// line arrays (their indices index `rawNew` too).
  static func renderLCS(
    old: ArraySlice<String>, new: ArraySlice<String>, rawNew: [String], comparison: OutputComparison
  ) -> String {
    let old = Array(old)
    let offset = new.startIndex
    let new = Array(new)
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
        lines.append("  " + (offset + j < rawNew.count ? rawNew[offset + j] : new[j]))
        i += 1
        j += 1
      } else if i < n && (j == m || table[i + 1][j] >= table[i][j + 1]) {
        lines.append("- " + old[i])
        i += 1
      } else {
        lines.append("+ " + (offset + j < rawNew.count ? rawNew[offset + j] : new[j]))
        j += 1
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The diff of long outputs (a cell printing a million lines): the matching first and last
  /// lines are counted, not shown; the differing middle is diffed line by line when it is small,
  /// else its first lines of each side are shown with how many more there are. Linear time.
  static func renderLarge(old: [String], new: [String], rawNew: [String], comparison: OutputComparison)
    -> String
  {
    let shorter = min(old.count, new.count)
    var prefix = 0
    while prefix < shorter && comparison.lineMatches(expected: old[prefix], actual: new[prefix]) {
      prefix += 1
    }
    var suffix = 0
    while suffix < shorter - prefix
      && comparison.lineMatches(expected: old[old.count - 1 - suffix], actual: new[new.count - 1 - suffix])
    {
      suffix += 1
    }
    let oldMiddle = old[prefix..<(old.count - suffix)]
    let newMiddle = new[prefix..<(new.count - suffix)]
    var lines = [
      "expected \(old.count) lines, got \(new.count); the first difference is at line \(prefix + 1)"
    ]
    if prefix > 0 { lines.append("  ... \(prefix) matching line\(prefix == 1 ? "" : "s")") }
    if oldMiddle.count * newMiddle.count <= largeDiff {
      let middle = renderLCS(old: oldMiddle, new: newMiddle, rawNew: rawNew, comparison: comparison)
      if !middle.isEmpty { lines.append(middle) }
    } else {
      for (sign, side, raw) in [("- ", oldMiddle, false), ("+ ", newMiddle, true)] {
        for index in side.indices.prefix(largeDiffLines) {
          lines.append(sign + (raw && index < rawNew.count ? rawNew[index] : side[index]))
        }
        if side.count > largeDiffLines { lines.append(sign + "... \(side.count - largeDiffLines) more") }
      }
    }
    if suffix > 0 { lines.append("  ... \(suffix) matching line\(suffix == 1 ? "" : "s")") }
    return lines.joined(separator: "\n")
  }
}
