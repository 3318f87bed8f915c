import Foundation
import Testing

@testable import NotebookRuntime

@Suite struct RuntimeRecordTests {
  @Test func tableRecordRoundTrips() throws {
    let record = RuntimeRecord(
      cell: 2, payload: .table(Table(columns: ["a", "b"], rows: [["1", "<x>"]], caption: "c")))
    #expect(try RuntimeRecord.decode(line: record.jsonLine()) == record)
  }

  @Test func plotRecordRoundTripsWithRangesAndClasses() throws {
    var plot = Plot(title: "t", xLabel: "u", yLabel: "v")
    plot.line(x: [0, 1, 2], y: [3, 2, 1], label: "l")
    plot.scatter(x: [0, 1], y: [1, 0], label: "s", classes: [0, 1])
    plot.regions(xs: [0, 1], ys: [0], classes: [[0, 1]])
    plot.hline(y: 0.5, label: "h")
    plot.logY = true
    plot.xRange = -1...3
    plot.figureKey = "runs:a/b"
    let record = RuntimeRecord(cell: 0, payload: .plot(plot))
    #expect(try RuntimeRecord.decode(line: record.jsonLine()) == record)
  }

  @Test func nonFiniteValuesSurviveEncoding() throws {
    var plot = Plot(title: "t")
    plot.line(x: [0, 1, 2], y: [.nan, .infinity, -.infinity], label: "l")
    let line = try RuntimeRecord(cell: 1, payload: .plot(plot)).jsonLine()
    guard case .plot(let decoded) = try RuntimeRecord.decode(line: line).payload else {
      Issue.record("not a plot")
      return
    }
    #expect(decoded.series[0].y[0].isNaN)
    #expect(decoded.series[0].y[1] == .infinity)
    #expect(decoded.series[0].y[2] == -.infinity)
  }

  @Test func publishRecordHasFlatSortedKeys() throws {
    let line = try RuntimeRecord(cell: 4, payload: .publish(name: "speedup", value: "12.5"))
      .jsonLine()
    #expect(
      String(decoding: line, as: UTF8.self)
        == #"{"cell":4,"kind":"publish","name":"speedup","value":"12.5"}"#)
  }

  @Test func unknownKindIsRejected() {
    let line = Data(#"{"cell":0,"kind":"movie"}"#.utf8)
    #expect(throws: DecodingError.self) { try RuntimeRecord.decode(line: line) }
  }

  @Test func decodeAllIgnoresOnlyAnUnterminatedLastLine() throws {
    let good = try RuntimeRecord(cell: 0, payload: .publish(name: "n", value: "1")).jsonLine()
    var data = good + Data("\n\n".utf8) + good + Data("\n{\"cell\":1,\"ki".utf8)
    #expect(try RuntimeRecord.decodeAll(from: data).count == 2)
    data = good + Data("\n{\"cell\":1,\"ki\n".utf8) + good + Data("\n".utf8)
    #expect(throws: (any Error).self) { try RuntimeRecord.decodeAll(from: data) }
  }

  @Test func channelAppendsOneLinePerRecordForTheCurrentCell() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("records-\(UUID().uuidString).jsonl").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let channel = RecordChannel(environment: ["COMPANION_RECORDS": path])
    channel.currentCell = 3
    channel.write(.publish(name: "a", value: "1"))
    channel.currentCell = 5
    channel.write(.table(Table(columns: ["x"], rows: [["1"]])))
    let records = try RuntimeRecord.decodeAll(from: Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(records.map(\.cell) == [3, 5])
    #expect(records.first?.payload == .publish(name: "a", value: "1"))
  }

  @Test func channelWithoutRecordsFileIsNotRecording() {
    let channel = RecordChannel(environment: [:])
    #expect(!channel.isRecording)
    #expect(channel.trapCell == nil)
  }

  @Test func channelReadsTheTrapCell() {
    #expect(RecordChannel(environment: ["COMPANION_TRAP_CELL": "7"]).trapCell == 7)
  }

  @Test func reachingALaterCellInATrapRunExitsWithStatus86() async {
    await #expect(processExitsWith: .exitCode(86)) {
      setenv("COMPANION_TRAP_CELL", "2", 1)
      NotebookSession.start()
      NotebookSession.beginCell(1)
      if NotebookSession.shouldRun(trapsCell: 1) { exit(1) }
      NotebookSession.beginCell(2)
      if !NotebookSession.shouldRun(trapsCell: 2) { exit(2) }
      NotebookSession.beginCell(3)
      exit(0)
    }
  }

  @Test func finishingTheTrapCellExitsWithStatus86() async {
    await #expect(processExitsWith: .exitCode(86)) {
      setenv("COMPANION_TRAP_CELL", "0", 1)
      NotebookSession.beginCell(0)
      NotebookSession.finishTrapRun(0)
      exit(0)
    }
  }

  @Test func anOrdinaryRunSkipsTrapsCellsAndEndsNormally() async {
    await #expect(processExitsWith: .success) {
      unsetenv("COMPANION_TRAP_CELL")
      NotebookSession.beginCell(0)
      if NotebookSession.shouldRun(trapsCell: 0) { exit(1) }
      NotebookSession.end()
      exit(0)
    }
  }
}
