import Foundation

/// Turns the compiler's output into diagnostics at chapter lines.
///
/// The program's paths are already replaced (`ProgramPaths`): no message names the folder a
/// chapter is compiled in. An error the compiler reports in the code generated around the cells
/// (an unclosed `{` in a cell runs into the next cell's markers) is a consequence of an error in
/// the chapter, so it is left out whenever the chapter's own lines carry one: one error per
/// cause.
enum CompilerOutput {
  /// How the chapter's own error for a cell that does not parse on its own begins (see
  /// `CellSyntax`): when the chapter has one, it is the cause of the compiler's errors.
  static let parseErrorPrefix = "the cell does not parse on its own: "

  /// One error per `path:line:column: error: message` line at a chapter line, with the lines
  /// under it as detail; errors elsewhere only when there is none in the chapter and no cause
  /// is known already (`causeKnown`: the chapter has an error that explains them), at line 1.
  static func diagnostics(_ output: String, chapterPath: String, causeKnown: Bool = false) -> [Diagnostic] {
    let all = entries(output, severity: "error", chapterPath: chapterPath)
    var found = all.filter { $0.inChapter }.map(\.diagnostic)
    if found.isEmpty && causeKnown { return [] }
    if found.isEmpty {
      for entry in all where !found.contains(where: { $0.message == entry.diagnostic.message }) {
        found.append(entry.diagnostic)
      }
    }
    if found.isEmpty {
      found.append(
        Diagnostic(
          file: chapterPath, line: 1, message: "the chapter program did not compile",
          detail: output.trimmingCharacters(in: .newlines)))
    }
    return found
  }

  /// The compiler's warnings at chapter lines, as warnings there (one per line and message);
  /// warnings about the generated code around the cells are not the author's and are left out.
  static func warnings(_ output: String, chapterPath: String) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for entry in entries(output, severity: "warning", chapterPath: chapterPath) where entry.inChapter {
      let diagnostic = entry.diagnostic
      if !found.contains(where: { $0.line == diagnostic.line && $0.message == diagnostic.message }) {
        found.append(diagnostic)
      }
    }
    return found
  }

  /// Every `location: severity: message` line of `output`, with the lines under it up to the
  /// next diagnostic or blank line.
  private static func entries(_ output: String, severity: String, chapterPath: String)
    -> [(diagnostic: Diagnostic, inChapter: Bool)]
  {
    let marker = ": \(severity): "
    var found: [(diagnostic: Diagnostic, inChapter: Bool)] = []
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (index, line) in lines.enumerated() {
      guard let range = line.range(of: marker) else { continue }
      let location = line[..<range.lowerBound]
      let message = String(line[range.upperBound...])
      let parts = location.split(separator: ":")
      var detail: [String] = []
      for next in lines.dropFirst(index + 1) {
        if next.range(of: ": error: ") != nil || next.range(of: ": warning: ") != nil || next.isEmpty {
          break
        }
        detail.append(next)
      }
      let kind: Diagnostic.Severity = severity == "warning" ? .warning : .error
      if location.hasPrefix(chapterPath + ":"), parts.count >= 2, let number = Int(parts[parts.count - 2]) {
        found.append(
          (
            Diagnostic(
              file: chapterPath, line: number, column: Int(parts[parts.count - 1]), severity: kind,
              message: message, detail: detail.joined(separator: "\n")), true
          ))
      } else {
        found.append(
          (
            Diagnostic(
              file: chapterPath, line: 1, severity: kind,
              message: "in the code generated around the cells: \(message)"), false
          ))
      }
    }
    return found
  }
}

/// What a cell wrote to stderr, as a note at the cell for the terminal (the page shows the text
/// under the cell itself).
enum StandardError {
  /// The most lines of a cell's stderr printed in the terminal.
  static let shownLines = 20

  /// The message of the note, which the page leaves out.
  static let message = "the cell wrote to stderr (shown under it on the page, never compared)"

  /// A note at the cell's first code line holding up to `shownLines` lines of `text`.
  static func note(_ text: String, cell: Cell, path: String) -> Diagnostic {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    while lines.last?.isEmpty == true { lines.removeLast() }
    var detail = lines.prefix(shownLines).map { "  " + $0 }.joined(separator: "\n")
    if lines.count > shownLines { detail += "\n  ... \(lines.count - shownLines) more lines" }
    return Diagnostic(file: path, line: cell.codeLine, severity: .note, message: message, detail: detail)
  }
}
