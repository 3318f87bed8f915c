import Foundation

/// A parsed chapter: its Markdown source, title, Swift cells with their expected outputs, the
/// `{{name}}` references of its prose, and the problems found while parsing.
public struct Chapter: Sendable {
  /// The path as shown in diagnostics and used in `#sourceLocation` (e.g. `chapters/01-x.md`).
  public var path: String
  /// The Markdown source.
  public var source: String
  /// The text of the first `# ` heading (or the file name when there is none).
  public var title: String
  /// The Swift cells in order.
  public var cells: [Cell]
  /// Every `{{name}}` in prose with its line.
  public var references: [(name: String, line: Int)]
  /// Problems in the Markdown itself (unknown options, stray output blocks).
  public var diagnostics: [Diagnostic]

  /// The file name without directory and extension (`01-neural-networks`).
  public var slug: String {
    let name = (path as NSString).lastPathComponent
    return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
  }

  /// Parses a chapter from its Markdown source.
  public init(path: String, source original: String) {
    self.path = path
    self.source = original
    // Parsed with LF line ends ("\r\n" is one Character in Swift, so line splits would miss it);
    // line numbers are the same, and `source` keeps the file as written.
    let source = original.replacingOccurrences(of: "\r\n", with: "\n")
    let protection = MathProtection(source: source)
    var cells: [Cell] = []
    var diagnostics: [Diagnostic] = []
    var lastBlockWasCell = false
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    for block in CommonMark.codeBlocks(in: protection.protectedText) where block.isFenced {
      let closed = Chapter.closesFence(lines: lines, block: block)
      if !closed && Chapter.reachesTheEnd(lines: lines, block: block) {
        diagnostics.append(Chapter.unterminatedFence(block, lines: lines, path: path))
      }
      let words = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      let language = words.first ?? ""
      // Exercise blocks (`swift exercise=NAME stub`) are not cells: see `ChapterExercises`.
      if language == "swift" && !Exercise.isExerciseBlock(words) {
        var options = CellOptions()
        for word in words.dropFirst() {
          switch word {
          case "hide": options.hide = true
          case "norun": options.norun = true
          case "traps": options.traps = true
          case "volatile": options.volatile = true
          case "live": options.live = true
          default:
            diagnostics.append(
              Diagnostic(
                file: path, line: block.startLine,
                message: "unknown cell option '\(word)' (known: \(CellOptions.names.joined(separator: ", ")))"
              ))
          }
        }
        if options.norun && (options.traps || options.hide || options.volatile) {
          diagnostics.append(
            Diagnostic(
              file: path, line: block.startLine,
              message: "a norun cell does not run, so it cannot also be hide, traps or volatile"))
        }
        if options.live && (options.norun || options.traps || options.volatile) {
          diagnostics.append(
            Diagnostic(
              file: path, line: block.startLine,
              message:
                "a live cell reruns in the reader's browser with the build's exact output, so it "
                + "cannot also be norun, traps or volatile"))
        }
        if let problem = CellSyntax.problem(in: block.literal) {
          diagnostics.append(
            Diagnostic(
              file: path, line: block.startLine + problem.line,
              message: "the cell does not parse on its own: \(problem.message)"))
        }
        cells.append(
          Cell(index: cells.count, options: options, code: block.literal, fenceLine: block.startLine))
        lastBlockWasCell = true
      } else if language == "output" {
        defer { lastBlockWasCell = false }
        guard lastBlockWasCell, let cell = cells.last, cell.expected == nil else {
          diagnostics.append(
            Diagnostic(
              file: path, line: block.startLine,
              message: "output block with no swift cell right before it"))
          continue
        }
        if cell.options.norun {
          diagnostics.append(
            Diagnostic(
              file: path, line: block.startLine,
              message: "output block after a norun cell (a norun cell has no output)"))
          continue
        }
        var expected = ExpectedOutput(
          text: block.literal, fenceLine: block.startLine,
          closingLine: closed ? block.endLine : nil,
          rtol: 1e-6, atol: 1e-12)
        for word in words.dropFirst() {
          let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
          if parts.count == 2, let value = Double(parts[1]), value >= 0,
            parts[0] == "rtol" || parts[0] == "atol"
          {
            if parts[0] == "rtol" { expected.rtol = value } else { expected.atol = value }
            expected.hasExplicitTolerance = true
          } else {
            diagnostics.append(
              Diagnostic(
                file: path, line: block.startLine,
                message: "unknown output option '\(word)' (known: rtol=NUMBER, atol=NUMBER)"))
          }
        }
        cells[cells.count - 1].expected = expected
      } else {
        lastBlockWasCell = false
      }
    }
    for problem in protection.problems {
      diagnostics.append(
        Diagnostic(
          file: path, line: problem.line, column: problem.column, severity: .warning,
          message: problem.message))
    }
    self.cells = cells
    self.diagnostics = diagnostics.sorted { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }
    self.references = Chapter.references(in: protection, source: source)
    let headings = CommonMark.headings(in: protection.protectedText)
    if let first = headings.first(where: { $0.level == 1 }) {
      title = protection.restore(first.text, escape: { $0 })
    } else {
      title = (path as NSString).lastPathComponent
    }
  }

