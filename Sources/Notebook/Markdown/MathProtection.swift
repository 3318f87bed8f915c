import Foundation

/// Hides TeX math (`$...$`, `$$...$$`) and escaped dollars (`\$`) from the Markdown parser and
/// puts them back into the rendered HTML.
///
/// cmark would otherwise read `a^{[2](i)}` as a link and `x_1 * y_2` as emphasis. Each math span
/// becomes an alphanumeric placeholder that cmark leaves alone; a span that covers several lines
/// keeps its line breaks (as continuation placeholders) so line numbers of everything below
/// stay right. Code spans and fenced code blocks are never touched.
public struct MathProtection: Sendable {
  /// The source with math replaced by placeholders.
  public var protectedText: String
  /// The original math spans, delimiters included, by placeholder number.
  public var spans: [String]
  /// Dollars that open math nothing closes, in source order.
  public var problems: [MathProblem] = []

  static let prefix = "CMPHMATH"
  static let continuation = "CMPHCONT"
  static let dollar = "CMPHDOLLAR"

  /// Replaces the math of `source` with placeholders.
  public init(source: String) {
    var output: [Character] = []
    var spans: [String] = []
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    var fence: (character: Character, count: Int)? = nil
    var paragraph: [Character] = []
    var paragraphLine = 1
    var problems: [MathProblem] = []

    func flushParagraph() {
      output.append(
        contentsOf: MathProtection.protectInline(
          paragraph, spans: &spans, firstLine: paragraphLine, problems: &problems))
      paragraph.removeAll()
    }

    for (number, line) in lines.enumerated() {
      let newline: [Character] = number == lines.count - 1 ? [] : ["\n"]
      let trimmed = line.drop(while: { $0 == " " })
      let indent = line.count - trimmed.count
      if let open = fence {
        output.append(contentsOf: line)
        output.append(contentsOf: newline)
        let run = trimmed.prefix(while: { $0 == open.character })
        if indent < 4 && run.count >= open.count
          && trimmed.dropFirst(run.count).allSatisfy({ $0 == " " || $0 == "\t" })
        {
          fence = nil
        }
        continue
      }
      if indent < 4, let first = trimmed.first, first == "`" || first == "~" {
        let run = trimmed.prefix(while: { $0 == first })
        if run.count >= 3 && !(first == "`" && trimmed.dropFirst(run.count).contains("`")) {
          flushParagraph()
          fence = (first, run.count)
          output.append(contentsOf: line)
          output.append(contentsOf: newline)
          continue
        }
      }
      if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) {
        flushParagraph()
        output.append(contentsOf: line)
        output.append(contentsOf: newline)
        continue
      }
      if paragraph.isEmpty { paragraphLine = number + 1 }
      paragraph.append(contentsOf: line)
      paragraph.append(contentsOf: newline)
    }
    flushParagraph()
    protectedText = String(output)
    self.spans = spans
    self.problems = problems
  }

  /// Protects the math of one run of non-blank lines outside code fences (starting at line
  /// `firstLine`), noting in `problems` each dollar that opens math nothing closes.
  static func protectInline(
    _ text: [Character], spans: inout [String], firstLine: Int = 1, problems: inout [MathProblem]
  ) -> [Character] {
    var result: [Character] = []
    var index = 0
    while index < text.count {
      let character = text[index]
      if character == "\\" && index + 1 < text.count {
        if text[index + 1] == "$" {
          result.append(contentsOf: dollar)
          index += 2
        } else {
          result.append(character)
          result.append(text[index + 1])
          index += 2
        }
        continue
      }
      if character == "`" {
        // A code span: copy it unchanged up to the matching backtick run.
        var run = 0
        while index + run < text.count && text[index + run] == "`" { run += 1 }
        if let end = closingBackticks(text, from: index + run, count: run) {
          result.append(contentsOf: text[index..<end])
          index = end
        } else {
          result.append(contentsOf: text[index..<(index + run)])
          index += run
        }
        continue
      }
      if character == "$" {
        let display = index + 1 < text.count && text[index + 1] == "$"
        if let end = closingDollar(text, from: index, display: display) {
          let span = String(text[index..<end])
          let number = spans.count
          spans.append(span)
          result.append(contentsOf: "\(prefix)\(number)X")
          for _ in span.filter({ $0 == "\n" }) {
            result.append("\n")
            result.append(contentsOf: "\(continuation)\(number)X")
          }
          index = end
          continue
        }
        if let message = unbalancedMessage(text, at: index, display: display) {
          let (line, column) = position(of: index, in: text, firstLine: firstLine)
          problems.append(MathProblem(line: line, column: column, message: message))
        }
        if display {
          // Both dollars of an unclosed `$$` are text; the second must not open inline math.
          result.append(contentsOf: "$$")
          index += 2
          continue
        }
      }
      result.append(character)
      index += 1
    }
    return result
  }

  /// Why the `$` (or `$$`) at `index`, which no delimiter closes, is worth a warning, or nil for
  /// a dollar that was never meant as math: one before a space or a digit (`$ 5`, `$5`).
  static func unbalancedMessage(_ text: [Character], at index: Int, display: Bool) -> String? {
    if display { return "unbalanced $$: nothing in this paragraph closes it (write \\$ for a dollar sign)" }
    guard index + 1 < text.count else { return nil }
    let next = text[index + 1]
    if next == " " || next == "\n" || next == "\t" || next.isNumber { return nil }
    return "unbalanced $: nothing in this paragraph closes it (a closing $ follows a non-space and "
      + "comes before no digit; write \\$ for a dollar sign)"
  }

  /// The 1-based line and column of `text[index]`, `text` starting at `firstLine`.
  static func position(of index: Int, in text: [Character], firstLine: Int) -> (Int, Int) {
    var line = firstLine
    var column = 1
    for character in text[..<index] {
      if character == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }

  /// The index just past the backtick run of length `count` that closes a code span.
  static func closingBackticks(_ text: [Character], from start: Int, count: Int) -> Int? {
    var index = start
    while index < text.count {
      if text[index] == "`" {
        var run = 0
        while index + run < text.count && text[index + run] == "`" { run += 1 }
        if run == count { return index + run }
        index += run
      } else {
        index += 1
      }
    }
    return nil
  }

  /// The index just past the closing delimiter of the math span that opens at `start`.
  ///
  /// Inline math needs a non-space after the opening `$`, a non-space before the closing `$`,
  /// and no digit right after it (so `$5 and $10` is not math).
  static func closingDollar(_ text: [Character], from start: Int, display: Bool) -> Int? {
    let open = display ? 2 : 1
    var index = start + open
    guard index < text.count else { return nil }
    if !display && (text[index] == " " || text[index] == "\n") { return nil }
    while index < text.count {
      let character = text[index]
      if character == "\\" {
        index += 2
        continue
      }
      if character == "$" {
        if display {
          if index + 1 < text.count && text[index + 1] == "$" && index > start + 2 { return index + 2 }
          if index + 1 >= text.count || text[index + 1] != "$" { return nil }
        } else {
          let before = text[index - 1]
          if index == start + 1 || before == " " || before == "\n" { return nil }
          if index + 1 < text.count && text[index + 1].isNumber { return nil }
          return index + 1
        }
      }
      index += 1
    }
    return nil
  }

  /// Puts the math and the escaped dollars back into `text`.
  ///
  /// With `markup` (rendered HTML), each math span becomes an element the page's script renders
  /// with KaTeX, its TeX without the delimiters: `<span class="math inline">x^2</span>` for
  /// `$x^2$`, `<span class="math display">...</span>` for `$$...$$`. This is the only math on a
  /// page: the browser renders exactly these elements and never looks for dollars itself.
  /// Without `markup` (titles, plain text) a span comes back as written, delimiters included.
  /// `escape` is applied to what is put back (the TeX with `markup`, the whole span without);
  /// a `\$` becomes a plain `$`. One pass over the text.
  public func restore(_ html: String, markup: Bool = false, escape: (String) -> String) -> String {
    guard html.contains("CMPH") else { return html }
    // Over the UTF-8 bytes: `String.range(of:)` from Foundation costs a UTF-16 index
    // conversion per call, which made this the slowest step of rendering a page.
    let bytes = Array(html.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "C"), MathProtection.matches("CMPH", bytes, at: index) else {
        result.append(bytes[index])
        index += 1
        continue
      }
      let after = index + 4
      if MathProtection.matches("DOLLAR", bytes, at: after) {
        result.append(UInt8(ascii: "$"))
        index = after + 6
      } else if MathProtection.matches("MATH", bytes, at: after),
        let (number, tail) = MathProtection.number(bytes, at: after + 4), number < spans.count
      {
        let span = spans[number]
        if markup {
          let display = span.hasPrefix("$$")
          let tex = String(span.dropFirst(display ? 2 : 1).dropLast(display ? 2 : 1))
          result += Array("<span class=\"math \(display ? "display" : "inline")\">\(escape(tex))</span>".utf8)
        } else {
          result += Array(escape(span).utf8)
        }
        index = tail
        // Skip the continuation tokens that kept the span's line breaks.
        let continuation = "CMPHCONT\(number)X"
        while true {
          var next = index
          while next < bytes.count && (bytes[next] == UInt8(ascii: "\n") || bytes[next] == UInt8(ascii: " "))
          {
            next += 1
          }
          guard MathProtection.matches(continuation, bytes, at: next) else { break }
          index = next + continuation.utf8.count
        }
      } else if MathProtection.matches("CONT", bytes, at: after),
        let (_, tail) = MathProtection.number(bytes, at: after + 4)
      {
        index = tail
      } else {
        result += Array("CMPH".utf8)
        index = after
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// Whether `bytes` holds `text` at `offset`.
  private static func matches(_ text: String, _ bytes: [UInt8], at offset: Int) -> Bool {
    var position = offset
    for byte in text.utf8 {
      guard position < bytes.count, bytes[position] == byte else { return false }
      position += 1
    }
    return true
  }

  /// The number of `<digits>X` at `offset` in `bytes` and the offset after the `X`.
  private static func number(_ bytes: [UInt8], at offset: Int) -> (Int, Int)? {
    var position = offset
    var value = 0
    while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
      guard position - offset < 9 else { return nil }
      value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
      position += 1
    }
    guard position > offset, position < bytes.count, bytes[position] == UInt8(ascii: "X") else { return nil }
    return (value, position + 1)
  }
}

/// A dollar that opens math nothing closes, at a 1-based line and column of the source.
public struct MathProblem: Sendable, Equatable {
  /// The line.
  public var line: Int
  /// The column, in characters.
  public var column: Int
  /// What is wrong, for the warning.
  public var message: String
}

extension Substring {
  /// The first occurrence of `target`, found byte by byte in the UTF-8 (Foundation's
  /// `range(of:)` converts to UTF-16 offsets at every call, which is slow on long pages).
  func utf8Range(of target: String) -> Range<String.Index>? {
    let needle = Array(target.utf8)
    guard let first = needle.first else { return nil }
    let bytes = utf8
    var from = bytes.startIndex
    while let hit = bytes[from...].firstIndex(of: first) {
      var end = hit
      var matched = 0
      while matched < needle.count, end < bytes.endIndex, bytes[end] == needle[matched] {
        bytes.formIndex(after: &end)
        matched += 1
      }
      if matched == needle.count { return hit..<end }
      from = bytes.index(after: hit)
    }
    return nil
  }
}

extension String {
  /// This string with every occurrence of `target` replaced (no Foundation needed).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.utf8Range(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
