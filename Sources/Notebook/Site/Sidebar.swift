/// The list of chapters beside every page: each chapter numbered, the current one marked with
/// its sections under it. On wide screens it is a column on the left, always open; on narrow
/// ones a collapsed "Chapters" block under the header (`site.js` opens it on wide screens).
///
/// ```html
/// <nav class="sidebar" aria-label="Chapters"><details><summary>Chapters</summary><ol>
/// <li><a href="01-x.html"><span class="chapter-number">1</span> Title</a></li>
/// <li class="current"><a href="02-y.html" aria-current="page">...</a><ol class="sections">...</ol></li>
/// </ol></details></nav>
/// ```
struct Sidebar {
  /// One chapter of the list.
  struct Entry: Sendable {
    var file: String
    var title: String
    var number: Int?
  }

  /// Every chapter, in order.
  var chapters: [Entry]
  /// The current page's file name (nil on the index).
  var current: String?
  /// The current chapter's sections: (id, inner HTML) of its `##` headings.
  var sections: [(id: String, html: String)] = []

  var html: String {
    guard !chapters.isEmpty else { return "" }
    var out = "<nav class=\"sidebar\" aria-label=\"Chapters\"><details><summary>Chapters</summary>\n<ol>\n"
    for entry in chapters {
      let isCurrent = entry.file == current
      out += isCurrent ? "<li class=\"current\">" : "<li>"
      out += "<a href=\"\(HTML.escape(entry.file))\"\(isCurrent ? " aria-current=\"page\"" : "")>"
      out += Sidebar.numbered(entry.title, entry.number) + "</a>"
      if isCurrent && !sections.isEmpty {
        out += "\n<ol class=\"sections\">\n"
        for section in sections {
          out += "<li><a href=\"#\(section.id)\">\(section.html)</a></li>\n"
        }
        out += "</ol>"
      }
      out += "</li>\n"
    }
    return out + "</ol></details></nav>\n"
  }

  /// `<span class="chapter-number">5</span> Title`, escaped (the title alone without a number).
  static func numbered(_ title: String, _ number: Int?) -> String {
    let text = HTML.escape(title)
    return number.map { "<span class=\"chapter-number\">\($0)</span> \(text)" } ?? text
  }

  /// The chapter's number: the digits its file name starts with (`05-broadcasting` → 5).
  static func number(of chapter: Chapter) -> Int? {
    Int(chapter.slug.prefix(while: { $0.isASCII && $0.isNumber }))
  }

  /// The entries for `chapters`.
  static func entries(_ chapters: [Chapter]) -> [Entry] {
    chapters.map { Entry(file: ChapterPage.fileName(for: $0), title: $0.title, number: number(of: $0)) }
  }
}
