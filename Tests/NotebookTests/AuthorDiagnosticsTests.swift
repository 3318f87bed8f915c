import Foundation
import Testing

@testable import Notebook

/// What an author is told: where a mismatch is, how long a diff gets, which compiler messages
/// reach the chapter, and the warnings for what would otherwise pass silently.

@Test func firstDifferingLineIsTheFirstLineThatDoesNotMatch() {
  let comparison = OutputComparison(rtol: 1e-6, atol: 1e-12)
  #expect(comparison.firstDifferingLine(expected: "a\nb 1.0\nc\n", actual: "a\nb 1.0000000001\nd\n") == 2)
  #expect(comparison.firstDifferingLine(expected: "a\n", actual: "a\nextra\n") == 1)
  #expect(comparison.firstDifferingLine(expected: "a\n", actual: "a\n") == nil)
}

@Test func aLongDiffIsCutForTheTerminal() {
  let expected = (0..<5000).map { "line \($0)" }.joined(separator: "\n")
  let actual = (0..<5000).map { "other \($0)" }.joined(separator: "\n")
  let shown = LineDiff.renderShort(
    expected: expected, actual: actual, comparison: OutputComparison(rtol: 1e-6, atol: 1e-12))
  let lines = shown.split(separator: "\n")
  #expect(lines.count == LineDiff.terminalLines + 1)
  #expect(lines.last?.contains("more diff lines (the chapter's page shows the whole diff)") == true)
}

@Test func generatedProgramErrorsAreLeftOutWhenTheChapterHasTheCause() {
  let output = """
    chapters/01-x.md:5:1: error: expected '}' in body of for-each statement
    <generated program>:66:1: error: expected '}' at end of program
    """
  let diagnostics = CompilerOutput.diagnostics(output, chapterPath: "chapters/01-x.md")
  #expect(
    diagnostics.map(\.description) == [
      "chapters/01-x.md:5:1: error: expected '}' in body of for-each statement"
    ])
  let alone = CompilerOutput.diagnostics(
    "<generated program>:66:1: error: expected '}'", chapterPath: "chapters/01-x.md", causeKnown: true)
  #expect(alone.isEmpty)
}

@Test func aGeneratedProgramErrorWithoutACauseNamesNoPath() {
  let diagnostics = CompilerOutput.diagnostics(
    "<generated program>:3:1: error: invalid redeclaration", chapterPath: "chapters/01-x.md")
  #expect(
    diagnostics.map(\.description) == [
      "chapters/01-x.md:1: error: in the code generated around the cells: invalid redeclaration"
    ])
}

@Test func compilerWarningsInTheChapterAreWarningsAtTheirLine() {
  let output = """
    chapters/01-x.md:6:5: warning: variable 'x' was never mutated; consider changing to 'let' constant
    <generated program>:9:1: warning: something about the wrapper
    """
  let warnings = CompilerOutput.warnings(output, chapterPath: "chapters/01-x.md")
  #expect(warnings.count == 1)
  #expect(warnings.first?.severity == .warning)
  #expect(warnings.first?.line == 6 && warnings.first?.column == 5)
}

@Test func theProgramFolderIsReplacedInMessages() {
  let folder = URL(fileURLWithPath: "/tmp/build/companion/programs/15-softmax-1-ABC")
  let text =
    "/tmp/build/companion/programs/15-softmax-1-ABC/main.swift:66:1: error: x\n"
    + "/tmp/build/companion/programs/15-softmax-1-ABC/chapter crashed"
  let scrubbed = ProgramPaths(folder: folder).scrub(text)
  #expect(scrubbed == "<generated program>:66:1: error: x\n<program folder>/chapter crashed")
}

@Test func aCellsStderrIsANoteAtTheCellCutAfterTwentyLines() {
  let chapter = Chapter(path: "chapters/01-x.md", source: "# X\n\n```swift\nprint(1)\n```\n")
  let text = (1...25).map { "warning \($0)" }.joined(separator: "\n") + "\n"
  let note = StandardError.note(text, cell: chapter.cells[0], path: chapter.path)
  #expect(note.severity == .note && note.line == 4)
  #expect(note.detail.split(separator: "\n").count == StandardError.shownLines + 1)
  #expect(note.detail.hasSuffix("... 5 more lines"))
}

/// The warnings `ChapterLint` gives `source` in `name`, among the chapter files `siblings`.
private func lint(_ source: String, name: String = "03-x.md", siblings: [String] = []) -> [String] {
  let chapter = Chapter(path: "chapters/\(name)", source: source)
  return ChapterLint.warnings(for: chapter, siblings: siblings + [name]).map(\.description)
}

@Test func aTabIndentedFenceIsAWarningAtItsLine() {
  let warnings = lint("# T\n\n\t```swift\n\tprint(1)\n\t```\n")
  #expect(
    warnings.first?.hasPrefix("chapters/03-x.md:3:1: warning: a tab before this fence") == true, "\(warnings)"
  )
}

@Test func aCapitalisedSwiftFenceIsAWarning() {
  let warnings = lint("# T\n\n```Swift\nprint(1)\n```\n")
  #expect(
    warnings == [
      "chapters/03-x.md:3: warning: ```Swift is shown as code and never run; a cell is written ```swift (lower case)"
    ])
}

@Test func aChapterWithoutATitleIsAWarning() {
  #expect(
    lint("Some prose.\n") == [
      "chapters/03-x.md:1: warning: the chapter has no `# ` title: its page and the index are titled 03-x.md"
    ])
}

@Test func anEmptyChapterIsAWarning() {
  #expect(
    lint("\n\n") == [
      "chapters/03-x.md:1: warning: the chapter is empty: its page has no title and no content"
    ])
}

@Test func aFileNameWithoutANumberIsAWarning() {
  let warnings = lint("# T\n", name: "notes.md")
  #expect(warnings.count == 1 && warnings[0].contains("the file name has no chapter number"))
}

@Test func twoChaptersWithTheSameNumberAreAWarning() {
  let warnings = lint("# T\n", siblings: ["03-y.md", "04-z.md"])
  #expect(warnings.count == 1 && warnings[0].contains("chapter number 03 is also that of 03-y.md"))
}

@Test func aWellFormedChapterHasNoLintWarnings() {
  #expect(lint("# T\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n", siblings: ["04-z.md"]).isEmpty)
}

@Test func blessSummarySaysWhatItWrote() {
  let summary = Companion.blessSummary([], written: [("chapters/02-x.md", 2)], failing: 0, seconds: 1.25)
  #expect(
    summary
      == "wrote 2 output blocks into chapters/02-x.md (2); 0 chapters, 0 failing for other reasons (1.2 s)")
  #expect(Companion.blessSummary([], written: [], failing: 0, seconds: 0).hasPrefix("wrote nothing"))
}

@Test func theBenchmarkNamesItsMisses() {
  #expect(LoopBenchmark.summary(missed: []) == "every figure within its target")
  #expect(LoopBenchmark.summary(missed: ["warm build"]).hasPrefix("missed its target: warm build"))
}