  /// Whether the last line of `block` is a closing fence (not the end of the file); `lines` are
  /// the source's lines.
  static func closesFence(lines: [Substring], block: MarkdownCodeBlock) -> Bool {
    guard block.endLine > block.startLine else { return false }
    guard block.endLine - 1 < lines.count else { return false }
    let opening = Chapter.fenceLine(lines: lines, block: block)
    let closing = lines[block.endLine - 1].drop(while: { $0 == " " || $0 == ">" })
    guard let fenceCharacter = opening.first else { return false }
    let openRun = opening.prefix(while: { $0 == fenceCharacter }).count
    let closeRun = closing.prefix(while: { $0 == fenceCharacter }).count
    return closeRun >= openRun && closing.dropFirst(closeRun).allSatisfy { $0 == " " || $0 == "\t" }
  }

  /// Whether nothing but blank lines follows `block`: a fence that no closing fence and no end
  /// of a block quote or list item ends has swallowed the rest of the file.
  static func reachesTheEnd(lines: [Substring], block: MarkdownCodeBlock) -> Bool {
    lines.dropFirst(block.endLine).allSatisfy { $0.allSatisfy(\.isWhitespace) }
  }

  /// The opening line of `block` from its fence on (after any quote or list markers).
  static func fenceLine(lines: [Substring], block: MarkdownCodeBlock) -> Substring {
    guard block.startLine - 1 < lines.count else { return "" }
    let line = lines[block.startLine - 1]
    let column = min(max(block.startColumn - 1, 0), line.utf8.count)
    return Substring(line.utf8.dropFirst(column)) ?? line
  }

  /// The warning for a fence with no closing fence: the block runs to the end of the file,
  /// swallowing everything below it.
  static func unterminatedFence(_ block: MarkdownCodeBlock, lines: [Substring], path: String)
    -> Diagnostic
  {
    let opening = Chapter.fenceLine(lines: lines, block: block)
    let line = block.startLine - 1 < lines.count ? lines[block.startLine - 1] : ""
    let column = String(line.utf8.prefix(max(block.startColumn - 1, 0)))?.count ?? 0
    let fence = opening.prefix(while: { $0 == "`" || $0 == "~" })
    return Diagnostic(
      file: path, line: block.startLine, column: column + 1, severity: .warning,
      message: "unterminated \(fence) fence: no closing \(fence) line, so everything after it is code")
  }

  /// The `{{name}}` references in the prose, each with the line where it is written.
  /// Math spans count too: `$\approx {{speedup}}$` is filled like prose.
  static func references(in protection: MathProtection, source: String) -> [(name: String, line: Int)] {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    var found: [(name: String, line: Int)] = []
    for text in CommonMark.texts(in: protection.protectedText) {
      for name in PlaceholderSyntax.names(in: protection.restore(text.literal, escape: { $0 })) {
        let token = "{{\(name)}}"
        var line = text.line
        if let offset = lines.dropFirst(text.line - 1).firstIndex(where: { $0.contains(token) }) {
          line = offset + 1
        }
        found.append((name, line))
      }
    }
    return found
  }
}

/// The `{{name}}` syntax of prose placeholders.
enum PlaceholderSyntax {
  /// The names referenced as `{{name}}` in `text`, in order.
  static func names(in text: String) -> [String] {
    var names: [String] = []
    var rest = text[...]
    while let open = rest.range(of: "{{") {
      guard let close = rest[open.upperBound...].range(of: "}}") else { break }
      let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      if isName(name) { names.append(name) }
      rest = rest[close.upperBound...]
    }
    return names
  }

  /// `text` with every `{{name}}` replaced by `value(name)` (unknown names are left as written).
  static func fill(_ text: String, value: (String) -> String?) -> String {
    var result = ""
    var rest = text[...]
    while let open = rest.range(of: "{{") {
      guard let close = rest[open.upperBound...].range(of: "}}") else { break }
      let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      result += rest[..<open.lowerBound]
      if isName(name), let filled = value(name) {
        result += filled
      } else {
        result += rest[open.lowerBound..<close.upperBound]
      }
      rest = rest[close.upperBound...]
    }
    return result + rest
  }

  static func isName(_ name: String) -> Bool {
    !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
  }
}
