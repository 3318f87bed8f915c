import Foundation

/// The verdict on one cell.
public enum CellVerdict: Sendable, Equatable {
  /// The output matched its ```output block.
  case verified
  /// The output differs from its ```output block.
  case differs
  /// The cell ran but has nothing to compare (no output block, or `volatile`).
  case unchecked
  /// The cell did not run (`norun`, or the chapter stopped before it).
  case notRun
  /// The cell failed: it trapped unexpectedly, or a `traps` cell did not trap.
  case failed
}

/// The outcome of checking one chapter: a verdict per cell and the diagnostics to print.
public struct ChapterCheck: Sendable {
  /// The verdict per cell index.
  public var verdicts: [CellVerdict]
  /// Everything wrong with the chapter, in line order.
  public var diagnostics: [Diagnostic]

  /// The number of cells that ran.
  public var ranCount: Int = 0
  /// The number of cells whose output matched.
  public var verifiedCount: Int { verdicts.filter { $0 == .verified }.count }
  /// The number of cells with an output block that was compared.
  public var checkedCount: Int { verdicts.filter { $0 == .verified || $0 == .differs }.count }
  /// The number of ```output blocks in the chapter, compared or not.
  public var outputBlockCount: Int = 0
  /// Output blocks never compared: their cell did not run (after a trap, a timeout or a compile
  /// error) or failed.
  public var notRunCount: Int { outputBlockCount - checkedCount }
  /// Whether the chapter passed (no errors).
  public var passed: Bool { !diagnostics.contains { $0.severity == .error } }

  /// Checks `run` against the expected outputs of `chapter`, and with `links` the chapter's
  /// links to other chapters and sections.
  public init(chapter: Chapter, run: ChapterRun, links: ChapterLinks? = nil) {
    var diagnostics = chapter.diagnostics + (links?.diagnostics(for: chapter) ?? [])
    if let links { diagnostics += ChapterLint.warnings(for: chapter, siblings: links.fileNames) }
    var verdicts: [CellVerdict] = []
    let path = chapter.path
    switch run.status {
    case .completed:
      diagnostics += CompilerOutput.warnings(run.compilerWarnings ?? "", chapterPath: path)
    case .compileFailed(let output):
      // A cell that does not parse on its own is the cause: what the compiler says about the
      // generated program around it follows from it.
      let parseError = chapter.diagnostics.contains { $0.message.hasPrefix(CompilerOutput.parseErrorPrefix) }
      diagnostics += CompilerOutput.diagnostics(output, chapterPath: path, causeKnown: parseError)
      diagnostics += CompilerOutput.warnings(output, chapterPath: path)
    case .trapped(let index, let message):
      diagnostics += CompilerOutput.warnings(run.compilerWarnings ?? "", chapterPath: path)
      let cell = chapter.cells.indices.contains(index) ? chapter.cells[index] : nil
      // At the line that trapped when the runtime named one in the chapter (a `precondition`, a
      // `fatalError`); a trap inside the standard library or the library is at the cell.
      var line = cell?.codeLine ?? 1
      if let location = run.trapLocation ?? TrapMessage(stderr: message).location,
        let number = ChapterCheck.chapterLine(location, path: path)
      {
        line = number
      }
      diagnostics.append(Diagnostic(file: path, line: line, message: "cell trapped: \(message)"))
    case .failed(let index, let status, let stderr):
      diagnostics.append(
        ChapterCheck.atCell(
          index, of: chapter, "the chapter program exited with status \(status) in this cell",
          detail: stderr.trimmingCharacters(in: .newlines)))
    case .printedTooMuch(let index, let bytes):
      diagnostics.append(
        ChapterCheck.atCell(
          index, of: chapter,
          "the cell printed more than \(OutputCut.size(bytes)), so the chapter program was stopped "
            + "(does it print without end?)"))
    case .cutShort(let index):
      diagnostics.append(
        ChapterCheck.atCell(
          index, of: chapter,
          "the chapter program's output ends in this cell, before the program's end: its output "
            + "could not be written (is the disk or the temporary folder full?) or a cell ended "
            + "the program; the run is not stored"))
    case .timedOut(let index, let seconds):
      diagnostics.append(
        ChapterCheck.atCell(
          index, of: chapter,
          "the chapter ran out of time in this cell (\(ChapterCheck.seconds(seconds)); see --timeout)"))
    }
    var ranCount = 0
    for cell in chapter.cells {
      let output = run.cells.indices.contains(cell.index) ? run.cells[cell.index] : ChapterRun.CellOutput()
      if output.ran { ranCount += 1 }
      if let stderr = output.stderr, !stderr.isEmpty {
        diagnostics.append(StandardError.note(stderr, cell: cell, path: path))
      }
      if let problem = output.trapProblem {
        diagnostics.append(Diagnostic(file: path, line: cell.codeLine, message: problem))
        verdicts.append(.failed)
        continue
      }
      guard output.ran else {
        if let index = run.failedCell, index == cell.index {
          verdicts.append(.failed)
        } else {
          verdicts.append(.notRun)
        }
        continue
      }
      guard let expected = cell.expected, cell.isChecked else {
        verdicts.append(.unchecked)
        continue
      }
      let comparison = expected.comparison
      if comparison.matches(expected: expected.text, actual: output.text) {
        verdicts.append(.verified)
      } else {
        verdicts.append(.differs)
        // At the first line that differs (the block's content starts under its fence).
        let first = comparison.firstDifferingLine(expected: expected.text, actual: output.text) ?? 0
        diagnostics.append(
          Diagnostic(
            file: path, line: expected.fenceLine + 1 + first, message: "output differs",
            detail: LineDiff.renderShort(expected: expected.text, actual: output.text, comparison: comparison)
          ))
      }
    }
    if run.status == .completed {
      for reference in chapter.references where run.published[reference.name] == nil {
        diagnostics.append(
          Diagnostic(
            file: path, line: reference.line,
            message:
              "unknown {{\(reference.name)}}: no cell publishes it (publish(\"\(reference.name)\", value))"))
      }
    }
    self.verdicts = verdicts
    self.outputBlockCount = chapter.cells.filter { $0.expected != nil }.count
    self.diagnostics = diagnostics.sorted { $0.line < $1.line }
    self.ranCount = ranCount
  }

  /// The line of `location` (`chapters/01-x.md:14`, or `chapter/01-x.md:14` as `#fileID` names
  /// it: the program's module, then the file name) when it is in the chapter at `path`.
  static func chapterLine(_ location: String, path: String) -> Int? {
    guard let colon = location.lastIndex(of: ":"), let line = Int(location[location.index(after: colon)...])
    else { return nil }
    let file = String(location[..<colon])
    let name = (path as NSString).lastPathComponent
    return file == path || file.hasSuffix("/" + name) ? line : nil
  }

  /// An error at the first code line of cell `index` (line 1 if there is no such cell).
  static func atCell(_ index: Int, of chapter: Chapter, _ message: String, detail: String = "")
    -> Diagnostic
  {
    let line = chapter.cells.indices.contains(index) ? chapter.cells[index].codeLine : 1
    return Diagnostic(file: chapter.path, line: line, message: message, detail: detail)
  }

  static func seconds(_ value: Double) -> String { String(format: "%.0f s", value) }
}
