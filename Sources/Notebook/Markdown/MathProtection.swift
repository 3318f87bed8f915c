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

    func flushParagraph() {
      output.append(contentsOf: MathProtection.protectInline(paragraph, spans: &spans))
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
      paragraph.append(contentsOf: line)
      paragraph.append(contentsOf: newline)
    }
    flushParagraph()
    protectedText = String(output)
    self.spans = spans
  }

  /// Protects the math of one run of non-blank lines outside code fences.
  static func protectInline(_ text: [Character], spans: inout [String]) -> [Character] {
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
      }
      result.append(character)
      index += 1
    }
    return result
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
    let marker = "CMPH"
    guard html.contains(marker) else { return html }
    var result = ""
    result.reserveCapacity(html.utf8.count)
    var rest = html[...]
    while let range = rest.range(of: marker) {
      result += rest[..<range.lowerBound]
      var after = rest[range.upperBound...]
      if after.hasPrefix("DOLLAR") {
        result += "$"
        rest = after.dropFirst("DOLLAR".count)
      } else if after.hasPrefix("MATH"), let (number, tail) = MathProtection.number(after.dropFirst(4)),
        number < spans.count
      {
        let span = spans[number]
        if markup {
          let display = span.hasPrefix("$$")
          let tex = String(span.dropFirst(display ? 2 : 1).dropLast(display ? 2 : 1))
          result += "<span class=\"math \(display ? "display" : "inline")\">\(escape(tex))</span>"
        } else {
          result += escape(span)
        }
        after = tail
        // Skip the continuation tokens that kept the span's line breaks.
        let continuation = "\(marker)CONT\(number)X"
        while true {
          let trimmed = after.drop(while: { $0 == "\n" || $0 == " " })
          guard trimmed.hasPrefix(continuation) else { break }
          after = trimmed.dropFirst(continuation.count)
        }
        rest = after
      } else if after.hasPrefix("CONT"), let (_, tail) = MathProtection.number(after.dropFirst(4)) {
        rest = tail
      } else {
        result += marker
        rest = after
      }
    }
    result += rest
    return result
  }

  /// The number and the text after `<digits>X` at the start of `text`.
  private static func number(_ text: Substring) -> (Int, Substring)? {
    let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
    guard !digits.isEmpty, let value = Int(digits) else { return nil }
    let tail = text.dropFirst(digits.count)
    guard tail.first == "X" else { return nil }
    return (value, tail.dropFirst())
  }
}

extension String {
  /// This string with every occurrence of `target` replaced (no Foundation needed).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.range(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
