/// Hides TeX math (`$...$`, `$$...$$`) from the Markdown parser and puts it back into the
/// rendered HTML.
///
/// cmark would otherwise read `a^{[2](i)}` as a link and `x_1 * y_2` as emphasis. Math is found
/// only where CommonMark has prose: the source is parsed once with every dollar tagged, and a
/// dollar counts as a delimiter only when cmark puts it in the text of a paragraph or heading
/// (never in code, raw HTML, a destination, a title, an autolink, a reference definition or an
/// image description). A span opens and closes in the same block and in the same link (or
/// outside links), and everything between its delimiters is TeX. Each span becomes an
/// alphanumeric placeholder that cmark leaves alone; a span over several lines keeps its line
/// breaks and the block quote markers of its lines (as continuation placeholders), so the block
/// structure and the line numbers of everything below stay as written. `\$` is left to cmark,
/// which makes it a dollar in prose and keeps the backslash in code and raw HTML.
public struct MathProtection: Sendable {
  /// The source with math replaced by placeholders.
  public var protectedText: String
  /// The original math spans, delimiters included, by placeholder number.
  public var spans: [String]
  /// Dollars that open math nothing closes, in source order.
  public var problems: [MathProblem] = []
  /// The word every placeholder starts with: `CMPH`, lengthened until the source does not
  /// contain it, so a word written in the prose is never taken for a placeholder.
  let marker: String

  /// A dollar of the source and where cmark put it.
  struct Dollar {
    /// Its UTF-8 offset in the source.
    var offset: Int
    /// The paragraph or heading whose text holds it; nil anywhere else.
    var block: Int?
    /// The link around it, if any.
    var link: Int?
    /// How many raw inline HTML nodes come before it.
    var inlineHTML = 0
    /// How many block quotes hold its block.
    var quotes = 0
    /// Whether it appears anywhere in the parsed document (not only in a reference definition).
    var seen = false
    /// Whether an odd number of backslashes precedes it (`\$`).
    var escaped = false
  }

  /// Replaces the math of `source` with placeholders.
  public init(source: String) {
    let bytes = Array(source.utf8)
    var marker = "CMPH"
    while source.utf8Range(of: marker) != nil { marker += "Q" }
    self.marker = marker
    let dollars = MathProtection.dollars(in: bytes)
    var rejected: Set<String> = []
    while true {
      let found = MathProtection.spans(in: bytes, dollars: dollars, rejecting: rejected)
      let (text, spans, written) = MathProtection.protect(bytes, found.spans, marker: marker)
      // cmark reads the protected text as it read the source; a placeholder that still lands
      // outside prose (an edge no tagging foresaw) gives its span back to Markdown.
      let misplaced = MathProtection.misplaced(in: text, spans: written, marker: marker)
      if misplaced.isEmpty || misplaced.isSubset(of: rejected) {
        protectedText = text
        self.spans = spans
        problems = found.problems
        return
      }
      rejected.formUnion(misplaced)
    }
  }

  /// Every dollar of `bytes`, tagged with where cmark puts it: the source is parsed once with
  /// each dollar replaced by its own private-use character, which no Markdown rule treats
  /// differently from a dollar in code, HTML, destinations, titles and text. The one place it
  /// would, an email autolink (`<a$b@example.com>`), keeps its dollar, which is never math.
  static func dollars(in bytes: [UInt8]) -> [Dollar] {
    let first: UInt32 = 0xF0000
    let limit = 0xFFFFD - Int(first)
    var dollars: [Dollar] = []
    var probe: [UInt8] = []
    probe.reserveCapacity(bytes.count + bytes.count / 8)
    for (offset, byte) in bytes.enumerated() {
      guard byte == UInt8(ascii: "$"), dollars.count < limit, !insideEmailAutolink(bytes, at: offset) else {
        probe.append(byte)
        continue
      }
      var backslashes = 0
      while offset - backslashes > 0 && bytes[offset - backslashes - 1] == UInt8(ascii: "\\") {
        backslashes += 1
      }
      probe += Array(String(Unicode.Scalar(first + UInt32(dollars.count))!).utf8)
      dollars.append(Dollar(offset: offset, escaped: backslashes % 2 == 1))
    }
    guard !dollars.isEmpty else { return [] }
    let prose = CommonMark.prose(in: String(decoding: probe, as: UTF8.self))
    func tagged(_ literal: String) -> [Int] {
      literal.unicodeScalars.compactMap { scalar in
        let index = Int(scalar.value) - Int(first)
        return index >= 0 && index < dollars.count ? index : nil
      }
    }
    for run in prose.runs {
      for index in tagged(run.literal) {
        dollars[index].block = run.block
        dollars[index].link = run.link
        dollars[index].inlineHTML = run.inlineHTML
        dollars[index].quotes = prose.quoteDepths[run.block]
        dollars[index].seen = true
      }
    }
    for literal in prose.otherLiterals {
      for index in tagged(literal) { dollars[index].seen = true }
    }
    return dollars
  }

