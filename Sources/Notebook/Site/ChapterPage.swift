import Foundation
import NotebookRuntime

/// The HTML page of one chapter: contents, prose with math and `{{name}}` values, each cell's
/// highlighted code with its output, tables and plots, verified marks, failures, prev/next.
public struct ChapterPage {
  /// The chapter, its run and its check.
  public var result: ChapterResult
  /// The previous chapter's (file name, title), if any.
  public var previous: (file: String, title: String)?
  /// The next chapter's (file name, title), if any.
  public var next: (file: String, title: String)?
  /// The site title shown in the header.
  public var siteTitle: String
  /// Every chapter of the site, for the sidebar.
  var chapters: [Sidebar.Entry] = []

  /// The page's file name (`01-neural-networks.html`).
  public static func fileName(for chapter: Chapter) -> String { chapter.slug + ".html" }

  /// The complete HTML document.
  public var html: String { document(body: bodyHTML) }

  /// The complete HTML document around the article `body` (`bodyHTML`).
  func document(body: String) -> String {
    let chapter = result.chapter
    var out = PageShell.documentStart(title: "\(chapter.title) · \(siteTitle)")
    out += PageShell.header(
      siteTitle: siteTitle, label: Sidebar.numbered(chapter.title, Sidebar.number(of: chapter)))
    let file = ChapterPage.fileName(for: chapter)
    out += Sidebar(chapters: chapters, current: file, sections: ChapterPage.sections(inBody: body)).html
    out += "<main class=\"page\">\n\(body)</main>\n"
    out += pager
    let check = result.check
    out += "<footer class=\"site-footer\">\(check.ranCount) cell\(check.ranCount == 1 ? "" : "s") run, "
    out += "\(check.verifiedCount) verified"
    let errors = check.diagnostics.filter { $0.severity == .error }.count
    if errors > 0 { out += ", \(errors) error\(errors == 1 ? "" : "s")" }
    out += ".</footer>\n</body>\n</html>\n"
    return out
  }

  private var pager: String {
    guard previous != nil || next != nil else { return "" }
    var out = "<nav class=\"pager\" aria-label=\"Chapters\">"
    if let previous {
      out += "<a rel=\"prev\" href=\"\(HTML.escape(previous.file))\">← \(HTML.escape(previous.title))</a>"
    }
    if let next {
      out += "<a rel=\"next\" href=\"\(HTML.escape(next.file))\">\(HTML.escape(next.title)) →</a>"
    }
    return out + "</nav>\n"
  }

  /// The article: the rendered Markdown with cells replaced by cell markup.
  var bodyHTML: String {
    let chapter = result.chapter
    let protection = MathProtection(source: chapter.source)
    let headings = CommonMark.headings(in: protection.protectedText, link: ChapterLinks.siteURL(for:))
    let published = result.run.published
    func fill(_ text: String) -> String { PlaceholderSyntax.fill(text) { published[$0] } }
    let ids = HeadingIDs(chapter: chapter)
    let toc = tableOfContents(headings: headings, ids: ids, fill: fill)
    let cellsByLine = Dictionary(uniqueKeysWithValues: chapter.cells.map { ($0.fenceLine, $0) })
    let attachedOutputs = Set(chapter.cells.compactMap { $0.expected?.fenceLine })
    let cellLines = chapter.cells.map(\.fenceLine)
    var pageDiagnostics: [Diagnostic] = []
    var cellDiagnostics: [Int: [Diagnostic]] = [:]
    for diagnostic in result.check.diagnostics where diagnostic.message != "output differs" {
      if let owner = ChapterPage.cellOwning(line: diagnostic.line, cells: chapter.cells, starts: cellLines) {
        cellDiagnostics[owner, default: []].append(diagnostic)
      } else {
        pageDiagnostics.append(diagnostic)
      }
    }
    var firstTitle = true
    var headingIndex = 0
    let exercises = ExerciseView(chapter: chapter)
    let hooks = MarkdownRenderHooks(
      codeBlock: { _, block in
        if let exercise = exercises.html(forBlockAt: block.startLine) { return exercise }
        if let cell = cellsByLine[block.startLine] {
          return CellView(
            cell: cell, chapter: chapter, run: result.run,
            verdict: result.check.verdicts[cell.index],
            diagnostics: cellDiagnostics[cell.index] ?? []
          ).html
        }
        if attachedOutputs.contains(block.startLine) { return "" }
        return ChapterPage.codeHTML(block)
      },
      heading: { heading in
        // Headings come in document order, as `headings` lists them.
        let id = ids.id(at: headingIndex)
        headingIndex += 1
        var out = "<h\(heading.level) id=\"\(id)\">\(heading.innerHTML)"
        if heading.level >= 2 {
          out += "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a>"
        }
        out += "</h\(heading.level)>"
        if heading.level == 1 && firstTitle {
          firstTitle = false
          out += "\n" + ChapterPage.downloadLink(chapter) + ChapterPage.problems(pageDiagnostics) + toc
        }
        return out
      },
      text: { text in fill(text.literal) },
      link: ChapterLinks.siteURL(for:))
    var html = CommonMark.render(protection.protectedText, hooks: hooks)
    if firstTitle {
      html = ChapterPage.downloadLink(chapter) + ChapterPage.problems(pageDiagnostics) + toc + html
    }
    return protection.restore(html, markup: true, escape: { HTML.escape(fill($0)) })
  }

