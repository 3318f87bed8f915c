/// The check that a cell stands on its own: its braces, brackets, parentheses, string literals
/// and block comments open and close within the cell. The engine joins a chapter's cells into
/// one program, so a `{` left open in one cell would otherwise be closed by a later one, and the
/// program would compile with the first cell's output shown under the wrong code.
///
/// The scan knows enough Swift to skip what is not code: `//` and nested `/* */` comments,
/// string literals (`"..."`, multi-line `"""`, raw `#"..."#`), and code inside string
/// interpolations `\( )`, which is scanned as code.
enum CellSyntax {
  /// A problem at a line of the cell's code (1-based).
  struct Problem: Equatable {
    var line: Int
    var message: String
  }

  /// The first thing in `code` that does not close within it, or nil.
  static func problem(in code: String) -> Problem? {
    var scanner = Scanner(Array(code.unicodeScalars))
    return scanner.run()
  }

  private enum Open {
    case bracket(Character, line: Int)
    /// The `\(` of an interpolation in a string of the given kind.
    case interpolation(StringKind, line: Int)
  }

  private struct StringKind {
    var multiline: Bool
    var hashes: Int
  }

  private struct Scanner {
    let text: [Unicode.Scalar]
    var i = 0
    var line = 1
    var stack: [Open] = []

    init(_ text: [Unicode.Scalar]) { self.text = text }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
      i + offset < text.count ? text[i + offset] : nil
    }

    func starts(with s: String, at offset: Int = 0) -> Bool {
      var k = i + offset
      for scalar in s.unicodeScalars {
        guard k < text.count, text[k] == scalar else { return false }
        k += 1
      }
      return true
    }

    mutating func advance() {
      if text[i] == "\n" { line += 1 }
      i += 1
    }

    mutating func run() -> Problem? {
      while i < text.count {
        if let problem = code() { return problem }
      }
      guard let last = stack.last else { return nil }
      switch last {
      case .bracket(let opener, let line):
        return Problem(line: line, message: "'\(opener)' is not closed in this cell")
      case .interpolation(_, let line):
        return Problem(line: line, message: "string interpolation '\\(' is not closed in this cell")
      }
    }

    /// One step in code: a comment, a string, a bracket, or any other character.
    mutating func code() -> Problem? {
      let c = text[i]
      if starts(with: "//") {
        while i < text.count && text[i] != "\n" { i += 1 }
        return nil
      }
      if starts(with: "/*") { return blockComment() }
      if c == "#" || c == "\"" {
        var hashes = 0
        while peek(hashes) == "#" { hashes += 1 }
        if peek(hashes) == "\"" {
          i += hashes
          return string(hashes: hashes)
        }
        advance()
        return nil
      }
      switch c {
      case "{", "(", "[":
        stack.append(.bracket(Character(c), line: line))
      case "}", ")", "]":
        let expected: Character = c == "}" ? "{" : c == ")" ? "(" : "["
        switch stack.last {
        case .bracket(let opener, _) where opener == expected:
          stack.removeLast()
        case .interpolation(let kind, _) where c == ")":
          stack.removeLast()
          advance()
          return stringBody(kind, openedAt: line)
        case .bracket(let opener, let openLine):
          return Problem(
            line: line, message: "'\(Character(c))' does not match the '\(opener)' of line \(openLine)")
        default:
          return Problem(line: line, message: "'\(Character(c))' closes nothing opened in this cell")
        }
      default:
        break
      }
      advance()
      return nil
    }

    mutating func blockComment() -> Problem? {
      let start = line
      var depth = 0
      while i < text.count {
        if starts(with: "/*") {
          depth += 1
          i += 2
        } else if starts(with: "*/") {
          depth -= 1
          i += 2
          if depth == 0 { return nil }
        } else {
          advance()
        }
      }
      return Problem(line: start, message: "block comment '/*' is not closed in this cell")
    }

    /// A string literal whose opening quote is at `i`, after `hashes` `#`s.
    mutating func string(hashes: Int) -> Problem? {
      let start = line
      let multiline = starts(with: "\"\"\"")
      i += multiline ? 3 : 1
      return stringBody(StringKind(multiline: multiline, hashes: hashes), openedAt: start)
    }

    /// The rest of a string literal, up to its closing delimiter or an interpolation.
    mutating func stringBody(_ kind: StringKind, openedAt start: Int) -> Problem? {
      let quotes = kind.multiline ? "\"\"\"" : "\""
      let closing = quotes + String(repeating: "#", count: kind.hashes)
      let escape = "\\" + String(repeating: "#", count: kind.hashes)
      while i < text.count {
        if !kind.multiline && text[i] == "\n" { break }
        if starts(with: escape) {
          i += escape.unicodeScalars.count
          if peek() == "(" {
            stack.append(.interpolation(kind, line: line))
            advance()
            return nil
          }
          if i < text.count { advance() }
          continue
        }
        if starts(with: closing) {
          i += closing.unicodeScalars.count
          return nil
        }
        advance()
      }
      return Problem(line: start, message: "string literal is not closed in this cell")
    }
  }
}
