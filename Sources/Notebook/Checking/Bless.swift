import Foundation

/// Rewrites mismatching ```output blocks of a chapter with the actual output, leaving every
/// other byte of the file as it was.
public enum Bless {
  /// One rewritten block.
  public struct Change: Sendable {
    /// The line of the output fence.
    public var fenceLine: Int
    /// The diff from the old to the new content.
    public var diff: String
  }

  /// The new source of `chapter` with the content of every `differs` cell's output block
  /// replaced by the actual output, and the changes made.
  public static func apply(chapter: Chapter, run: ChapterRun, check: ChapterCheck) -> (
    source: String, changes: [Change]
  ) {
    var lines = chapter.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var changes: [Change] = []
    // Bottom-up, so earlier line numbers stay valid.
    for cell in chapter.cells.reversed() where check.verdicts[cell.index] == .differs {
      guard let expected = cell.expected, let closing = expected.closingLine else { continue }
      let actual = run.cells[cell.index].text
      let fence = lines[expected.fenceLine - 1]
      let prefix = String(fence.prefix(while: { $0 == " " || $0 == ">" }))
      var newLines = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      while let last = newLines.last, last.trimmingCharacters(in: .whitespaces).isEmpty {
        newLines.removeLast()
      }
      newLines = newLines.map { line -> String in
        let trimmedEnd = String(line.reversed().drop(while: { $0 == " " }).reversed())
        return trimmedEnd.isEmpty
          ? String(prefix.reversed().drop(while: { $0 == " " }).reversed()) : prefix + trimmedEnd
      }
      lines.replaceSubrange(expected.fenceLine..<(closing - 1), with: newLines)
      changes.append(
        Change(
          fenceLine: expected.fenceLine,
          diff: LineDiff.render(
            expected: expected.text, actual: actual,
            comparison: OutputComparison(rtol: expected.rtol, atol: expected.atol))))
    }
    return (lines.joined(separator: "\n"), changes.reversed())
  }
}
