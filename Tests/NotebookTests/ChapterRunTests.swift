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
    stderr:
      "DeepLearning/Tensor+Broadcasting.swift:40: Fatal error: operands could not be broadcast together with shapes (2,3) (2,)\nCurrent stack trace:\n"
  )
  #expect(trap.text == "Fatal error: operands could not be broadcast together with shapes (2,3) (2,)")
  #expect(trap.location == "DeepLearning/Tensor+Broadcasting.swift:40")
}

@Test func compilerErrorsMapToChapterLines() {
  let output = "chapters/01-x.md:12:5: error: cannot find 'w' in scope\nprint(w)\n    ^\n"
  let diagnostics = CompilerOutput.diagnostics(output, chapterPath: "chapters/01-x.md")
  #expect(
    diagnostics.first?.description == "chapters/01-x.md:12:5: error: cannot find 'w' in scope\nprint(w)\n    ^")
}

@Test func resultMarkersAreTakenOutOfTheTextAndPlaced() {
  let cell = NotebookSession.cellMarkerPrefix
  let result = NotebookSession.resultMarkerPrefix
  let stdout = "\(cell)0\nbefore\n\(result)0\nafter\n\(result)1\n\(cell)1\nno newline\(result)2\nend\n"
  let streams = CellStreams(stdout)
  #expect(streams.texts.map(\.1) == ["", "before\nafter\n", "no newlineend\n"])
  #expect(streams.resultMarkers[1] == [.init(result: 0, offset: 7), .init(result: 1, offset: 13)])
  #expect(streams.resultMarkers[2] == [.init(result: 2, offset: 10)])

  let table = Table(columns: ["a"], rows: [["1"]])
  let records = [
    RuntimeRecord(cell: 0, payload: .table(table)),
    RuntimeRecord(cell: 0, payload: .publish(name: "n", value: "1")),
    RuntimeRecord(cell: 0, payload: .table(table)),
    RuntimeRecord(cell: 1, payload: .table(table)),
    // A record whose marker never reached stdout goes after the cell's text.
    RuntimeRecord(cell: 1, payload: .table(table)),
  ]
  var cells = Array(repeating: ChapterRun.CellOutput(), count: 2)
  streams.place(records, into: &cells)
  #expect(cells[0].text == "before\nafter\n")
  #expect(cells[0].results.count == 2)
  #expect(cells[0].resultPositions == [7, 13])
  #expect(cells[1].resultPositions == [10, 14])
  #expect(
    cells[0].segments == [
      .text("before\n"), .result(0, records[0]), .text("after\n"), .result(1, records[2]),
    ])
  #expect(
    cells[1].segments == [
      .text("no newline"), .result(0, records[3]), .text("end\n"), .result(1, records[4]),
    ])
}

@Test func resultsWithoutPositionsFollowTheText() {
  let record = RuntimeRecord(cell: 0, payload: .table(Table(columns: ["a"], rows: [])))
  let output = ChapterRun.CellOutput(text: "a\nb\n", results: [record, record], ran: true)
  #expect(output.segments == [.text("a\nb\n"), .result(0, record), .result(1, record)])
}
