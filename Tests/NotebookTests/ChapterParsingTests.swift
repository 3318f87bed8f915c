import Testing

@testable import Notebook

@Test func cellsCarryOptionsCodeAndLines() {
  let chapter = Chapter(
    path: "chapters/01-x.md",
    source: "# Title\n\n```swift\nlet a = 1\n```\n\n```swift hide volatile\nprint(a)\n```\n")
  #expect(chapter.title == "Title")
  #expect(chapter.cells.count == 2)
  #expect(chapter.cells[0].code == "let a = 1\n")
  #expect(chapter.cells[0].codeLine == 4)
  #expect(chapter.cells[1].options.hide && chapter.cells[1].options.volatile)
  #expect(chapter.diagnostics.isEmpty)
}

@Test func outputBlockAttachesToTheCellBeforeIt() {
  let chapter = Chapter(
    path: "c.md", source: "```swift\nprint(1)\n```\n\n```output rtol=1e-3\n1\n```\n")
  let expected = chapter.cells[0].expected
  #expect(expected?.text == "1\n")
  #expect(expected?.fenceLine == 5)
  #expect(expected?.closingLine == 7)
  #expect(expected?.rtol == 1e-3)
}

@Test func unknownCellOptionIsAnErrorAtTheFence() {
  let chapter = Chapter(path: "chapters/02-y.md", source: "# T\n\n```swift hidden\nprint(1)\n```\n")
  #expect(
    chapter.diagnostics.map(\.description) == [
      "chapters/02-y.md:3: error: unknown cell option 'hidden' (known: hide, norun, traps, volatile, live)"
    ])
}

@Test func outputBlockWithoutACellIsAnError() {
  let chapter = Chapter(path: "c.md", source: "Text.\n\n```output\n1\n```\n")
  #expect(chapter.diagnostics.first?.line == 3)
  #expect(chapter.diagnostics.first?.message.contains("no swift cell") == true)
}

@Test func unknownOutputOptionIsAnError() {
  let chapter = Chapter(path: "c.md", source: "```swift\nprint(1)\n```\n```output tol=3\n1\n```\n")
  #expect(chapter.diagnostics.first?.line == 4)
}

@Test func otherLanguagesAreNotCells() {
  let chapter = Chapter(path: "c.md", source: "```python\nprint(1)\n```\n\n```text\nx\n```\n")
  #expect(chapter.cells.isEmpty)
  #expect(chapter.diagnostics.isEmpty)
}

@Test func referencesInProseAreFoundWithTheirLines() {
  let chapter = Chapter(
    path: "c.md", source: "# T\n\nFirst line,\nthe speedup is {{speed_up}}x.\n\n`{{not_this}}`\n")
  #expect(chapter.references.map(\.name) == ["speed_up"])
  #expect(chapter.references.first?.line == 4)
}

@Test func generatedProgramPointsEachCellAtItsMarkdownLine() {
  let chapter = Chapter(
    path: "chapters/01-x.md",
    source: "```swift\nlet a = 1\n```\n\n```swift traps\nprint([1][3])\n```\n")
  let program = ChapterProgram(chapter: chapter).source
  #expect(
    program.contains("#sourceLocation(file: \"chapters/01-x.md\", line: 2)\nlet a = 1\n#sourceLocation()"))
  #expect(
    program.contains(
      "if NotebookSession.shouldRun(trapsCell: 1) {\n#sourceLocation(file: \"chapters/01-x.md\", line: 6)"))
  // No Foundation: a cell's exp(x) is the library's reproducible one, not the C library's.
  #expect(program.hasPrefix("import DeepLearning\nimport NotebookRuntime\nlet "))
}
