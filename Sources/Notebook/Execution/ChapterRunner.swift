import Foundation
import NotebookRuntime

/// Compiles a chapter's program against the support library and runs it: once for the ordinary
/// cells, then once per `traps` cell.
public struct ChapterRunner: Sendable {
  /// Where the compiler and the support library are.
  public var toolchain: Toolchain
  /// Seconds each run of the program may take.
  public var timeout: Double
  /// Bytes a run may print before it is stopped: a cell printing without end fills neither the
  /// disk nor the memory (the page shows only the first part of any long output anyway).
  public var outputLimit = 64_000_000

  /// Creates a runner.
  public init(toolchain: Toolchain, timeout: Double) {
    self.toolchain = toolchain
    self.timeout = timeout
  }

  /// Compiles and runs `chapter` in a fresh folder under `workDirectory`.
  public func run(_ chapter: Chapter, workDirectory: URL) throws -> ChapterRun {
    let folder = workDirectory.appendingPathComponent(
      "\(chapter.slug)-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let mainFile = folder.appendingPathComponent("main.swift")
    let binary = folder.appendingPathComponent("chapter")
    try ChapterProgram(chapter: chapter).source.write(to: mainFile, atomically: false, encoding: .utf8)

    var cells = Array(repeating: ChapterRun.CellOutput(), count: chapter.cells.count)
    let compile = try Subprocess(
      executable: toolchain.swiftc,
      arguments: toolchain.compileFlags + [mainFile.path, "-o", binary.path]
    ).run()
    guard compile.succeeded else {
      return ChapterRun(
        status: .compileFailed(output: compile.stderrText + compile.stdoutText), cells: cells,
        published: [:], compileSeconds: compile.seconds, runSeconds: 0)
    }

    let records = folder.appendingPathComponent("records.jsonl")
    let main = try execute(binary: binary, records: records, trapCell: nil)
    var runSeconds = main.result.seconds
    let split = CellStreams(main.result.stdoutText)
    split.place(main.records, into: &cells)
    var published: [String: String] = [:]
    for record in main.records {
      if case .publish(let name, let value) = record.payload { published[name] = value }
    }
    let lastCell = split.lastCell
    let status: ChapterRun.Status
    var trapLocation: String? = nil
    switch main.result.termination {
    case .exited(0):
      status = .completed
    case .exited(let code):
      status = .failed(cell: lastCell, status: code, stderr: main.result.stderrText)
    case .signaled:
      let trap = TrapMessage(stderr: main.result.stderrText)
      status = .trapped(cell: lastCell, message: trap.text)
      trapLocation = trap.location
    case .timedOut:
      status = .timedOut(cell: lastCell, seconds: timeout)
    case .outputLimitReached:
      status = .printedTooMuch(cell: lastCell, bytes: outputLimit)
    }
    let finished = status == .completed ? cells.count : max(lastCell, 0)
    for index in 0..<finished { cells[index].ran = !chapter.cells[index].options.norun }

    for cell in chapter.cells where cell.options.traps && cell.index < finished {
      let trapRecords = folder.appendingPathComponent("records-\(cell.index).jsonl")
      let run = try execute(binary: binary, records: trapRecords, trapCell: cell.index)
      runSeconds += run.result.seconds
      var trapCells = Array(repeating: ChapterRun.CellOutput(), count: cells.count)
      CellStreams(run.result.stdoutText).place(run.records, into: &trapCells)
      let text = trapCells[cell.index].text
      cells[cell.index].results = trapCells[cell.index].results
      cells[cell.index].resultPositions = trapCells[cell.index].resultPositions
      switch run.result.termination {
      case .signaled:
        cells[cell.index].text = text + TrapMessage(stderr: run.result.stderrText).text + "\n"
        cells[cell.index].ran = true
      case .exited(NotebookSession.trapCellDidNotTrapStatus):
        cells[cell.index].text = text
        cells[cell.index].trapProblem = "expected a trap, but the cell finished normally"
      case .exited(let code):
        cells[cell.index].text = text
        cells[cell.index].trapProblem = "expected a trap, but the program exited with status \(code)"
      case .timedOut:
        cells[cell.index].text = text
        cells[cell.index].trapProblem = "expected a trap, but the cell ran out of time (\(timeout) s)"
      case .outputLimitReached:
        cells[cell.index].text = text
        cells[cell.index].trapProblem =
          "expected a trap, but the cell printed more than \(OutputCut.size(outputLimit)) and was stopped"
      }
    }
    return ChapterRun(
      status: status, cells: cells, published: published, compileSeconds: compile.seconds,
      runSeconds: runSeconds, trapLocation: trapLocation)
  }

  private func execute(binary: URL, records: URL, trapCell: Int?) throws
    -> (result: Subprocess.Result, records: [RuntimeRecord])
  {
    try? FileManager.default.removeItem(at: records)
    _ = FileManager.default.createFile(atPath: records.path, contents: Data())
    var environment = [
      "SWIFT_BACKTRACE": "enable=no",
      "COMPANION_RECORDS": records.path,
    ]
    if let trapCell { environment["COMPANION_TRAP_CELL"] = String(trapCell) }
    let result = try Subprocess(
      executable: binary.path, arguments: [], environment: environment, timeout: timeout,
      outputLimit: outputLimit
    ).run()
    let data = (try? Data(contentsOf: records)) ?? Data()
    let decoded = (try? RuntimeRecord.decodeAll(from: data)) ?? []
    return (result, decoded)
  }
}

/// A chapter program's stdout split at the cell markers, with the result markers taken out.
struct CellStreams {
  /// A result marker: the number of the shown result and where it was, as a UTF-8 offset in
  /// its cell's text.
  struct ResultMarker: Equatable {
    var result: Int
    var offset: Int
  }