  /// A code block that is not a cell, as cmark shows it: its language is the info string's
  /// first word (up to a space or a tab).
  static func codeHTML(_ block: MarkdownCodeBlock) -> String {
    let language = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
    let attribute = language.isEmpty ? "" : " class=\"language-\(HTML.escape(language))\""
    return "<pre><code\(attribute)>\(HTML.escape(block.literal))</code></pre>"
  }

  /// The `##` sections of the chapter as (id, inner HTML, math marked) for the sidebar, read
  /// back from the article's `<h2 id="...">...<a class="anchor" ...>#</a></h2>` (cheaper than
  /// parsing the chapter again, and the same markup by construction).
  static func sections(inBody body: String) -> [(id: String, html: String)] {
    var found: [(id: String, html: String)] = []
    var rest = body[...]
    while let open = rest.utf8Range(of: "<h2 id=\"") {
      let afterOpen = rest[open.upperBound...]
      guard let idEnd = afterOpen.utf8Range(of: "\">"), let close = afterOpen.utf8Range(of: "</h2>") else {
        break
      }
      var inner = afterOpen[idEnd.upperBound..<close.lowerBound]
      if let anchor = inner.utf8Range(of: "<a class=\"anchor\"") { inner = inner[..<anchor.lowerBound] }
      found.append((String(afterOpen[..<idEnd.lowerBound]), String(inner)))
      rest = afterOpen[close.upperBound...]
    }
    return found
  }

  private func tableOfContents(headings: [MarkdownHeading], ids: HeadingIDs, fill: (String) -> String)
    -> String
  {
    let entries = headings.enumerated().filter { $0.element.level == 2 }
    guard entries.count >= 2 else { return "" }
    var out = "<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2><ol>\n"
    for (index, heading) in entries {
      out += "<li><a href=\"#\(ids.id(at: index))\">\(fill(heading.innerHTML))</a></li>\n"
    }
    return out + "</ol></nav>\n"
  }

  /// The link to the chapter's cells as one Swift program.
  static func downloadLink(_ chapter: Chapter) -> String {
    guard !chapter.cells.isEmpty else { return "" }
    let file = HTML.escape(ChapterDownload.fileName(for: chapter))
    return "<p class=\"chapter-download\"><a href=\"\(file)\" download>Download the cells as one Swift "
      + "program (\(file))</a></p>\n"
  }

  /// Diagnostics that belong to no cell, shown under the title.
  static func problems(_ diagnostics: [Diagnostic]) -> String {
    guard !diagnostics.isEmpty else { return "" }
    let text = diagnostics.map(\.description).joined(separator: "\n")
    return "<div class=\"cell error\"><pre class=\"error\">\(HTML.escape(text))</pre></div>\n"
  }

  /// The index of the cell whose code (or output block) holds `line`.
  static func cellOwning(line: Int, cells: [Cell], starts: [Int]) -> Int? {
    guard let position = starts.lastIndex(where: { $0 <= line }) else { return nil }
    let cell = cells[position]
    let end =
      cell.expected.map { $0.closingLine ?? Int.max }
      ?? (cell.codeLine + cell.code.filter { $0 == "\n" }.count)
    return line <= end ? cell.index : nil
  }
}
