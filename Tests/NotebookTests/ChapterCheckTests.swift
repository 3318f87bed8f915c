import Foundation
import Testing

@testable import Notebook

/// A run in which every cell ran and printed `texts[i]`.
func completedRun(_ texts: [String], published: [String: String] = [:]) -> ChapterRun {
  ChapterRun(
    status: .completed,
    cells: texts.map { ChapterRun.CellOutput(text: $0, results: [], ran: true, trapProblem: nil) },
    published: published, compileSeconds: 0, runSeconds: 0)
}

let twoCellChapter = """
  # Sums

  ```swift
  print(1 + 1)
  ```

  ```output
  2
  ```

  ```swift
  print(2 + 2)
  ```

  ```output
  5
  ```

  """

@Test func mismatchIsReportedAtItsFirstDifferingLine() {
  let chapter = Chapter(path: "chapters/01-s.md", source: twoCellChapter)
  let check = ChapterCheck(chapter: chapter, run: completedRun(["2\n", "4\n"]))
  #expect(check.verdicts == [.verified, .differs])
  #expect(check.diagnostics.map(\.description) == ["chapters/01-s.md:16: error: output differs\n- 5\n+ 4"])
}

@Test func blessRewritesOnlyTheMismatchingBlock() {
  let chapter = Chapter(path: "chapters/01-s.md", source: twoCellChapter)
  let run = completedRun(["2\n", "4\n"])
  let (source, changes) = Bless.apply(
    chapter: chapter, run: run, check: ChapterCheck(chapter: chapter, run: run))
  #expect(changes.map(\.fenceLine) == [15])
  #expect(source == twoCellChapter.replacingOccurrences(of: "```output\n5\n```", with: "```output\n4\n```"))
}

@Test func blessKeepsLinesThatMatchedWithinTolerance() {
  let source = "```swift\nprint(1.0 / 3)\nprint(7)\n```\n\n```output\n0.333333\n8\n```\n"
  let chapter = Chapter(path: "chapters/01-s.md", source: source)
  let run = completedRun(["0.3333333333333333\n7\n"])
  let (blessed, changes) = Bless.apply(
    chapter: chapter, run: run, check: ChapterCheck(chapter: chapter, run: run))
  #expect(changes.count == 1)
  #expect(blessed == source.replacingOccurrences(of: "0.333333\n8\n", with: "0.333333\n7\n"))
}

@Test func blessRoundTripsACRLFChapter() {
  let source = twoCellChapter.replacingOccurrences(of: "\n", with: "\r\n")
  let chapter = Chapter(path: "chapters/01-s.md", source: source)
  let run = completedRun(["2\n", "4\n"])
  let check = ChapterCheck(chapter: chapter, run: run)
  #expect(check.verdicts == [.verified, .differs])
  let (blessed, changes) = Bless.apply(chapter: chapter, run: run, check: check)
  #expect(changes.map(\.fenceLine) == [15])
  #expect(blessed == source.replacingOccurrences(of: "```output\r\n5\r\n```", with: "```output\r\n4\r\n```"))
  let again = Chapter(path: "chapters/01-s.md", source: blessed)
  #expect(ChapterCheck(chapter: again, run: run).verdicts == [.verified, .verified])
}

@Test func unpublishedReferenceIsAnError() {
  let chapter = Chapter(path: "c.md", source: "# T\n\nSpeedup {{speedup}}.\n")
  let check = ChapterCheck(chapter: chapter, run: completedRun([]))
  #expect(check.diagnostics.first?.line == 3)
  #expect(check.diagnostics.first?.message.hasPrefix("unknown {{speedup}}") == true)
}

@Test func trapsCellThatDidNotTrapIsAnError() {
  let chapter = Chapter(path: "c.md", source: "```swift traps\nprint(1)\n```\n")
  var run = completedRun(["1\n"])
  run.cells[0].trapProblem = "expected a trap, but the cell finished normally"
  let check = ChapterCheck(chapter: chapter, run: run)
  #expect(check.verdicts == [.failed])
  #expect(
    check.diagnostics.first?.description == "c.md:2: error: expected a trap, but the cell finished normally")
}

@Test func volatileOutputIsNeverCompared() {
  let chapter = Chapter(path: "c.md", source: "```swift volatile\nprint(1)\n```\n\n```output\n0.5 s\n```\n")
  let check = ChapterCheck(chapter: chapter, run: completedRun(["0.7 s\n"]))
  #expect(check.verdicts == [.unchecked])
  #expect(check.passed)
}
