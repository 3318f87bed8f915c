import NotebookRuntime
import Testing

@testable import Notebook

@Test func stdoutIsSplitAtCellMarkers() {
  let marker = NotebookSession.cellMarkerPrefix
  let streams = CellStreams("\(marker)0\nhello\n\(marker)1\nno newline\(marker)2\nlast\n")
  #expect(streams.texts.map(\.0) == [-1, 0, 1, 2])
  #expect(streams.texts.map(\.1) == ["", "hello\n", "no newline", "last\n"])
  #expect(streams.lastCell == 2)
}

@Test func trapMessageDropsTheSourcePrefix() {
  let trap = TrapMessage(
    stderr: "DeepLearning/Tensor+Broadcasting.swift:40: Fatal error: operands could not be broadcast together with shapes (2,3) (2,)\nCurrent stack trace:\n")
  #expect(trap.text == "Fatal error: operands could not be broadcast together with shapes (2,3) (2,)")
  #expect(trap.location == "DeepLearning/Tensor+Broadcasting.swift:40")
}

@Test func compilerErrorsMapToChapterLines() {
  let output = "chapters/01-x.md:12:5: error: cannot find 'w' in scope\nprint(w)\n    ^\n"
  let diagnostics = CompilerOutput.diagnostics(output, chapterPath: "chapters/01-x.md")
  #expect(diagnostics.first?.description == "chapters/01-x.md:12: error: cannot find 'w' in scope\nprint(w)\n    ^")
}
