/// The Swift source of a chapter's live cells for the browser build: one exported function per
/// live cell that reads the page's control values, runs the cell's code, and prints the HTML of
/// its outputs as the build renders them (`CellOutputHTML`).
///
/// A live cell's code is the body of a function there, under a `#sourceLocation` at its
/// Markdown line, so a compile error is reported where the author wrote it. It sees the
/// library and the notebook runtime, not the chapter's earlier cells.
struct LiveCellSource {
  /// The chapter's live cells, in order.
  var cells: [Cell]
  /// The module the cells compile into (one per chapter).
  var moduleName: String
  /// The source.
  var text: String

  init(chapter: Chapter) {
    cells = chapter.cells.filter(\.options.live)
    let stem = LiveCellSource.identifier(chapter.slug)
    moduleName = "LiveCells_" + stem
    var lines = ["import DeepLearning", "import NotebookRuntime", "import OutputRendering", ""]
    let file = ChapterProgram.quoted(chapter.path)
    for cell in cells {
      let name = LiveCellSource.exportName(slug: chapter.slug, cell: cell.index)
      let body = cell.code.hasSuffix("\n") || cell.code.isEmpty ? cell.code : cell.code + "\n"
      lines += [
        "@_expose(wasm, \"\(name)\")",
        "@_cdecl(\"\(name)\")",
        "public func \(name)(_ inputCount: Int32) {",
        "  LiveSession.begin(inputCount: inputCount)",
        "  \(name)_body()",
        "  let items = CellOutputHTML.items(LiveSession.finish())",
        "  Swift.print(CellOutputHTML.html(items, cell: \(cell.index)), terminator: \"\")",
        "}",
        "",
        "func \(name)_body() {",
        "#sourceLocation(file: \(file), line: \(cell.codeLine))",
        body + "#sourceLocation()",
        "}",
        "",
      ]
    }
    text = lines.joined(separator: "\n")
  }

  /// The export that runs cell `cell` of the chapter `slug`: `live_11_planar_flower_7`.
  static func exportName(slug: String, cell: Int) -> String {
    "live_\(identifier(slug))_\(cell)"
  }

  /// `text` with every character that cannot be in a Swift identifier replaced by `_`.
  static func identifier(_ text: String) -> String {
    String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
  }
}
