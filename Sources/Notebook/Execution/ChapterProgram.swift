/// The Swift program generated for one chapter: every cell in order as top-level code, each
/// under a `#sourceLocation` pointing at its Markdown line, separated by cell markers.
///
/// - `traps` cells run only in a traps run aimed at them (`NotebookSession.shouldRun`), so
///   their declarations are local to the cell.
/// - `norun` cells are compiled inside a branch that never runs (their declarations are local
///   too).
/// - `live` cells run in a `do` block: their declarations are local, as in the browser build,
///   where each is the body of a function.
public struct ChapterProgram: Sendable, Equatable {
  /// The complete `main.swift` source.
  public var source: String

  /// The modules every chapter program imports.
  public static let imports = ["DeepLearning", "NotebookRuntime"]

  /// Generates the program for `chapter`; `sourcePath` is the file name compiler errors and
  /// traps report (usually the chapter path).
  public init(chapter: Chapter, sourcePath: String? = nil) {
    let file = ChapterProgram.quoted(sourcePath ?? chapter.path)
    var lines: [String] = ChapterProgram.imports.map { "import \($0)" }
    lines.append("let companionNeverRuns = CommandLine.arguments.isEmpty")
    lines.append("NotebookSession.start()")
    for cell in chapter.cells {
      lines.append("NotebookSession.beginCell(\(cell.index))")
      let body = cell.code.hasSuffix("\n") || cell.code.isEmpty ? cell.code : cell.code + "\n"
      let located = "#sourceLocation(file: \(file), line: \(cell.codeLine))\n" + body + "#sourceLocation()"
      if cell.options.traps {
        lines.append("if NotebookSession.shouldRun(trapsCell: \(cell.index)) {")
        lines.append(located)
        lines.append("NotebookSession.finishTrapRun(\(cell.index))")
        lines.append("}")
      } else if cell.options.live {
        // A live cell is a function body in the browser build: here too its names are its own.
        lines.append("do {")
        lines.append(located)
        lines.append("}")
      } else if cell.options.norun {
        lines.append("if companionNeverRuns {")
        lines.append(located)
        lines.append("}")
      } else {
        lines.append(located)
      }
    }
    lines.append("NotebookSession.end()")
    source = lines.joined(separator: "\n") + "\n"
  }

  /// A Swift string literal for `text`.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for character in text {
      switch character {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      default: result.append(character)
      }
    }
    return result + "\""
  }
}
