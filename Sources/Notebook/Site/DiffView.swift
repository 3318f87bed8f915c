/// The markup of a failing cell's diff: one unified listing of expected (`−`) and actual (`+`)
/// lines as written, with the tokens that differ marked, scrolling sideways for wide lines.
///
/// ```html
/// <div class="diff"><div class="diff-legend">...</div><pre class="diff-lines">
/// <span class="diff-line same">  text</span>
/// <span class="diff-line del">− a <mark>3</mark></span>
/// <span class="diff-line add">+ a <mark>2</mark></span></pre></div>
/// ```
enum DiffView {
  /// The diff of `expected` against `actual`.
  static func html(expected: ExpectedOutput, actual: String) -> String {
    let comparison = expected.comparison
    let lines = LineDiff.lines(expected: expected.text, actual: actual, comparison: comparison)
    var rows: [String] = []
    var index = 0
    while index < lines.count {
      // A run of removed lines followed by a run of added ones: pair them up to mark tokens.
      var removed: [String] = []
      var added: [String] = []
      while index < lines.count, case .removed(let text) = lines[index] {
        removed.append(text)
        index += 1
      }
      while index < lines.count, case .added(let text) = lines[index] {
        added.append(text)
        index += 1
      }
      if removed.isEmpty && added.isEmpty {
        switch lines[index] {
        case .same(let text): rows.append("<span class=\"diff-line same\">  \(HTML.escape(text))</span>")
        case .note(let text): rows.append("<span class=\"diff-line note\">\(HTML.escape(text))</span>")
        case .removed, .added: break
        }
        index += 1
        continue
      }
      for (position, text) in removed.enumerated() {
        let other = position < added.count ? added[position] : nil
        rows.append(row("del", "−", text, against: other, comparison: comparison))
      }
      for (position, text) in added.enumerated() {
        let other = position < removed.count ? removed[position] : nil
        rows.append(row("add", "+", text, against: other, comparison: comparison))
      }
    }
    return "<div class=\"diff\">\n<div class=\"diff-legend\"><span class=\"diff-label del\">− expected "
      + "(chapter)</span><span class=\"diff-label add\">+ actual (this build)</span></div>\n"
      + "<pre class=\"diff-lines\">\(rows.joined(separator: "\n"))</pre>\n</div>\n"
  }

  /// One removed or added line, its tokens that differ from `other` in `<mark>`.
  private static func row(
    _ kind: String, _ sign: String, _ text: String, against other: String?, comparison: OutputComparison
  ) -> String {
    var out = "<span class=\"diff-line \(kind)\">\(sign) "
    let mine = pieces(text)
    let theirs = other.map { pieces($0).filter { !$0.isSpace } } ?? []
    var word = 0
    for piece in mine {
      if piece.isSpace {
        out += piece.text
        continue
      }
      let counterpart = word < theirs.count ? theirs[word].text : nil
      word += 1
      let same =
        counterpart.map {
          kind == "del"
            ? comparison.lineMatches(expected: piece.text, actual: $0)
            : comparison.lineMatches(expected: $0, actual: piece.text)
        } ?? false
      out += same || other == nil ? HTML.escape(piece.text) : "<mark>\(HTML.escape(piece.text))</mark>"
    }
    return out + "</span>"
  }

  /// `text` cut into runs of spaces and runs of other characters, in order.
  private static func pieces(_ text: String) -> [(text: String, isSpace: Bool)] {
    var result: [(text: String, isSpace: Bool)] = []
    for character in text {
      let isSpace = character == " " || character == "\t"
      if let last = result.last, last.isSpace == isSpace {
        result[result.count - 1].text.append(character)
      } else {
        result.append((String(character), isSpace))
      }
    }
    return result
  }
}
