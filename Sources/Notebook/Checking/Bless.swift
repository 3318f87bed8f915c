import Foundation

/// Rewrites mismatching ```output blocks of a chapter with the actual output, leaving every
/// other byte of the file as it was.
public enum Bless {
  /// One rewritten block.
  public struct Change: Sendable {
    /// The line of the output fence.
    public var fenceLine: Int
    /// The first line of the block that changed (under the fence).
    public var firstChangedLine: Int
    /// The number of lines of the block's content after the change.
    public var writtenLines: Int
    /// The diff from the old to the new content.
    public var diff: String
  }

  /// The new source of `chapter` with the content of every `differs` cell's output block
  /// replaced by the actual output, and the changes made. Only the lines that differ change: a
  /// line that already matched (within the block's tolerance) stays as the author wrote it, and
  /// the file keeps its line endings (LF or CRLF).
  public static func apply(chapter: Chapter, run: ChapterRun, check: ChapterCheck) -> (
    source: String, changes: [Change]
  ) {
    // "\r\n" is one Character in Swift: work on LF lines and put the CRLFs back at the end.
    let crlf = chapter.source.contains("\r\n")
    let source = crlf ? chapter.source.replacingOccurrences(of: "\r\n", with: "\n") : chapter.source
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var changes: [Change] = []
    // Bottom-up, so earlier line numbers stay valid.
    for cell in chapter.cells.reversed() where check.verdicts[cell.index] == .differs {
      guard let expected = cell.expected, let closing = expected.closingLine else { continue }
      let actual = run.cells[cell.index].text
      let comparison = expected.comparison
      let fence = lines[expected.fenceLine - 1]
      let prefix = String(fence.prefix(while: { $0 == " " || $0 == ">" }))
      let written = Array(lines[expected.fenceLine..<(closing - 1)])
      let expectedLines = expected.text.split(separator: "\n", omittingEmptySubsequences: false)
        .map(String.init)
      var newLines = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      while let last = newLines.last, last.trimmingCharacters(in: .whitespaces).isEmpty {
        newLines.removeLast()
      }
      newLines = newLines.enumerated().map { index, line -> String in
        if index < written.count, index < expectedLines.count,
          comparison.lineMatches(expected: expectedLines[index], actual: line)
        {
          return written[index]
        }
        let trimmedEnd = String(line.reversed().drop(while: { $0 == " " }).reversed())
        return trimmedEnd.isEmpty
          ? String(prefix.reversed().drop(while: { $0 == " " }).reversed()) : prefix + trimmedEnd
      }
      lines.replaceSubrange(expected.fenceLine..<(closing - 1), with: newLines)
      let first = comparison.firstDifferingLine(expected: expected.text, actual: actual) ?? 0
      changes.append(
        Change(
          fenceLine: expected.fenceLine, firstChangedLine: expected.fenceLine + 1 + first,
          writtenLines: newLines.count,
          diff: LineDiff.renderShort(expected: expected.text, actual: actual, comparison: comparison)))
    }
    return (lines.joined(separator: crlf ? "\r\n" : "\n"), changes.reversed())
  }
}
