/// The site's front page: the title and the chapter list with a verified badge per chapter.
public struct IndexPage {
  /// The chapters in order.
  public var results: [ChapterResult]
  /// The site title.
  public var siteTitle: String

  /// The complete HTML document.
  public var html: String {
    var out = PageShell.documentStart(title: siteTitle)
    out += PageShell.header(siteTitle: siteTitle)
    out += "<main class=\"page\">\n<h1>\(HTML.escape(siteTitle))</h1>\n"
    out += "<p>An executable companion to a first course on neural networks and deep learning. "
    out += "Every code cell below is Swift, compiled and run against the project's own library "
    out += "when the site is built, and every output on these pages was produced by that run. "
    out += "Each chapter below says how many of its expected outputs the run matched.</p>\n"
    if results.isEmpty {
      out += "<p>No chapters yet.</p>\n"
    } else {
      out += "<ol class=\"chapter-list\">\n"
      for result in results {
        let check = result.check
        out += "<li>"
        if let number = Sidebar.number(of: result.chapter) {
          out += "<span class=\"chapter-number\">\(number)</span>"
        }
        out += "<a href=\"\(HTML.escape(ChapterPage.fileName(for: result.chapter)))\">"
        out += "\(HTML.escape(result.chapter.title))</a> "
        if result.kept {
          out += "<span class=\"badge unchecked\">kept</span>"
          out += "<p class=\"summary\">Not run in this build: the page is the one an earlier build wrote.</p>"
        } else {
          out += badge(check)
          out += ExerciseView.indexCount(result.chapter)
          out += "<p class=\"summary\">\(check.ranCount) cell\(check.ranCount == 1 ? "" : "s") run, "
          out += "\(check.verifiedCount) of \(check.outputBlockCount) expected output"
          out += "\(check.outputBlockCount == 1 ? "" : "s") verified"
          if check.notRunCount > 0 { out += ", \(check.notRunCount) not run" }
          out += "</p>"
        }
        out += "</li>\n"
      }
      out += "</ol>\n"
    }
    let cells = results.map(\.check.ranCount).reduce(0, +)
    let verified = results.map(\.check.verifiedCount).reduce(0, +)
    let blocks = results.map(\.check.outputBlockCount).reduce(0, +)
    out += "</main>\n<footer class=\"site-footer\">\(results.count) chapter\(results.count == 1 ? "" : "s"), "
    out +=
      "\(cells) cells run, \(verified) of \(blocks) expected outputs verified.</footer>\n</body>\n</html>\n"
    return out
  }

  private func badge(_ check: ChapterCheck) -> String {
    if !check.passed {
      let errors = check.diagnostics.filter { $0.severity == .error }.count
      return "<span class=\"badge failed\">✗ \(errors) failing</span>"
    }
    if check.checkedCount == 0 { return "<span class=\"badge unchecked\">not checked</span>" }
    return "<span class=\"badge verified\">✓ verified</span>"
  }
}