  /// (cell index, text) in order; text before the first marker has index -1. The texts hold no
  /// markers.
  var texts: [(Int, String)] = []
  /// The result markers of each entry of `texts`, in order.
  var resultMarkers: [[ResultMarker]] = []
  /// The index of the last marker seen (-1 if none).
  var lastCell = -1

  init(_ stdout: String) {
    let marker = NotebookSession.cellMarkerPrefix
    var current = -1
    var rest = stdout[...]
    while let range = rest.range(of: marker) {
      append(current, rest[..<range.lowerBound])
      let afterMarker = rest[range.upperBound...]
      let lineEnd = afterMarker.firstIndex(of: "\n") ?? afterMarker.endIndex
      current = Int(afterMarker[..<lineEnd]) ?? current
      rest =
        lineEnd == afterMarker.endIndex
        ? afterMarker[lineEnd...] : afterMarker[afterMarker.index(after: lineEnd)...]
    }
    append(current, rest)
    lastCell = current
  }

  private mutating func append(_ cell: Int, _ raw: Substring) {
    let (text, markers) = CellStreams.removingResultMarkers(raw)
    texts.append((cell, text))
    resultMarkers.append(markers)
  }

  /// `raw` without its result marker lines, and where each marker was.
  static func removingResultMarkers(_ raw: Substring) -> (String, [ResultMarker]) {
    let marker = NotebookSession.resultMarkerPrefix
    var text = ""
    var markers: [ResultMarker] = []
    var rest = raw
    while let range = rest.range(of: marker) {
      text += rest[..<range.lowerBound]
      let afterMarker = rest[range.upperBound...]
      let lineEnd = afterMarker.firstIndex(of: "\n") ?? afterMarker.endIndex
      if let number = Int(afterMarker[..<lineEnd]) {
        markers.append(ResultMarker(result: number, offset: text.utf8.count))
      }
      rest =
        lineEnd == afterMarker.endIndex
        ? afterMarker[lineEnd...] : afterMarker[afterMarker.index(after: lineEnd)...]
    }
    text += rest
    return (text, markers)
  }

  /// Sets each cell's text, and its tables and plots from `records` (one run's records file)
  /// with their positions in the text: the `n`-th table or plot record goes where the marker
  /// numbered `n` was, or after the cell's text if that marker is missing.
  func place(_ records: [RuntimeRecord], into cells: inout [ChapterRun.CellOutput]) {
    var markerOffsets: [Int: (cell: Int, offset: Int)] = [:]
    for (position, (index, text)) in texts.enumerated() {
      if index >= 0 && index < cells.count { cells[index].text = text }
      for marker in resultMarkers[position] { markerOffsets[marker.result] = (index, marker.offset) }
    }
    var number = 0
    for record in records {
      if case .publish = record.payload { continue }
      if case .control(let control) = record.payload {
        if record.cell >= 0 && record.cell < cells.count { cells[record.cell].controls.append(control) }
        continue
      }
      defer { number += 1 }
      guard record.cell >= 0 && record.cell < cells.count else { continue }
      let offset: Int
      if let marker = markerOffsets[number], marker.cell == record.cell {
        offset = marker.offset
      } else {
        offset = cells[record.cell].text.utf8.count
      }
      cells[record.cell].results.append(record)
      cells[record.cell].resultPositions.append(offset)
    }
  }
}

/// The message of a trap, from the program's stderr: `Fatal error: ...` with the source file
/// prefix removed, and the chapter line if the trap happened in chapter code.
struct TrapMessage {
  /// The message, e.g. `Fatal error: Index out of range`.
  var text: String
  /// The `file:line` prefix the runtime printed (e.g. `chapters/01-x.md:14`), if any.
  var location: String?

  static let keywords = ["Fatal error", "Precondition failed", "Assertion failed", "Unexpectedly found nil"]

  init(stderr: String) {
    let lines = stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    for line in lines {
      for keyword in TrapMessage.keywords {
        guard let range = line.range(of: keyword) else { continue }
        text = String(line[range.lowerBound...])
        let prefix = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        location = prefix.hasSuffix(":") ? String(prefix.dropLast()) : nil
        return
      }
    }
    text = lines.first(where: { !$0.hasPrefix("Current stack trace") }) ?? "the program crashed"
    location = nil
  }
}
