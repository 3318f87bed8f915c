/// A line diff of expected and actual output, with lines compared by `OutputComparison`.
///
/// Lines are matched after folding runs of spaces (as the comparison does), but every line is
/// reported as written, so a table's columns line up on both sides. Long outputs (a cell
/// printing a million lines) are diffed in linear time: see ``largeLines(_:_:comparison:)``.
public enum LineDiff {
  /// One line of the diff.
  public enum Line: Sendable, Equatable {
    /// A line both outputs have (within the tolerances): the actual line as printed.
    case same(String)
    /// A line only the expected output has, as written in the chapter.
    case removed(String)
    /// A line only the actual output has, as printed.
    case added(String)
    /// What a long diff says instead of the lines it leaves out, as shown
    /// (`  ... 999 matching lines`).
    case note(String)
  }

  /// The two sides' lines: folded for matching, and as written for showing.
  struct Sides {
    var old: [String]
    var new: [String]
    var rawOld: [String]
    var rawNew: [String]

    func shownOld(_ i: Int) -> String { i < rawOld.count ? rawOld[i] : old[i] }
    func shownNew(_ j: Int) -> String { j < rawNew.count ? rawNew[j] : new[j] }
  }

  /// Above this many line pairs the full table (time and memory n × m) is not built.
  static let largeDiff = 250_000
  /// The most lines a large diff shows of each side of its differing middle.
  static let largeDiffLines = 50

  /// The diff as lines, in order (a longest common subsequence of matching lines).
  public static func lines(expected: String, actual: String, comparison: OutputComparison) -> [Line] {
    let sides = Sides(
      old: OutputComparison.normalizedLines(expected), new: OutputComparison.normalizedLines(actual),
      rawOld: rawLines(expected), rawNew: rawLines(actual))
    if sides.old.count * sides.new.count > largeDiff {
      return largeLines(sides, comparison: comparison)
    }
    return lcsLines(sides, sides.old.indices, sides.new.indices, comparison: comparison)
  }

  /// The diff as text: `- ` expected-only lines, `+ ` actual-only lines, `  ` common lines.
  public static func render(expected: String, actual: String, comparison: OutputComparison) -> String {
    lines(expected: expected, actual: actual, comparison: comparison).map { line in
      switch line {
      case .same(let text): return "  " + text
      case .note(let text): return text
      case .removed(let text): return "- " + text
      case .added(let text): return "+ " + text
      }
    }.joined(separator: "\n")
  }

  /// The diff of the lines `olds` and `news` of the two sides by a longest common subsequence
  /// table.
  static func lcsLines(
    _ sides: Sides, _ olds: Range<Int>, _ news: Range<Int>, comparison: OutputComparison
  ) -> [Line] {
    let n = olds.count
    let m = news.count
    func matches(_ i: Int, _ j: Int) -> Bool {
      comparison.lineMatches(expected: sides.old[olds.lowerBound + i], actual: sides.new[news.lowerBound + j])
    }
    var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        table[i][j] = matches(i, j) ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var lines: [Line] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n && j < m && matches(i, j) {
        lines.append(.same(sides.shownNew(news.lowerBound + j)))
        i += 1
        j += 1
      } else if i < n && (j == m || table[i + 1][j] >= table[i][j + 1]) {
        lines.append(.removed(sides.shownOld(olds.lowerBound + i)))
        i += 1
      } else {
        lines.append(.added(sides.shownNew(news.lowerBound + j)))
        j += 1
      }
    }
    return lines
  }

  /// The diff of long outputs: the matching first and last lines are counted, not shown; the
  /// differing middle is diffed line by line when it is small, else its first lines of each side
  /// are shown with how many more there are. Linear time.
  static func largeLines(_ sides: Sides, comparison: OutputComparison) -> [Line] {
    let (old, new) = (sides.old, sides.new)
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
    let olds = prefix..<(old.count - suffix)
    let news = prefix..<(new.count - suffix)
    var lines: [Line] = [
      .note("expected \(old.count) lines, got \(new.count); the first difference is at line \(prefix + 1)")
    ]
    if prefix > 0 { lines.append(.note("  ... \(prefix) matching line\(prefix == 1 ? "" : "s")")) }
    if olds.count * news.count <= largeDiff {
      lines += lcsLines(sides, olds, news, comparison: comparison)
    } else {
      for index in olds.prefix(largeDiffLines) { lines.append(.removed(sides.shownOld(index))) }
      if olds.count > largeDiffLines { lines.append(.removed("... \(olds.count - largeDiffLines) more")) }
      for index in news.prefix(largeDiffLines) { lines.append(.added(sides.shownNew(index))) }
      if news.count > largeDiffLines { lines.append(.added("... \(news.count - largeDiffLines) more")) }
    }
    if suffix > 0 { lines.append(.note("  ... \(suffix) matching line\(suffix == 1 ? "" : "s")")) }
    return lines
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