  /// The math spans (by byte range) among `dollars`, and the dollars that open math nothing
  /// closes; spans whose text is in `rejected` are left as text, without a warning.
  static func spans(in bytes: [UInt8], dollars: [Dollar], rejecting rejected: Set<String>)
    -> (spans: [(range: Range<Int>, quotes: Int)], problems: [MathProblem])
  {
    let prose = dollars.filter { $0.block != nil }
    var spans: [(range: Range<Int>, quotes: Int)] = []
    var problems: [MathProblem] = []
    var index = 0
    while index < prose.count {
      let open = prose[index]
      if open.escaped {
        index += 1
        continue
      }
      let display =
        index + 1 < prose.count && prose[index + 1].offset == open.offset + 1
        && prose[index + 1].block == open.block
      if let close = closing(prose, opening: index, display: display, in: bytes) {
        let span = open.offset..<(prose[close].offset + 1)
        if !rejected.contains(String(decoding: bytes[span], as: UTF8.self)) {
          spans.append((span, open.quotes))
        }
        index = close + 1
        continue
      }
      if let unbalanced = unbalancedMessage(bytes, at: open.offset, display: display) {
        let message = crossingClose(prose, opening: index, display: display, in: bytes) ?? unbalanced
        let (line, column) = position(of: open.offset, in: bytes)
        problems.append(MathProblem(line: line, column: column, message: message))
      }
      index += display ? 2 : 1
    }
    let definitions = definitionSpans(in: bytes, dollars: dollars, matching: spans.map(\.range))
    return (spans + definitions.map { ($0, 0) }, problems)
  }

  /// The spans of reference definitions (whose dollars cmark keeps nowhere) that repeat the
  /// text of a math span of the prose, so a label `[$x$]` still matches `[$x$]: /url` once both
  /// are protected. (The parse that tags dollars cannot match such labels, each dollar being
  /// its own character there, so the usage was read as text.)
  static func definitionSpans(in bytes: [UInt8], dollars: [Dollar], matching spans: [Range<Int>])
    -> [Range<Int>]
  {
    let written = Set(spans.map { String(decoding: bytes[$0], as: UTF8.self) })
    guard !written.isEmpty else { return [] }
    let unseen = dollars.filter { !$0.seen && !$0.escaped }
    var found: [Range<Int>] = []
    var index = 0
    while index < unseen.count {
      let open = unseen[index].offset
      let close = unseen[(index + 1)...].firstIndex { dollar in
        let span = open..<(dollar.offset + 1)
        return !bytes[span].contains(UInt8(ascii: "\n"))
          && written.contains(String(decoding: bytes[span], as: UTF8.self))
      }
      if let close {
        found.append(open..<(unseen[close].offset + 1))
        index = close + 1
      } else {
        index += 1
      }
    }
    return found
  }

  /// The spans (as written, by number in `spans`) whose placeholders cmark put outside prose in
  /// `text`.
  static func misplaced(in text: String, spans: [String], marker: String) -> Set<String> {
    guard !spans.isEmpty else { return [] }
    var found: Set<String> = []
    for literal in CommonMark.prose(in: text).otherLiterals where literal.utf8Range(of: marker) != nil {
      for number in placeholderNumbers(in: literal, marker: marker) where number < spans.count {
        found.insert(spans[number])
      }
    }
    return found
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
