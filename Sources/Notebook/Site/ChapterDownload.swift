import Foundation

/// A chapter's cells as one Swift program a reader can take away (`NN-slug.swift` beside the
/// page): the program the engine compiles, without its cell bookkeeping and `#sourceLocation`
/// lines, under a header comment that says how to compile and run it against the library.
///
/// Each cell is preceded by a comment naming its Markdown line (and the section it is in, when
/// that changes). `norun` and `traps` cells keep the engine's semantics: they sit inside an `if`
/// on a constant that is false (so what they declare stays local to them, as on the page);
/// setting it to true runs them.
enum ChapterDownload {
  /// The file name of the program (`05-broadcasting.swift`).
  static func fileName(for chapter: Chapter) -> String { chapter.slug + ".swift" }

  /// The flag that runs `norun` cells.
  static let norunFlag = "runCellsShownWithoutRunning"
  /// The flag that runs `traps` cells.
  static let trapsFlag = "runCellsThatTrap"

  /// The chapter's file as the download names it: its folder's name and its own
  /// (`chapters/02-x.md`), never a path of the machine that built the site.
  static func shownPath(_ chapter: Chapter) -> String {
    let file = URL(fileURLWithPath: chapter.path)
    let folder = file.deletingLastPathComponent().lastPathComponent
    return folder.isEmpty || folder == "/" ? file.lastPathComponent : "\(folder)/\(file.lastPathComponent)"
  }

  /// The program's source.
  static func source(for chapter: Chapter, sourceURL: String? = nil) -> String {
    let name = fileName(for: chapter)
    let program = chapter.slug
    var lines = [
      "// \(name): the Swift cells of \"\(chapter.title)\" (\(shownPath(chapter))) as one program, in the",
      "// order the page shows them. The outputs on the page are what this program printed.",
      "//",
      "// Compile and run it from the companion's package folder (the first command builds the",
      "// DeepLearning library once):",
      "//",
      "//   swift build -c release --product ChapterSupport",
      "//   swiftc -swift-version 5 -I .build/release/Modules -I Sources/COpenBLAS \\",
      "//     -L .build/release -lChapterSupport -Xlinker -rpath -Xlinker .build/release \\",
      "//     \(name) -o \(program)",
      "//   ./\(program)",
      "//",
      "// Tables and plots print as text in the terminal.",
    ]
    if let sourceURL {
      lines += ["//", "// The companion's package (its source): \(sourceURL)"]
    }
    lines.append("")
    lines += ChapterProgram.imports.map { "import \($0)" }
    if chapter.cells.contains(where: \.options.norun) {
      lines += [
        "", "/// Cells the page shows without running them (`norun`): true runs them too.",
        "let \(norunFlag) = false",
      ]
    }
    if chapter.cells.contains(where: \.options.traps) {
      lines += [
        "", "/// Cells that stop the program with a trap, as the page shows (`traps`): true runs them,",
        "/// and the program stops at the first one.", "let \(trapsFlag) = false",
      ]
    }
    let protection = MathProtection(source: chapter.source)
    let headings = CommonMark.headings(in: protection.protectedText).filter { $0.level >= 2 }
    var section: Int? = nil
    for cell in chapter.cells {
      lines.append("")
      if let current = headings.lastIndex(where: { $0.line < cell.fenceLine }), current != section {
        section = current
        let title = protection.restore(headings[current].text, escape: { $0 })
        lines.append("// MARK: - \(title)")
        lines.append("")
      }
      let code = cell.code.hasSuffix("\n") ? String(cell.code.dropLast()) : cell.code
      lines.append("// \(shownPath(chapter)):\(cell.codeLine)")
      if cell.options.norun || cell.options.traps {
        lines.append("if \(cell.options.norun ? norunFlag : trapsFlag) {")
        lines += code.split(separator: "\n", omittingEmptySubsequences: false).map {
          $0.isEmpty ? "" : "  " + $0
        }
        lines.append("}")
      } else {
        lines.append(code)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
