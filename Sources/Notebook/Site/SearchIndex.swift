/// The search corpus written to `assets/search-index.js`: one document per section of every
/// chapter (the text before the first `##` heading is a section of its own), holding the
/// section's prose, code, printed outputs and tables as plain text.
///
/// It is a script, not JSON, because a page opened from `file://` cannot `fetch` a file:
/// `window.companionSearchDocuments = [{"c": chapter, "s": section, "u": "page.html#id",
/// "t": text}, ...];` for showing results, then `window.companionSearchIndex = {...};`, the
/// lunr index of those documents built here (`LunrIndex`), which `assets/search.js` loads with
/// `lunr.Index.load`. The bytes depend only on the pages, in chapter and section order.
struct SearchIndex {
  /// One section of one chapter.
  struct Document: Equatable {
    /// The chapter's title.
    var chapter: String
    /// The section's heading text (`Introduction` for the text above the first heading).
    var section: String
    /// The page and anchor (`05-broadcasting.html#rank-1-arrays`).
    var url: String
    /// The section's text, whitespace folded.
    var text: String
  }

  /// The documents, in chapter order.
  var documents: [Document] = []

  /// Adds the sections of one chapter page from its article HTML.
  mutating func add(chapterTitle: String, page: String, articleHTML: String) {
    var html = articleHTML
    let skipped = [
      ("<h1", "</h1>"), ("<p class=\"chapter-download\"", "</p>"), ("<nav class=\"toc\"", "</nav>"),
      ("<svg", "</svg>"), ("<a class=\"anchor\"", "</a>"), ("<div class=\"cell-status\"", "</div>"),
    ]
    for (open, close) in skipped {
      html = SearchIndex.removing(from: html, open: open, close: close)
    }
    html = SearchIndex.mathAsPlainText(html)
    var section = "Introduction"
    var anchor: String? = nil
    var rest = html[...]
    while true {
      let next = SearchIndex.nextSectionHeading(in: rest)
      let text = SearchIndex.plainText(rest[..<(next?.start ?? rest.endIndex)])
      if !text.isEmpty || anchor != nil {
        let url = anchor.map { "\(page)#\($0)" } ?? page
        documents.append(Document(chapter: chapterTitle, section: section, url: url, text: text))
      }
      guard let next else { break }
      section = SearchIndex.plainText(rest[next.titleStart..<next.titleEnd])
      anchor = next.id
      rest = rest[next.end...]
    }
  }

  /// The lunr fields of each document: the section title (boost 4), the chapter title (2) and
  /// the text.
  static let fields = [
    LunrIndex.Field(name: "s", boost: 4), LunrIndex.Field(name: "c", boost: 2),
    LunrIndex.Field(name: "t", boost: 1),
  ]

  /// The lunr index of the documents (refs are positions in `documents`).
  var lunrIndex: LunrIndex {
    LunrIndex(fields: SearchIndex.fields, documents: documents.map { [$0.section, $0.chapter, $0.text] })
  }

  /// The contents of `assets/search-index.js`: the documents, then their lunr index.
  var script: String {
    var stems: [String: String] = [:]
    return script(stems: &stems)
  }

  /// ``script``, with the stems known from earlier builds in `stems` (see ``LunrIndex``).
  func script(stems: inout [String: String]) -> String {
    var out = "window.companionSearchDocuments = [\n"
    for (index, document) in documents.enumerated() {
      out += "{\"c\":\(SearchIndex.json(document.chapter)),\"s\":\(SearchIndex.json(document.section)),"
      out += "\"u\":\(SearchIndex.json(document.url)),\"t\":\(SearchIndex.json(document.text))}"
      out += index + 1 < documents.count ? ",\n" : "\n"
    }
    out += "];\nwindow.companionSearchIndex = \(lunrIndex.json(stems: &stems));\n"
    return out
  }

  /// The next `<h2 id=...>` or `<h3 id=...>` in `html`: where it starts and ends, its id, and
  /// the range of its content.
  private static func nextSectionHeading(in html: Substring)
    -> (start: String.Index, end: String.Index, id: String, titleStart: String.Index, titleEnd: String.Index)?
  {
    var search = html
    while let open = search.utf8Range(of: "<h") {
      let level = search[open.upperBound...].first
      let after = search[open.upperBound...].dropFirst()
      guard level == "2" || level == "3", after.hasPrefix(" id=\""),
        let idEnd = after.dropFirst(5).firstIndex(of: "\""),
        let tagEnd = after[idEnd...].firstIndex(of: ">"),
        let close = after[tagEnd...].utf8Range(of: "</h\(level!)>")
      else {
        search = search[open.upperBound...]
        continue
      }
      let id = String(after.dropFirst(5)[..<idEnd])
      return (
        open.lowerBound, close.upperBound, decodeEntities(id), after.index(after: tagEnd), close.lowerBound
      )
    }
    return nil
  }

  /// `html` with the TeX of every math element (`<span class="math ...">TeX</span>`) written as
  /// plain text (``TeXPlainText``), so results show `∂J/∂w`, not `\frac{\partial J}{\partial w}`.
  static func mathAsPlainText(_ html: String) -> String {
    let open = "<span class=\"math "
    var result = ""
    var rest = html[...]
    while let start = rest.utf8Range(of: open), let tagEnd = rest[start.upperBound...].firstIndex(of: ">"),
      let close = rest[tagEnd...].utf8Range(of: "</span>")
    {
      result += rest[..<start.lowerBound]
      let tex = decodeEntities(String(rest[rest.index(after: tagEnd)..<close.lowerBound]))
      let text = HTML.escape(TeXPlainText.plain(tex))
      result += rest[start.upperBound..<tagEnd].hasPrefix("display") ? " \(text) " : text
      rest = rest[close.upperBound...]
    }
    return result + rest
  }

  /// `html` without every element that starts with `open` through the next `close`.
  private static func removing(from html: String, open: String, close: String) -> String {
    var result = ""
    var rest = html[...]
    while let start = rest.utf8Range(of: open) {
      result += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].utf8Range(of: close) else {
        rest = rest[rest.endIndex...]
        break
      }
      rest = rest[end.upperBound...]
    }
    return result + rest
  }

  /// The text of an HTML fragment: tags dropped (block tags as spaces), entities decoded,
  /// whitespace folded to single spaces.
  static func plainText(_ html: Substring) -> String {
    var text = ""
    var inTag = false
    for character in html {
      if inTag {
        if character == ">" { inTag = false }
      } else if character == "<" {
        inTag = true
        text.append(" ")
      } else {
        text.append(character)
      }
    }
    let decoded = decodeEntities(text)
    return decoded.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
  }

  /// Decodes the entities `HTML.escape` and cmark write.
  private static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = text
    for (entity, character) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&"),
    ] {
      result = result.replacingAll(entity, with: character)
    }
    return result
  }

  /// A JSON string literal for `text` (also safe inside a script: `<` is escaped).
  static func json(_ text: String) -> String {
    let body = HTML.replacingScalars(in: text) { scalar in
      switch scalar {
      case "\"": return "\\\""
      case "\\": return "\\\\"
      case "\n": return "\\n"
      case "\t": return "\\t"
      case "<": return "\\u003c"
      case "\u{2028}": return "\\u2028"
      case "\u{2029}": return "\\u2029"
      default:
        guard scalar.value < 0x20 else { return nil }
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      }
    }
    return "\"" + body + "\""
  }
}
